"""The answers added in the second round (docs/case-format.md, "Exact behaviour"): what shows a
receipt date (`receipt_proof`), the old-law answer (`custody.old_law`), a change in law offered
as `other` (`change_in_law`), and an earlier motion dismissed as premature
(`prior_motion.outcome`). Every case goes through the real reader.
"""

from __future__ import annotations

from datetime import date

import pytest

from eligibility.facts import RECEIPT_PROOFS, read_case, to_json
from eligibility.rules import summary
from tests.casebuilder import (
    AS_OF,
    READY_ON,
    case,
    ground,
    messages,
    only,
    request,
    screen_case,
    statuses,
)

# -- receipt_proof -----------------------------------------------------------------------------


@pytest.mark.parametrize("proof", [p for p in RECEIPT_PROOFS if p != "none"] + [None, "absent"])
def test_a_receipt_shown_by_something_is_proven(proof):
    kwargs = {} if proof == "absent" else {"receipt_proof": proof}
    result = screen_case(case(warden_requests=[request(**kwargs)]))

    assert result.verdict == "ready_to_file"
    assert result.earliest_filing_date == READY_ON
    assert statuses(result, "receipt_proof") == set()
    assert result.date_is_estimate is False
    assert result.requests[0].proven is True


def test_a_remembered_receipt_date_is_an_estimate_once_it_has_passed():
    result = screen_case(case(warden_requests=[request(receipt_proof="none")]))

    assert result.verdict == "needs_information"
    assert result.earliest_filing_date == READY_ON
    assert statuses(result, "receipt_proof") == {"fail"}
    assert statuses(result, "exhaustion") == {"unknown"}
    assert result.date_is_estimate is True
    message = only(result, "receipt_proof").message
    assert "A date you remember is only an estimate" in message
    assert "Tuesday, September 1, 2026" in message
    assert result.requests[0].receipt_estimated is True
    assert result.requests[0].receipt_proof == "none"
    assert result.requests[0].proven is False


def test_a_remembered_receipt_date_still_ahead_gives_waiting_with_a_warning():
    data = case(warden_requests=[request(receipt_proof="none")])

    result = screen_case(data, date(2026, 9, 20))

    assert result.verdict == "waiting"
    assert result.earliest_filing_date == READY_ON
    assert statuses(result, "receipt_proof") == {"warn"}
    assert result.date_is_estimate is True


def test_a_remembered_date_gives_way_to_a_proven_one_for_the_same_ground():
    data = case(
        warden_requests=[
            request(receipt_proof="none"),
            request(sent_on="2026-09-10", received_on="2026-09-10", receipt_proof="staff_stamp"),
        ]
    )

    result = screen_case(data)

    assert result.verdict == "ready_to_file"
    assert result.earliest_filing_date == date(2026, 10, 11)
    assert statuses(result, "receipt_proof") == {"warn"}


def test_receipt_proof_none_without_a_received_date_is_ignored():
    plain = screen_case(case(warden_requests=[request(received_on=None)]))
    marked = screen_case(case(warden_requests=[request(received_on=None, receipt_proof="none")]))

    assert (marked.verdict, marked.earliest_filing_date) == (
        plain.verdict,
        plain.earliest_filing_date,
    )
    assert marked.requests[0].receipt_proof is None
    assert "We estimate" in only(marked, "receipt_proof").message


def test_the_new_answers_survive_writing_and_reading_the_file():
    data = case(
        custody={"offense_date": None, "old_law": False},
        grounds=[ground("medical_terminal"), {**ground("other"), "change_in_law": True}],
        warden_requests=[request(receipt_proof="delivery_confirmation")],
        prior_motion={"filed_on": "2026-09-10", "outcome": "dismissed_unexhausted"},
    )
    facts = read_case(data)

    assert read_case(to_json(facts)) == facts
    assert facts.custody.old_law is False
    assert facts.grounds[1].change_in_law is True
    assert facts.warden_requests[0].receipt_proof == "delivery_confirmation"
    assert facts.prior_motion.outcome == "dismissed_unexhausted"


@pytest.mark.parametrize(
    ("section", "value", "field"),
    [
        ("receipt_proof", "remembered", "warden_requests[0].receipt_proof"),
        ("old_law", "yes", "custody.old_law"),
        ("change_in_law", "no", "grounds[0].change_in_law"),
        ("outcome", "withdrawn", "prior_motion.outcome"),
    ],
)
def test_a_new_answer_outside_its_set_is_refused_naming_the_field(section, value, field):
    data = {
        "receipt_proof": case(warden_requests=[request(receipt_proof=value)]),
        "old_law": case(custody={"offense_date": None, "old_law": value}),
        "change_in_law": case(grounds=[{**ground("other"), "change_in_law": value}]),
        "outcome": case(prior_motion={"filed_on": "2026-09-10", "outcome": value}),
    }[section]

    with pytest.raises(ValueError) as raised:
        read_case(data)

    assert str(raised.value).startswith(f"{field}: ")


# -- custody.old_law ----------------------------------------------------------------------------

