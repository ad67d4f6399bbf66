"""Memory: the peak resident size of a new worker process rendering the 10-ground motion.

Each measurement is a fresh Python process (Django set up, as a gunicorn worker is), so
nothing an earlier render left behind counts; the parent reads the child's peak from
getrusage(RUSAGE_CHILDREN). A process that only sets Django up is measured too, to show what
the render itself adds. Target (issue "Fast"): under 300 MB. LibreOffice is compared only
where `soffice` is installed.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import ROOT, Row, report  # noqa: E402

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
from intake import drafts
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
assert drafts.render(case_with(10), "motion", as_of=AS_OF)[:4] == b"%PDF"
"""


def peak_mb(code: str) -> float:
    """The peak RSS of a new process running `code` (the children's peak must only grow)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert after >= before
    return after / 1024  # kilobytes on Linux


def run() -> list[Row]:
    setup = SET_UP.format(here=str(HERE))
    # The Django-only process first: RUSAGE_CHILDREN keeps the largest child so far.
    django_only = peak_mb(setup)
    rendering = peak_mb(setup + RENDER)
    return [
        Row("a new process with Django set up", f"{django_only:.0f} MB peak RSS"),
        Row(
            "the same, rendering the 10-ground motion",
            f"{rendering:.0f} MB peak RSS",
            f"< {TARGET_MB} MB",
            rendering < TARGET_MB,
        ),
        Row(
            "LibreOffice (soffice) converting a DOCX",
            "installed, not measured" if shutil.which("soffice") else "not installed, skipped",
        ),
    ]


if __name__ == "__main__":
    report("Memory (peak resident set size)", run())
