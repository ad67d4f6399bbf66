"""domain.md § 1, the federal-only rule, and the pending-appeal warning.

Each case starts from the builder's ready-to-file case, so a change of verdict can only come
from the fact under test.
"""

import pytest

from eligibility.rules import NEW_LAW_BEGINS
from tests.casebuilder import (
    READY_ON,
    case,
    findings,
    messages,
    only,
    plus,
    request,
    screen_case,
    statuses,
)

# status -> (federal_only statuses, verdict, a phrase or citation the finding must carry)
CUSTODY = [
    ("bop_facility", {"pass"}, "ready_to_file", None),
    ("rrc", {"pass"}, "ready_to_file", None),
    ("home_confinement", {"pass"}, "ready_to_file", None),
    ("contract_facility", {"warn"}, "ready_to_file", "lawyer"),
    ("state_custody", {"warn"}, "ready_to_file", "lawyer"),
    ("supervised_release", {"fail"}, "not_eligible", "18 U.S.C. § 3583(e)(1)"),
    ("probation", {"fail"}, "not_eligible", "18 U.S.C. § 3564(c)"),
    ("pretrial", {"fail"}, "not_eligible", "18 U.S.C. § 3142"),
    ("immigration_detention", {"fail"}, "not_eligible", "immigration"),
    (None, {"unknown"}, "needs_information", "bop.gov"),
]


@pytest.mark.parametrize(
    ("status", "expected", "verdict", "phrase"),
    CUSTODY,
    ids=[str(row[0]) for row in CUSTODY],
)
def test_it_decides_every_custody_status(status, expected, verdict, phrase):
    result = screen_case(case(custody={"status": status}))

    assert statuses(result, "federal_only") == expected
    assert result.verdict == verdict
    if phrase:
        found = findings(result, "federal_only")
        assert any(phrase in f.message or phrase in f.citation for f in found), found


def test_it_covers_every_custody_status_the_format_lists():
    from eligibility.facts import CUSTODY_STATUSES

    assert {row[0] for row in CUSTODY} - {None} == set(CUSTODY_STATUSES)


@pytest.mark.parametrize("status", ["rrc", "home_confinement"])
def test_it_sends_a_halfway_house_or_home_confinement_request_to_the_rrm_office(status):
    result = screen_case(case(custody={"status": status}))

    rrm = [f for f in findings(result, "current_facility") if "Residential Reentry" in f.message]
    assert len(rrm) == 1
    assert rrm[0].status == "warn"
    assert result.earliest_filing_date == READY_ON


@pytest.mark.parametrize("status", ["bop_facility", "contract_facility"])
def test_it_gives_no_rrm_warning_inside_a_prison(status):
    result = screen_case(case(custody={"status": status}))

    assert findings(result, "current_facility") == []


@pytest.mark.parametrize("status", ["contract_facility", "state_custody"])
@pytest.mark.parametrize(
    ("received", "verdict"),
    [(plus(READY_ON, -31), "ready_to_file"), (plus("2026-11-29", -10), "waiting")],
    ids=["ready", "waiting"],
)
def test_it_warns_about_unusual_custody_and_goes_on_screening(status, received, verdict):
    result = screen_case(
        case(
            custody={"status": status},
            warden_requests=[request(received_on=received, sent_on=received)],
        )
    )

    assert statuses(result, "federal_only") == {"warn"}
    assert result.verdict == verdict
    assert result.earliest_filing_date == plus(received, 31)
    assert statuses(result, "exhaustion") == {"pass" if verdict == "ready_to_file" else "fail"}


# court -> (federal_only statuses, verdict, phrase)
COURTS = [
    ("federal_district", {"pass"}, "ready_to_file", None),
    ("state", {"fail"}, "not_eligible", "state"),
    ("dc_superior", {"fail"}, "not_eligible", "D.C. Code § 24-403.04"),
    ("court_martial", {"fail"}, "not_eligible", "clemency"),
    (None, {"unknown"}, "needs_information", "judgment"),
]


@pytest.mark.parametrize(
    ("court", "expected", "verdict", "phrase"), COURTS, ids=[str(row[0]) for row in COURTS]
)
def test_it_decides_every_sentencing_court(court, expected, verdict, phrase):
    result = screen_case(case(custody={"sentencing_court": court}))

    assert statuses(result, "federal_only") == expected
    assert result.verdict == verdict
    if phrase:
        assert phrase in messages(result, "federal_only") + only(result, "federal_only").citation


def test_it_covers_every_court_the_format_lists():
    from eligibility.facts import SENTENCING_COURTS

    assert {row[0] for row in COURTS} - {None} == set(SENTENCING_COURTS)