OLD_LAW = [
    # (offense_date, old_law, verdict, federal_only statuses)
    (None, False, "ready_to_file", {"pass"}),
    (None, True, "not_eligible", {"fail"}),
    (None, None, "needs_information", {"unknown"}),
    ("1987-10-31", None, "not_eligible", {"fail"}),
    ("1987-11-01", None, "ready_to_file", {"pass"}),
    ("1987-10-31", True, "not_eligible", {"fail"}),
    ("1988-03-01", False, "ready_to_file", {"pass"}),
]


@pytest.mark.parametrize(("offense_date", "old_law", "verdict", "expected"), OLD_LAW)
def test_the_old_law_answer_settles_the_question_when_the_date_is_unknown(
    offense_date, old_law, verdict, expected
):
    data = case(
        custody={"offense_date": offense_date, "old_law": old_law},
        sentence={"imposed_on": "1988-06-01"},
    )

    result = screen_case(data)

    assert result.verdict == verdict
    assert statuses(result, "federal_only") == expected
    if verdict == "not_eligible":
        assert only(result, "federal_only").citation == "18 U.S.C. § 4205(g)"


def test_on_or_after_november_1987_without_a_date_reaches_a_filing_date():
    """The mother of the issue: "on or after November 1, 1987", the date left empty."""
    result = screen_case(case(custody={"offense_date": None, "old_law": False}))

    assert result.verdict == "ready_to_file"
    assert result.earliest_filing_date == READY_ON
    assert summary(result).headline == "Your loved one can file the motion now"
    assert result.motion_documents == ("motion",)


def test_an_unknown_offense_date_says_the_side_of_november_1987_is_enough():
    result = screen_case(case(custody={"offense_date": None}))

    assert (
        "before November 1, 1987, or on or after that day" in only(result, "federal_only").message
    )


# -- change_in_law ------------------------------------------------------------------------------


CHANGE_IN_LAW = [
    # (grounds, verdict, other's ground_criteria statuses)
    ([{**ground("other"), "change_in_law": True}], "no_qualifying_ground", {"fail"}),
    ([{**ground("other"), "change_in_law": False}], "ready_to_file", set()),
    ([ground("other")], "ready_to_file", set()),
    (
        [ground("medical_terminal"), {**ground("other"), "change_in_law": True}],
        "ready_to_file",
        {"fail"},
    ),
]


@pytest.mark.parametrize(("motion_grounds", "verdict", "expected"), CHANGE_IN_LAW)
def test_a_change_in_law_is_never_an_other_reason(motion_grounds, verdict, expected):
    data = case(
        grounds=motion_grounds,
        warden_requests=[request(covering=("medical_terminal", "other"))],
    )

    result = screen_case(data)

    assert result.verdict == verdict
    assert statuses(result, "ground_criteria", "other") == expected
    if expected:
        finding = only(result, "ground_criteria", "other")
        assert finding.citation == "USSG §1B1.13(c)"
        assert "cannot be the reason itself" in finding.message
        assert "how much to shorten the sentence" in finding.message
        assert "other" not in result.qualifying_grounds
    if verdict == "ready_to_file":
        assert ("other" in result.grounds_for("motion")) == (not expected)


def test_change_in_law_is_ignored_on_other_ids():
    data = case(grounds=[{**ground("medical_terminal"), "change_in_law": True}])

    result = screen_case(data)

    assert result.verdict == "ready_to_file"
    assert statuses(result, "ground_criteria") == set()


# -- prior_motion.outcome -----------------------------------------------------------------------

PRIOR = [
    # (outcome, verdict, prior_motion statuses)
    ("dismissed_unexhausted", "ready_to_file", {"warn"}),
    ("decided", "needs_warden_request", {"fail"}),
    (None, "needs_warden_request", {"fail"}),
]


@pytest.mark.parametrize(("outcome", "verdict", "expected"), PRIOR)
def test_a_motion_dismissed_as_premature_does_not_use_up_its_request(outcome, verdict, expected):
    data = case(
        prior_motion={"filed_on": "2026-09-10", "decided_on": "2026-09-20", "outcome": outcome}
    )

    result = screen_case(data)

    assert result.verdict == verdict
    assert statuses(result, "prior_motion") == expected
    if outcome == "dismissed_unexhausted":
        assert result.earliest_filing_date == READY_ON
        message = only(result, "prior_motion").message
        assert "September 10, 2026" in message
        assert "dismissed because it was filed before the 30 days had passed" in message
        assert "does not use up the request" in message
        assert "None of the requests sent so far counts" not in messages(result)


def test_a_premature_motion_of_unknown_date_still_leaves_its_request_counting():
    data = case(
        warden_requests=[request(received_on=None, sent_on=None)],
        prior_motion={"filed_on": None, "outcome": "dismissed_unexhausted"},
    )

    result = screen_case(data)

    assert statuses(result, "prior_motion") == {"warn"}
    assert result.verdict == "needs_information"  # the request's own dates are unknown
    assert len(result.requests) == 1


def test_the_dismissal_warns_even_when_the_request_came_after_it():
    data = case(
        warden_requests=[request(sent_on="2026-09-25", received_on="2026-09-25")],
        prior_motion={"filed_on": "2026-09-10", "outcome": "dismissed_unexhausted"},
    )

    result = screen_case(data, AS_OF)

    assert result.verdict == "ready_to_file"
    assert statuses(result, "prior_motion") == {"warn"}
