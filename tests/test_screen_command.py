"""`python manage.py screen CASE.json [--as-of DATE]` end to end (docs/case-format.md):
exit 0 and the screening JSON for any well-formed case, exit 2 and exactly one line on stderr
(which field, what was wrong) for a bad file, never a traceback. Run both through
`call_command` and as a real process, the way a user runs it.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.casebuilder import DROP, VERDICTS, case, ground, request

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
SCENARIOS = [
    path
    for path in sorted((Path(__file__).parent / "scenarios").glob("*.json"))
    if json.loads(path.read_text())["expect"].get("exit") != 2
]

KEYS = {
    "format",
    "as_of",
    "verdict",
    "earliest_filing_date",
    "unmatched_grounds",
    "partial_grounds",
    "partial_filing_date",
    "findings",
}
RULES = {
    "federal_only",
    "pending_appeal",
    "ground_available",
    "ground_criteria",
    "ground_matching",
    "exhaustion",
    "receipt_proof",
    "denial_before_30_days",
    "current_facility",
    "request_facts",
    "request_kind",
    "prior_motion",
}


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("screen", str(path), *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def run_process(path, *args):
    done = subprocess.run(
        [
            str(PYTHON if PYTHON.exists() else sys.executable),
            "manage.py",
            "screen",
            str(path),
            *args,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    return done.returncode, done.stdout, done.stderr


def write(tmp_path, data, name="case.json") -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    elif isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_text(json.dumps(data), encoding="utf-8")
    return path


def check_output(out: str) -> dict:
    """The screening JSON, checked against the contract's shape."""
    result = json.loads(out)
    assert set(result) == KEYS
    assert result["format"] == "compassionate-release-screening/1"
    assert result["verdict"] in VERDICTS
    assert isinstance(result["unmatched_grounds"], list)
    rules = {f["rule"] for f in result["findings"]}
    assert {"federal_only", "ground_matching", "exhaustion"} <= rules
    assert rules <= RULES
    for finding in result["findings"]:
        assert {"rule", "status", "message", "citation"} <= set(finding)
        assert set(finding) <= {"rule", "status", "message", "citation", "ground"}
        assert finding["status"] in {"pass", "fail", "warn", "unknown"}
        assert finding["message"].strip()
        assert finding["citation"].strip()
    return result


def check_refusal(code, out, err, field=None):
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    if field:
        assert field in lines[0]


# -- good files -----------------------------------------------------------------------------------

GOOD = [
    ("ready", case(), "ready_to_file"),
    (
        "waiting",
        case(warden_requests=[request(received_on="2026-11-20", sent_on="2026-11-20")]),
        "waiting",
    ),
    (
        "needs-proof",
        case(warden_requests=[request(received_on=None, sent_on="2026-09-01")]),
        "needs_information",
    ),
    ("unknown-court", case(custody={"sentencing_court": None}), "needs_information"),
    ("not-eligible", case(custody={"sentencing_court": "state"}), "not_eligible"),
    ("no-qualifying-ground", case(grounds=["unusually_long_sentence"]), "no_qualifying_ground"),
    ("no-request", case(warden_requests=[]), "needs_warden_request"),
    (
        "unmatched",
        case(grounds=[ground("medical_terminal"), ground("family_parent")]),
        "new_request_needed",
    ),
    ("bop-moving", case(bop_motion=True, warden_requests=[]), "ready_to_file"),
    ("format-tag-only", {"format": "compassionate-release-case/1"}, "needs_information"),
    (
        "huge-term",
        case(
            grounds=["age"],
            sentence={"term_months": 99999},
            warden_requests=[request(covering=("age",))],
        ),
        "ready_to_file",
    ),
]


@pytest.mark.parametrize(("data", "verdict"), [g[1:] for g in GOOD], ids=[g[0] for g in GOOD])
def test_it_prints_the_screening_as_json_and_exits_0(tmp_path, data, verdict):
    code, out, err = run(write(tmp_path, data), "--as-of", "2026-11-29")

    assert code == 0, err
    result = check_output(out)
    assert result["verdict"] == verdict
    assert result["as_of"] == "2026-11-29"


