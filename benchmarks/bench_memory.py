"""Memory: the peak resident size of a new worker process rendering the 10-ground motion.

Each measurement is a fresh Python process (Django set up, as a gunicorn worker is), so
nothing an earlier render left behind counts; the parent reads the child's peak from
getrusage(RUSAGE_CHILDREN). A process that only sets Django up is measured too, to show what
the render itself adds. Target (issue "Fast"): under 300 MB. Where `soffice` is installed, the
peak of LibreOffice converting the same motion as a DOCX is measured too
(benchmarks/libreoffice.py), in a process of its own.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import ROOT, Row, report, setup_django  # noqa: E402
from libreoffice import Converter, soffice  # noqa: E402

TARGET_MB = 300
SET_UP = """
import sys
sys.path.insert(0, {here!r})
from common import setup_django
setup_django(scratch_db=False)
"""
RENDER = """
import logging
from bench_drafts import AS_OF, case_with
from intake.drafts import rendering
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
assert rendering.render(case_with(10), "motion", as_of=AS_OF)[:4] == b"%PDF"
"""


SOFFICE_PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, capture_output=True, timeout=110)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_mb(action) -> float:
    """The peak RSS of the child processes `action` runs (the children's peak only grows)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    action()
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert after >= before
    return after / 1024  # kilobytes on Linux


def python(code: str):
    return lambda: subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)


def libreoffice_row(rendering_mb: float) -> Row:
    name = "LibreOffice (soffice) converting the same motion as a DOCX"
    if soffice() is None:
        return Row(name, "not installed, skipped")
    setup_django(scratch_db=False)
    from bench_drafts import AS_OF, case_with

    from intake.drafts import rendering

    converter = Converter(rendering.document_html(case_with(10), "motion", as_of=AS_OF))
    try:
        # A fresh Python process runs soffice and reports its own children's peak, so the
        # DOCX's making (in this process's children) is not counted.
        done = subprocess.run(
            [sys.executable, "-c", SOFFICE_PEAK, *converter.convert_command()],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        converter.close()
    peak = int(done.stdout) / 1024
    return Row(name, f"{peak:.0f} MB peak RSS  {peak / rendering_mb:.1f}x ours")


def run() -> list[Row]:
    setup = SET_UP.format(here=str(HERE))
    # The Django-only process first: RUSAGE_CHILDREN keeps the largest child so far.
    django_only = peak_mb(python(setup))
    rendering = peak_mb(python(setup + RENDER))
    return [
        Row("a new process with Django set up", f"{django_only:.0f} MB peak RSS"),
        Row(
            "the same, rendering the 10-ground motion",
            f"{rendering:.0f} MB peak RSS",
            f"< {TARGET_MB} MB",
            rendering < TARGET_MB,
        ),
        libreoffice_row(rendering),
    ]


if __name__ == "__main__":
    report("Memory (peak resident set size)", run())
