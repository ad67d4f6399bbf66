"""`python manage.py draft CASE.json --out DIR` run as a person runs it: a real process.

A subprocess shows what a terminal shows: the exit code, every line on stderr, and that a bad
file never produces a traceback.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone

from eligibility.facts import FORMAT
from eligibility.words import court_date

ROOT = Path(__file__).resolve().parent.parent

CASE = {
    "format": FORMAT,
    "as_of": "2026-11-29",
    "person": {"name": "Robert Example", "register_number": "12345-678", "facility": "DEV"},
    "custody": {
        "sentencing_court": "federal_district",
        "status": "bop_facility",
        "offense_date": "2012-03-01",
    },
    "sentence": {"district": "nysd", "case_number": "1:12-cr-00123-ABC", "term_months": 240},
    "grounds": [{"category": "medical_terminal", "facts": "Metastatic prostate cancer."}],
    "warden_requests": [
        {
            "sent_on": "2026-09-01",
            "asked_for": "sentence_reduction",
            "method": "hand_delivered",
            "received_on": "2026-09-01",
            "grounds": ["medical_terminal"],
        }
    ],
}


def draft(tmp_path: Path, case, *args: str) -> tuple[subprocess.CompletedProcess, Path]:
    case_path = tmp_path / "case.json"
    case_path.write_text(case if isinstance(case, str) else json.dumps(case))
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "manage.py", "draft", str(case_path), "--out", str(out), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done, out


def letter_text(out: Path) -> str:
    done = subprocess.run(
        ["pdftotext", str(out / "warden-request.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return " ".join(done.stdout.split())


def test_it_writes_the_request_the_motion_and_the_seal_motion(tmp_path):
    done, out = draft(tmp_path, CASE)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert sorted(p.name for p in out.iterdir()) == [
        "motion.pdf",
        "read-me-first.pdf",
        "seal-motion.pdf",
        "warden-request.pdf",
    ]
    assert all(p.read_bytes().startswith(b"%PDF-") for p in out.iterdir())
    assert str(out / "motion.pdf") in done.stdout.splitlines()
    assert "There is no filing fee for this motion." in done.stdout


def test_a_family_grounds_records_get_the_seal_motion_too(tmp_path):
    """A parent's medical file is private (Fed. R. Crim. P. 49.1): offered for sealing."""
    ground = {"category": "family_parent", "facts": "My mother is 91."}
    request = {**CASE["warden_requests"][0], "grounds": [ground]}
    case = {**CASE, "grounds": [ground], "warden_requests": [request]}
    done, out = draft(tmp_path, case)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "motion.pdf",
        "read-me-first.pdf",
        "seal-motion.pdf",
        "warden-request.pdf",
    ]


def test_no_motion_when_the_screening_allows_none_one_line_why(tmp_path):
    """A ground the warden never saw: the request only, and stderr says why (exit 0)."""
    case = {**CASE, "grounds": [{"category": "family_parent", "facts": "My mother is 91."}]}
    done, out = draft(tmp_path, case)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["read-me-first.pdf", "warden-request.pdf"]
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("No motion written: "), done.stderr
    assert len(lines[0]) > len("No motion written: ") + 10


def test_filing_sooner_on_some_grounds_writes_motion_now(tmp_path):
    terminal = {"category": "medical_terminal", "facts": "Metastatic prostate cancer."}
    parent = {"category": "family_parent", "facts": "My mother is 91."}
    case = {
        **CASE,
        "grounds": [terminal, parent],
        "warden_requests": [{**CASE["warden_requests"][0], "receipt_proof": "staff_stamp"}],
    }
    done, out = draft(tmp_path, case)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.iterdir())
    assert "motion-now.pdf" in names and "motion.pdf" not in names
    assert "seal-motion-now.pdf" in names


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({**CASE, "format": "v2"}), "format"),
        (json.dumps({**CASE, "person": {"date_of_birth": "1960-02-30"}}), "date_of_birth"),
        (json.dumps({**CASE, "grounds": ["bad_luck"]}), "grounds[0]"),
    ],
)
def test_a_bad_file_exits_2_with_one_line_and_writes_nothing(tmp_path, content, field):
    done, out = draft(tmp_path, content)
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert field in lines[0]
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_a_missing_file_exits_2_with_one_line(tmp_path):
    done = subprocess.run(
        [sys.executable, "manage.py", "draft", str(tmp_path / "nope.json"), "--out", "x"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert "cannot read the file" in done.stderr


def test_a_case_this_law_does_not_cover_writes_nothing_and_says_why(tmp_path):
    case = {**CASE, "custody": {**CASE["custody"], "sentencing_court": "state"}}
    done, out = draft(tmp_path, case)
    assert done.returncode == 0
    assert done.stderr.startswith("No documents written: ")
    assert "state court" in done.stderr
    assert not out.exists()


def test_as_of_on_the_command_line_wins_over_the_file(tmp_path):
    done, out = draft(tmp_path, CASE, "--as-of", "2026-12-25")
    assert done.returncode == 0, done.stderr
    assert letter_text(out).startswith("December 25, 2026")


def test_the_file_as_of_is_used_without_the_option(tmp_path):
    done, out = draft(tmp_path, CASE)
    assert done.returncode == 0, done.stderr
    assert letter_text(out).startswith("November 29, 2026")


def test_without_any_as_of_it_drafts_for_today(tmp_path):
    case = {key: value for key, value in CASE.items() if key != "as_of"}
    done, out = draft(tmp_path, case)
    assert done.returncode == 0, done.stderr
    assert letter_text(out).startswith(court_date(timezone.localdate()))


def test_a_motion_that_must_wait_says_when_it_may_be_signed(tmp_path):
    done, _ = draft(tmp_path, CASE, "--as-of", "2026-09-15")
    assert done.returncode == 0, done.stderr
    assert "Do not sign or mail the motion before Friday, October 2, 2026." in done.stdout