def test_it_treats_a_missing_court_like_an_unknown_one():
    from tests.casebuilder import DROP

    result = screen_case(case(custody={"sentencing_court": DROP}))

    assert statuses(result, "federal_only") == {"unknown"}
    assert result.verdict == "needs_information"


OFFENSE_DATES = [
    ("1986-05-01", {"fail"}, "not_eligible"),
    ("1987-10-31", {"fail"}, "not_eligible"),
    ("1987-11-01", {"pass"}, "ready_to_file"),
    ("1987-11-02", {"pass"}, "ready_to_file"),
    (None, {"unknown"}, "needs_information"),
]


@pytest.mark.parametrize(
    ("offense_date", "expected", "verdict"), OFFENSE_DATES, ids=[str(r[0]) for r in OFFENSE_DATES]
)
def test_it_draws_the_old_law_line_at_november_1_1987(offense_date, expected, verdict):
    result = screen_case(case(custody={"offense_date": offense_date}))

    assert statuses(result, "federal_only") == expected
    assert result.verdict == verdict


def test_it_points_an_old_law_sentence_to_the_bop_motion_under_4205g():
    result = screen_case(case(custody={"offense_date": "1987-10-31"}))

    finding = only(result, "federal_only")
    assert finding.citation == "18 U.S.C. § 4205(g)"
    assert "November 1, 1987" in finding.message
    assert NEW_LAW_BEGINS.isoformat() == "1987-11-01"


DEFINITE_NO_WITH_UNKNOWNS = [
    ({"sentencing_court": "state", "status": None, "offense_date": None}, "state-court"),
    ({"sentencing_court": None, "status": "pretrial", "offense_date": None}, "pretrial"),
    ({"sentencing_court": None, "status": None, "offense_date": "1980-01-01"}, "old-law"),
    ({"sentencing_court": "court_martial", "status": None}, "court-martial"),
    ({"sentencing_court": None, "status": "probation"}, "probation"),
]


@pytest.mark.parametrize(
    "custody",
    [c for c, _ in DEFINITE_NO_WITH_UNKNOWNS],
    ids=[i for _, i in DEFINITE_NO_WITH_UNKNOWNS],
)
def test_it_says_not_eligible_on_a_definite_no_even_when_other_facts_are_unknown(custody):
    result = screen_case(case(custody=custody, grounds=[], warden_requests=[]))

    assert "fail" in statuses(result, "federal_only")
    assert result.verdict == "not_eligible"
    assert result.earliest_filing_date is None
    assert result.partial_filing_date is None
    assert result.unmatched_grounds == ()


def test_it_still_reports_matching_and_exhaustion_when_not_eligible():
    result = screen_case(case(custody={"sentencing_court": "state"}))

    assert statuses(result, "ground_matching") == {"unknown"}
    assert statuses(result, "exhaustion") == {"unknown"}


def test_it_never_guesses_when_one_fact_of_section_1_is_unknown_but_the_30_days_passed():
    result = screen_case(case(custody={"offense_date": None}))

    assert result.verdict == "needs_information"
    assert result.earliest_filing_date is None
    assert findings(result, "receipt_proof") == []


def test_it_reports_each_unknown_fact_of_section_1():
    result = screen_case(
        case(custody={"sentencing_court": None, "status": None, "offense_date": None})
    )

    assert [f.status for f in findings(result, "federal_only")] == ["unknown"] * 3
    assert result.verdict == "needs_information"


def test_it_gives_one_pass_when_every_fact_of_section_1_is_a_plain_yes():
    result = screen_case(case())

    assert [f.status for f in findings(result, "federal_only")] == ["pass"]
    assert only(result, "federal_only").citation == "18 U.S.C. § 3582(c)(1)(A)"


@pytest.mark.parametrize(
    ("received", "verdict"),
    [(plus(READY_ON, -31), "ready_to_file"), (plus("2026-11-29", -10), "waiting")],
    ids=["ready", "waiting"],
)
def test_it_warns_about_a_pending_appeal_and_goes_on_screening(received, verdict):
    result = screen_case(
        case(
            sentence={"appeal_pending": True},
            warden_requests=[request(received_on=received, sent_on=received)],
        )
    )

    finding = only(result, "pending_appeal")
    assert finding.status == "warn"
    assert "indicative ruling" in finding.message
    assert finding.citation == "Fed. R. Crim. P. 37"
    assert result.verdict == verdict
    assert result.earliest_filing_date == plus(received, 31)


@pytest.mark.parametrize("pending", [False, None], ids=["false", "null"])
def test_it_gives_no_appeal_warning_without_a_pending_appeal(pending):
    result = screen_case(case(sentence={"appeal_pending": pending}))

    assert findings(result, "pending_appeal") == []
