"""`make bench`: every benchmark, one after the other, then docs/benchmarks.md.

Each benchmark runs in its own process (its own scratch database, its own Django set-up) with
a time limit, so one that hangs or fails is reported as such and the others still run. The
tables are printed as they come and written, with the machine they ran on and how to run them
again, to docs/benchmarks.md; benchmarks/fixes.md (the before and after of each fix, written by
hand) is copied in after them.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import django
import weasyprint

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUTPUT = ROOT / "docs" / "benchmarks.md"
FIXES = HERE / "fixes.md"

# (script, time limit in seconds, on PostgreSQL); the whole run stays under ten minutes on two
# cores. A large workspace's database is PostgreSQL, so the dashboard is measured on one: a
# throw-away server, the one the tests use (scripts/with_postgres.py).
BENCHMARKS = [
    ("bench_rules.py", 120, False),
    ("bench_drafts.py", 120, False),
    ("bench_interview.py", 240, False),
    ("bench_dashboard.py", 420, True),
    ("bench_load.py", 150, False),
    ("bench_memory.py", 90, False),
]


def run_one(script: str, limit: int, on_postgres: bool) -> dict:
    """The benchmark's title and rows, or a single row saying why there are none."""
    command = [sys.executable, str(HERE / script)]
    if on_postgres:
        command = [sys.executable, str(ROOT / "scripts" / "with_postgres.py"), "--", *command]
    with tempfile.TemporaryDirectory(prefix="bench-rows-") as folder:
        out = Path(folder) / "rows.json"
        env = {**os.environ, "BENCH_ROWS": str(out)}
        start = time.monotonic()
        try:
            done = subprocess.run(command, cwd=ROOT, env=env, timeout=limit)
            failed = f"failed (exit {done.returncode})" if done.returncode else ""
        except subprocess.TimeoutExpired:
            failed = f"stopped after {limit} s"
        seconds = time.monotonic() - start
        if failed or not out.exists():
            failure = {"name": script, "value": failed or "no rows", "target": "", "met": False}
            return {"title": script, "rows": [failure], "seconds": seconds}
        return {**json.loads(out.read_text()), "seconds": seconds}


def machine() -> list[str]:
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    return [
        f"- CPU cores: {os.cpu_count()} ({platform.machine()}), load average at the end {load}",
        f"- Python {platform.python_version()}, Django {django.get_version()}, "
        f"WeasyPrint {weasyprint.__version__}, SQLite {sqlite3.sqlite_version}",
        f"- {platform.platform()}",
        f"- LibreOffice: {libreoffice_version()}",
    ]


def libreoffice_version() -> str:
    if shutil.which("soffice") is None:
        return "not installed"
    done = subprocess.run(["soffice", "--version"], capture_output=True, text=True, timeout=60)
    return " ".join(done.stdout.split()[:2]) or "installed"


def cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown(results: list[dict], total: float) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` (benchmarks/run.py) on {when}, in {total:.0f} s. The machine",
        "is shared and noisy, so the numbers are medians and 95th percentiles (with the load",
        "average), and each interview step is also shown against a floor measured in the same run.",
        "",
        "## How to reproduce",
        "",
        "```sh",
        "make bench                               # everything, then this file",
        ".venv/bin/python benchmarks/bench_interview.py 50   # one benchmark, fewer interviews",
        "```",
        "",
        "Each script runs on its own scratch SQLite database (`DATABASE_URL` overrides it) but",
        "the dashboard's, which runs on a throw-away PostgreSQL server",
        "(`scripts/with_postgres.py -- .venv/bin/python benchmarks/bench_dashboard.py`); the",
        "load test starts gunicorn with 4 workers on 127.0.0.1 with production settings.",
        "The LibreOffice rows need `soffice` (on Debian: `apt-get install",
        "libreoffice-writer-nogui`); without it they say so and are skipped.",
        "",
        "## The machine",
        "",
        *machine(),
        "",
        "## Results",
    ]
    for result in results:
        lines += [
            "",
            f"### {result['title']}",
            "",
            f"({result['seconds']:.0f} s)",
            "",
            "| What | Measured | Target | |",
            "|---|---|---|---|",
        ]
        for row in result["rows"]:
            met = "" if row["met"] is None else ("met" if row["met"] else "**not met**")
            lines.append(
                f"| {cell(row['name'])} | {cell(row['value'])} | {cell(row['target'])} | {met} |"
            )
    if FIXES.exists():
        lines += ["", FIXES.read_text().strip()]
    return "\n".join(lines) + "\n"


def main() -> None:
    start = time.monotonic()
    results = []
    for script, limit, on_postgres in BENCHMARKS:
        print(f"\n== {script}", flush=True)
        results.append(run_one(script, limit, on_postgres))
    total = time.monotonic() - start
    OUTPUT.write_text(markdown(results, total))
    print(f"\nAll benchmarks in {total:.0f} s; written to {OUTPUT.relative_to(ROOT)}")
    missed = [r["name"] for res in results for r in res["rows"] if r["met"] is False]
    if missed:
        print("Not met: " + "; ".join(missed))


if __name__ == "__main__":
    main()
