"""Filing sooner on some grounds alone (docs/case-format.md, `partial_filing_date` and
`partial_grounds`): for `waiting` and `needs_information` the qualifying grounds whose own date
is proven and has passed, when some but not all are; for `new_request_needed` the matched
grounds, as before.
"""

from __future__ import annotations

from datetime import date

import pytest

from eligibility.rules import summary
from tests.casebuilder import AS_OF, case, grounds, only, request, screen_case

TERMINAL_IN_JULY = request(sent_on="2026-07-15", received_on="2026-07-15")
TERMINAL_PROVEN_ON = date(2026, 8, 15)
ON_SPOUSE = ("family_spouse_partner",)

SOONER = [
    # (id, requests, verdict, earliest, partial date, partial grounds)
    (
        "waiting-spouse-in-its-30-days",
        [
            TERMINAL_IN_JULY,
            request(sent_on="2026-11-20", received_on="2026-11-20", covering=ON_SPOUSE),
        ],
        "waiting",
        date(2026, 12, 21),
        TERMINAL_PROVEN_ON,
        ("medical_terminal",),
    ),
    (
        "needs-information-spouse-receipt-estimated",
        [TERMINAL_IN_JULY, request(sent_on="2026-10-01", received_on=None, covering=ON_SPOUSE)],
        "needs_information",
        date(2026, 11, 1),
        TERMINAL_PROVEN_ON,
        ("medical_terminal",),
    ),
    (
        "needs-information-spouse-date-remembered",
        [
            TERMINAL_IN_JULY,
            request(
                sent_on="2026-10-01",
                received_on="2026-10-01",
                receipt_proof="none",
                covering=ON_SPOUSE,
            ),
        ],
        "needs_information",
        date(2026, 11, 1),
        TERMINAL_PROVEN_ON,
        ("medical_terminal",),
    ),
    (
        "needs-information-spouse-request-undated",
        [TERMINAL_IN_JULY, request(sent_on=None, received_on=None, covering=ON_SPOUSE)],
        "needs_information",
        None,
        TERMINAL_PROVEN_ON,
        ("medical_terminal",),
    ),
    (
        "waiting-nothing-proven-yet",
        [
            request(sent_on="2026-11-20", received_on="2026-11-20"),
            request(sent_on="2026-11-20", received_on="2026-11-20", covering=ON_SPOUSE),
        ],
        "waiting",
        date(2026, 12, 21),
        None,
        (),
    ),
    (
        "waiting-the-passed-date-is-only-an-estimate",
        [
            request(sent_on="2026-07-15", received_on=None),
            request(sent_on="2026-11-20", received_on="2026-11-20", covering=ON_SPOUSE),
        ],
        "waiting",
        date(2026, 12, 21),
        None,
        (),
    ),
    (
        "ready-both-proven",
        [
            TERMINAL_IN_JULY,
            request(sent_on="2026-09-01", received_on="2026-09-01", covering=ON_SPOUSE),
        ],
        "ready_to_file",
        date(2026, 10, 2),
        None,
        (),
    ),
    (
        "new-request-needed-matched-ground",
        [TERMINAL_IN_JULY],
        "new_request_needed",
        None,
        TERMINAL_PROVEN_ON,
        ("medical_terminal",),
    ),
]


@pytest.mark.parametrize(
    ("requests", "verdict", "earliest", "partial", "partial_grounds"),
    [s[1:] for s in SOONER],
    ids=[s[0] for s in SOONER],
)
def test_filing_sooner_on_some_grounds(requests, verdict, earliest, partial, partial_grounds):
    data = case(
        grounds=grounds("medical_terminal", "family_spouse_partner"), warden_requests=requests
    )

    result = screen_case(data, AS_OF)

    assert result.verdict == verdict
    assert result.earliest_filing_date == earliest
    assert result.partial_filing_date == partial
    assert result.partial_grounds == partial_grounds
    assert result.to_json()["partial_grounds"] == list(partial_grounds)
    assert result.to_json()["partial_filing_date"] == (partial.isoformat() if partial else None)


def test_the_latest_of_the_proven_dates_is_the_partial_date():
    data = case(
        grounds=grounds("medical_terminal", "age", "family_spouse_partner"),
        person={"date_of_birth": "1950-01-01"},
        sentence={"custody_began": "2012-03-15"},
        warden_requests=[
            TERMINAL_IN_JULY,
            request(sent_on="2026-09-01", received_on="2026-09-01", covering=("age",)),
            request(sent_on="2026-11-20", received_on="2026-11-20", covering=ON_SPOUSE),
        ],
    )

    result = screen_case(data, AS_OF)

    assert result.verdict == "waiting"
    assert result.partial_grounds == ("medical_terminal", "age")
    assert result.partial_filing_date == date(2026, 10, 2)


def test_the_family_is_told_a_dying_person_can_file_now():
    data = case(
        grounds=grounds("medical_terminal", "family_spouse_partner"),
        warden_requests=[
            TERMINAL_IN_JULY,
            request(sent_on="2026-10-01", received_on=None, covering=ON_SPOUSE),
        ],
    )

    result = screen_case(data, AS_OF)

    message = only(result, "exhaustion").message
    assert '"A terminal illness" alone the motion can be filed now' in message
    assert "Saturday, August 15, 2026" in message
    assert "does not need to wait" in message
    words = summary(result)
    assert words.headline == "Your loved one can file now on some reasons"
    assert "Saturday, August 15, 2026" in words.explanation
    assert "Get proof of the date the warden received the request" in words.explanation


def test_no_partial_date_when_the_case_is_missing_its_basic_facts():
    data = case(
        custody={"offense_date": None},
        grounds=grounds("medical_terminal", "family_spouse_partner"),
        warden_requests=[
            TERMINAL_IN_JULY,
            request(sent_on="2026-11-20", received_on="2026-11-20", covering=ON_SPOUSE),
        ],
    )

    result = screen_case(data, AS_OF)

    assert result.verdict == "needs_information"
    assert result.partial_filing_date is None
    assert result.partial_grounds == ()
    assert result.motion_documents == ()