def test_it_covers_every_verdict_among_the_good_files():
    assert {g[2] for g in GOOD} == set(VERDICTS)


FAR_FUTURE = case(
    person={"date_of_birth": "9990-01-01"},
    sentence={"custody_began": "9999-12-01", "term_months": 99999},
    grounds=["age", "medical_terminal"],
    warden_requests=[
        request(
            received_on="9999-12-30",
            sent_on="9999-12-30",
            response="denied",
            response_on="9999-12-31",
            covering=("age", "medical_terminal"),
        )
    ],
)


def test_far_future_dates_screen_without_a_traceback_on_a_far_future_day(tmp_path):
    code, out, err = run(write(tmp_path, FAR_FUTURE), "--as-of", "9999-12-31")

    assert code == 0, err
    assert check_output(out)["verdict"] in VERDICTS


def test_far_future_dates_are_refused_on_an_earlier_day_naming_the_first_field(tmp_path):
    code, out, err = run(write(tmp_path, FAR_FUTURE), "--as-of", "2026-11-29")

    assert code == 2
    assert out == ""
    assert err.strip().splitlines() == [
        f"{tmp_path / 'case.json'}: person.date_of_birth: the date is after the screening date "
        "(2026-11-29)"
    ]


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_it_gives_the_three_required_rules_for_every_scenario(tmp_path, path):
    scenario = json.loads(path.read_text())

    code, out, err = run(write(tmp_path, scenario["case"]), *scenario.get("args", []))

    assert code == 0, err
    check_output(out)


def test_it_writes_dates_as_iso_and_null_when_unknown(tmp_path):
    code, out, _ = run(write(tmp_path, case()))
    result = json.loads(out)

    assert code == 0
    assert result["earliest_filing_date"] == "2026-10-02"
    assert result["partial_filing_date"] is None
    assert result["unmatched_grounds"] == []


def test_it_lists_the_unmatched_grounds_and_the_partial_date(tmp_path):
    data = case(grounds=[ground("medical_terminal"), ground("family_parent")])

    result = json.loads(run(write(tmp_path, data))[1])

    assert result["unmatched_grounds"] == ["family_parent"]
    assert result["partial_filing_date"] == "2026-10-02"
    assert result["earliest_filing_date"] is None


def test_it_names_the_ground_of_a_ground_finding(tmp_path):
    data = case(grounds=["unusually_long_sentence", "medical_terminal"])

    result = json.loads(run(write(tmp_path, data))[1])

    [finding] = [f for f in result["findings"] if f["rule"] == "ground_available"]
    assert finding["ground"] == "unusually_long_sentence"
    assert all("ground" not in f for f in result["findings"] if f["rule"] == "federal_only")


def test_it_lets_the_command_line_date_beat_the_file(tmp_path):
    code, out, _ = run(write(tmp_path, case(as_of="2026-11-29")), "--as-of", "2026-10-01")
    result = json.loads(out)

    assert code == 0
    assert result["as_of"] == "2026-10-01"
    assert result["verdict"] == "waiting"


def test_it_uses_the_file_date_without_the_option(tmp_path):
    result = json.loads(run(write(tmp_path, case(as_of="2026-10-01")))[1])

    assert result["as_of"] == "2026-10-01"


def test_it_screens_for_today_without_any_date(tmp_path):
    result = json.loads(run(write(tmp_path, case(as_of=DROP)))[1])

    assert result["as_of"] == timezone.localdate().isoformat()


# -- bad files ------------------------------------------------------------------------------------

