"""Dates that cannot be true, and the reader's caps (docs/case-format.md, "Also refused with
exit 2"; the reader's limits). Each is refused by `manage.py screen` with exit 2 and one line
naming the field; `date_problems` gives the same field and a code the web forms word their way.
"""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from django.core.management import call_command

from eligibility.facts import (
    MAX_REQUESTS,
    MAX_TEXT_CHARS,
    MAX_TEXT_LINES,
    DateProblem,
    check_request_dates,
    date_problems,
    read_case,
)
from tests.casebuilder import AS_OF, case, ground, request

TOMORROW = "2026-11-30"  # AS_OF + 1 day


def run(tmp_path, data: dict, *args: str) -> tuple[int, str, str]:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data))
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("screen", str(path), *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


IMPOSSIBLE = [
    # (id, case, field, code)
    (
        "received-before-sent",
        case(warden_requests=[request(sent_on="2026-09-05", received_on="2026-09-01")]),
        "warden_requests[0].received_on",
        "received_before_sent",
    ),
    (
        "answered-before-received",
        case(
            warden_requests=[
                request(
                    sent_on="2026-09-10",
                    received_on="2026-09-10",
                    response="denied",
                    response_on="2026-09-05",
                )
            ]
        ),
        "warden_requests[0].response_on",
        "response_before_received",
    ),
    (
        "sent-after-today",
        case(warden_requests=[request(sent_on=TOMORROW, received_on=None)]),
        "warden_requests[0].sent_on",
        "after_today",
    ),
    (
        "received-after-today",
        case(warden_requests=[request(sent_on="2026-11-28", received_on=TOMORROW)]),
        "warden_requests[0].received_on",
        "after_today",
    ),
    (
        "answered-after-today",
        case(warden_requests=[request(response="denied", response_on=TOMORROW)]),
        "warden_requests[0].response_on",
        "after_today",
    ),
    *[
        (
            f"{key}-after-today",
            case(warden_requests=[request(), request(**{key: TOMORROW})]),
            f"warden_requests[1].appeal.{key}",
            "after_today",
        )
        for key in ("bp9_on", "bp10_on", "bp11_on", "final_denial_on")
    ],
    (
        "sentenced-after-today",
        case(sentence={"imposed_on": TOMORROW}),
        "sentence.imposed_on",
        "after_today",
    ),
    (
        "sentenced-before-the-offense-ended",
        case(sentence={"imposed_on": "2012-02-28"}),
        "sentence.imposed_on",
        "imposed_before_offense",
    ),
    (
        "custody-after-today",
        case(sentence={"custody_began": TOMORROW}),
        "sentence.custody_began",
        "after_today",
    ),
    (
        "born-after-today",
        case(person={"date_of_birth": TOMORROW}),
        "person.date_of_birth",
        "after_today",
    ),
    (
        "old-law-but-the-date-is-new-law",
        case(custody={"offense_date": "1987-11-01", "old_law": True}),
        "custody.old_law",
        "old_law_contradicts_offense_date",
    ),
    (
        "new-law-but-the-date-is-old-law",
        case(
            custody={"offense_date": "1987-10-31", "old_law": False},
            sentence={"imposed_on": "1988-05-01"},
        ),
        "custody.old_law",
        "old_law_contradicts_offense_date",
    ),
]


@pytest.mark.parametrize(
    ("data", "field", "code"), [c[1:] for c in IMPOSSIBLE], ids=[c[0] for c in IMPOSSIBLE]
)
def test_the_command_refuses_an_impossible_date_naming_the_field(tmp_path, data, field, code):
    exit_code, out, err = run(tmp_path, data, "--as-of", AS_OF.isoformat())

    assert exit_code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert f": {field}: " in lines[0]


@pytest.mark.parametrize(
    ("data", "field", "code"), [c[1:] for c in IMPOSSIBLE], ids=[c[0] for c in IMPOSSIBLE]
)
def test_date_problems_names_the_field_and_the_code(data, field, code):
    facts = read_case({**data, "as_of": None}) if code == "after_today" else None
    if facts is None:
        # dates that contradict each other are refused by the reader itself
        with pytest.raises(ValueError, match=field.replace("[", r"\[").replace("]", r"\]")):
            read_case(data)
        return
    assert date_problems(facts, AS_OF) == [DateProblem(field, code)]
    assert date_problems(facts, date(2027, 1, 1)) == []


def test_the_screening_date_in_the_file_is_the_day_checked(tmp_path):
    data = case(warden_requests=[request(sent_on=TOMORROW, received_on=TOMORROW)])

    assert run(tmp_path, data)[0] == 2  # the file's as_of, 2026-11-29
    assert run(tmp_path, {**data, "as_of": TOMORROW})[0] == 0
    assert run(tmp_path, data, "--as-of", TOMORROW)[0] == 0


POSSIBLE = [
    ("received-the-day-it-was-sent", case()),
    (
        "answered-the-day-it-was-received",
        case(warden_requests=[request(response="denied", response_on="2026-09-01")]),
    ),
    (
        "everything-on-the-screening-day",
        case(warden_requests=[request(sent_on=AS_OF, received_on=AS_OF)]),
    ),
    (
        "old-law-on-its-last-day",
        case(
            custody={"offense_date": "1987-10-31", "old_law": True},
            sentence={"imposed_on": "1988-01-01"},
        ),
    ),
    (
        "new-law-on-its-first-day",
        case(
            custody={"offense_date": "1987-11-01", "old_law": False},
            sentence={"imposed_on": "1988-01-01"},
        ),
    ),
    ("sentenced-the-day-the-offense-ended", case(sentence={"imposed_on": "2012-03-01"})),
    (
        "answered-with-receipt-unknown",
        case(
            warden_requests=[
                request(
                    received_on=None,
                    sent_on="2026-09-10",
                    response="denied",
                    response_on="2026-09-05",
                )
            ]
        ),
    ),
]


@pytest.mark.parametrize("data", [c[1] for c in POSSIBLE], ids=[c[0] for c in POSSIBLE])
def test_possible_dates_are_screened(tmp_path, data):
    code, out, err = run(tmp_path, data, "--as-of", AS_OF.isoformat())

    assert code == 0, err
    assert json.loads(out)["verdict"]


def test_check_request_dates_is_the_per_request_piece_the_forms_use():
    day = date.fromisoformat
    assert check_request_dates(day("2026-09-05"), day("2026-09-01"), None, AS_OF) == [
        DateProblem("received_on", "received_before_sent")
    ]
    assert check_request_dates(None, day("2026-09-10"), day("2026-09-05"), AS_OF) == [
        DateProblem("response_on", "response_before_received")
    ]
    assert check_request_dates(day(TOMORROW), None, None, AS_OF) == [
        DateProblem("sent_on", "after_today")
    ]
    assert check_request_dates(day(TOMORROW), None, None, None) == []
    assert check_request_dates(day("2026-09-01"), day("2026-09-01"), day("2026-09-01"), AS_OF) == []


# -- caps ------------------------------------------------------------------------------------------


CAPS = [
    (
        "too-many-requests",
        case(warden_requests=[request()] * (MAX_REQUESTS + 1)),
        "warden_requests",
    ),
    (
        "a-statement-too-long",
        case(background={"statement": "x" * (MAX_TEXT_CHARS + 1)}),
        "background.statement",
    ),
    (
        "a-statement-with-too-many-lines",
        case(background={"statement": "line\n" * (MAX_TEXT_LINES + 1) + "end"}),
        "background.statement",
    ),
    (
        "a-grounds-facts-too-long",
        case(grounds=[ground("medical_terminal", "y" * (MAX_TEXT_CHARS + 1))]),
        "grounds[0].facts",
    ),
    (
        "a-requests-grounds-facts-with-too-many-lines",
        case(
            warden_requests=[
                request(listed=[ground("medical_terminal", "a\n" * (MAX_TEXT_LINES + 5))])
            ]
        ),
        "warden_requests[0].grounds[0].facts",
    ),
]


@pytest.mark.parametrize(("data", "field"), [c[1:] for c in CAPS], ids=[c[0] for c in CAPS])
def test_the_reader_refuses_more_than_its_caps_naming_the_field(tmp_path, data, field):
    code, out, err = run(tmp_path, data)

    assert code == 2
    assert out == ""
    assert f": {field}: " in err.strip()


def test_the_caps_themselves_are_allowed(tmp_path):
    data = case(
        warden_requests=[request()] * MAX_REQUESTS,
        background={
            "statement": "x" * MAX_TEXT_CHARS,
            "programs": "\n".join(["line"] * MAX_TEXT_LINES),
        },
    )

    code, out, err = run(tmp_path, data)

    assert code == 0, err
    assert json.loads(out)["verdict"] == "ready_to_file"
