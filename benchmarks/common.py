"""Shared pieces of the benchmarks: a result row, percentiles, a Django set-up on a scratch
database, and the table printed by each script and collected into docs/benchmarks.md."""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Row:
    name: str
    value: str
    target: str = ""
    met: bool | None = None

    @property
    def verdict(self) -> str:
        return "" if self.met is None else ("met" if self.met else "NOT MET")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def median(values: list[float]) -> float:
    return statistics.median(values)


def print_table(title: str, rows: list[Row]) -> None:
    print(f"\n{title}")
    width = max(len(r.name) for r in rows) + 2
    for r in rows:
        print(f"  {r.name:<{width}}{r.value:>22}  {r.target:<24}{r.verdict}")


def report(title: str, rows: list[Row]) -> None:
    """Print the table; under benchmarks/run.py, also hand the rows to it as JSON."""
    print_table(title, rows)
    out = os.environ.get("BENCH_ROWS")
    if out:
        Path(out).write_text(json.dumps({"title": title, "rows": [r.__dict__ for r in rows]}))


def setup_django(scratch_db: bool = True) -> Path | None:
    """Configure Django; with `scratch_db`, on a new SQLite file that is migrated first."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Development settings (no SECRET_KEY needed, plain static files); DEBUG is turned off below.
    os.environ.setdefault("DEBUG", "true")
    folder = None
    if scratch_db and "DATABASE_URL" not in os.environ:
        folder = Path(tempfile.mkdtemp(prefix="bench-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    import django
    from django.conf import settings

    django.setup()
    # DEBUG keeps every query in memory; production does not.
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    if scratch_db:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
    return folder
