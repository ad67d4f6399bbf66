"""Which app may import which (docs/architecture.md), read from the source files' import
statements: evidence builds on intake, never the other way round, so no import cycle joins them.

intake may import evidence only in its views, and only `evidence.services` (the documents as the
drafts read them); evidence may import only intake's models, drafts, access check, clock and
download file names, never its views, its interview or a signal of intake's.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What evidence may import of intake (docs/architecture.md, "evidence/").
EVIDENCE_MAY_IMPORT = {
    "intake.models",
    "intake.drafts",
    "intake.access",
    "intake.clock",
    "intake.filenames",
}
# Where intake may import evidence, and what (docs/architecture.md, "intake/").
INTAKE_MAY_IMPORT_IN = "intake.views"
INTAKE_MAY_IMPORT = {"evidence.services"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files(app: str) -> dict[str, Path]:
    return {
        module_name(path): path
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
    }


MODULES = {**source_files("intake"), **source_files("evidence")}


def imports_of(path: Path) -> set[str]:
    """Every module the file imports, anywhere in it (a function's import counts too):
    `from intake import clock` names intake.clock when that is a module of its own."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in MODULES else node.module)
    return found


def app_of(module: str) -> str:
    return module.split(".")[0]


def test_the_scan_reads_the_imports_it_checks():
    assert "intake.models" in imports_of(MODULES["evidence.models"])
    assert "intake.clock" in imports_of(MODULES["evidence.views"])
    assert "evidence.services" in imports_of(MODULES["intake.views.downloads"])


def test_evidence_imports_only_intakes_models_drafts_access_clock_and_file_names():
    wrong = {
        (module, imported)
        for module, path in MODULES.items()
        if app_of(module) == "evidence"
        for imported in imports_of(path)
        if app_of(imported) == "intake" and imported not in EVIDENCE_MAY_IMPORT
    }
    assert wrong == set()


def test_intake_imports_evidence_only_in_its_views_and_only_the_services():
    wrong = {
        (module, imported)
        for module, path in MODULES.items()
        if app_of(module) == "intake"
        for imported in imports_of(path)
        if app_of(imported) == "evidence"
        and not (module.startswith(INTAKE_MAY_IMPORT_IN) and imported in INTAKE_MAY_IMPORT)
    }
    assert wrong == set()


def test_no_chain_of_imports_leads_from_evidence_back_to_itself_through_intake():
    """What evidence imports of intake, and all that those import in turn, never imports
    evidence: the two apps form no cycle, however long."""
    graph = {module: imports_of(path) & MODULES.keys() for module, path in MODULES.items()}
    for start in (m for m in MODULES if app_of(m) == "evidence"):
        seen, todo = set(), [m for m in graph[start] if app_of(m) == "intake"]
        while todo:
            module = todo.pop()
            if module in seen:
                continue
            seen.add(module)
            assert app_of(module) == "intake", f"{start} imports itself back through {module}"
            todo.extend(graph[module])