BAD = [
    ("not-json", "{not json", None),
    ("empty-file", "", None),
    ("binary", b"\x00\xff\xfe\x00", None),
    ("a-list", "[]", None),
    ("no-format", {"person": {}}, "format"),
    ("wrong-format", case() | {"format": "compassionate-release-case/2"}, "format"),
    ("impossible-date", case(person={"date_of_birth": "2026-02-30"}), "person.date_of_birth"),
    ("unknown-ground", case(grounds=["medical"]), "grounds[0]"),
    (
        "unknown-request-ground",
        case(warden_requests=[request(listed=[ground("x")])]),
        "warden_requests[0].grounds[0].category",
    ),
    ("negative-term", case(sentence={"term_months": -12}), "sentence.term_months"),
    ("zero-term", case(sentence={"term_months": 0}), "sentence.term_months"),
    ("fractional-term", case(sentence={"term_months": 12.5}), "sentence.term_months"),
    ("term-and-life", case(sentence={"life": True}), "sentence"),
    ("unknown-district", case(sentence={"district": "xxd"}), "sentence.district"),
    ("custody-status", case(custody={"status": "jail"}), "custody.status"),
    ("method", case(warden_requests=[request(method="pigeon")]), "warden_requests[0].method"),
    ("register-number", case(person={"register_number": "123"}), "person.register_number"),
    ("person-list", case(person=[]), "person"),
    ("grounds-string", case(grounds="medical_terminal"), "grounds"),
    ("bool-as-text", case(bop_motion="false"), "bop_motion"),
]


@pytest.mark.parametrize(("data", "field"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_it_refuses_a_bad_file_with_one_line(tmp_path, data, field):
    path = write(tmp_path, data)

    code, out, err = run(path)

    check_refusal(code, out, err, field)
    assert str(path) in err


def test_it_refuses_a_missing_file_with_one_line(tmp_path):
    code, out, err = run(tmp_path / "nowhere.json")

    check_refusal(code, out, err, "cannot read the file")


@pytest.mark.parametrize("bad", ["2026-02-30", "soon", "11/29/2026"])
def test_it_refuses_a_bad_as_of_with_one_line(tmp_path, bad):
    code, out, err = run(write(tmp_path, case()), "--as-of", bad)

    check_refusal(code, out, err, "--as-of")


# -- as a real process ---------------------------------------------------------------------------

PROCESS_BAD = [
    ("not-json", "{not json", (), "not valid JSON"),
    ("wrong-format", {"format": "x"}, (), "format"),
    ("impossible-date", case(as_of="2026-02-30"), (), "as_of"),
    ("unknown-ground", case(grounds=["nope"]), (), "grounds[0]"),
    ("negative-term", case(sentence={"term_months": -1}), (), "sentence.term_months"),
    ("wrong-type", case(person=["Jane"]), (), "person"),
    ("bad-as-of", case(), ("--as-of", "2026-13-01"), "--as-of"),
]


@pytest.mark.parametrize(
    ("data", "args", "field"), [p[1:] for p in PROCESS_BAD], ids=[p[0] for p in PROCESS_BAD]
)
def test_it_exits_2_with_one_line_as_a_process(tmp_path, data, args, field):
    code, out, err = run_process(write(tmp_path, data), *args)

    check_refusal(code, out, err, field)


def test_it_exits_2_for_a_missing_file_as_a_process(tmp_path):
    code, out, err = run_process(tmp_path / "missing.json")

    check_refusal(code, out, err, "missing.json")


@pytest.mark.parametrize(
    ("data", "verdict"),
    [(case(), "ready_to_file"), (case(custody={"status": "probation"}), "not_eligible")],
    ids=["ready", "not-eligible"],
)
def test_it_exits_0_with_json_as_a_process(tmp_path, data, verdict):
    code, out, err = run_process(write(tmp_path, data), "--as-of", "2026-11-29")

    assert code == 0, err
    assert err == ""
    assert check_output(out)["verdict"] == verdict


def test_it_refuses_absurdly_deep_json_as_a_process(tmp_path):
    code, out, err = run_process(write(tmp_path, "[" * 100_000))

    check_refusal(code, out, err, "nested too deeply")


def test_it_refuses_a_lone_surrogate_in_free_text_as_a_process(tmp_path):
    # JSON allows "\ud800" alone, but no output can print it: refused, not a traceback.
    data = case(warden_requests=[request(facility="\ud800 jail")])

    code, out, err = run_process(write(tmp_path, data))

    check_refusal(code, out, err, "warden_requests[0].facility")
