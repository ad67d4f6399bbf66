"""domain.md § 4: which grounds are available and whether they meet their criteria.

The age ground is checked from the dates exactly as case-format.md "Age and time served" says:
age is `relativedelta(as_of, date_of_birth).years`; time served is met when
as_of >= min(custody_began + 10 years, custody_began + ceil(0.75 * d) days), d being the days
from custody_began to custody_began + term_months months; a life sentence needs 10 years.
"""

from datetime import date, timedelta
from math import ceil

import pytest
from dateutil.relativedelta import relativedelta

from eligibility.grounds import GROUND_IDS
from tests.casebuilder import (
    AS_OF,
    READY_ON,
    case,
    findings,
    ground,
    only,
    plus,
    request,
    screen_case,
    statuses,
)

OLD = "1940-01-01"  # a date of birth that makes anyone 65 in the years these tests use


def age_case(
    *,
    dob="1950-06-01",
    began="2005-01-01",
    term=240,
    life=False,
    received="2000-01-01",
    others=(),
):
    """A case raising `age` (and `others`), with a request covering them all long ago."""
    sentence = {"custody_began": began, "term_months": term, "life": life}
    raised = ("age", *others)
    return case(
        person={"date_of_birth": dob},
        sentence=sentence,
        grounds=[ground(g, f"Facts for {g}.") for g in raised],
        warden_requests=[request(received_on=received, sent_on=received, covering=raised)],
    )


def time_served_needed(began: date, term: int) -> date:
    """The contract's formula, written out (case-format.md "Age and time served")."""
    ten_years = began + relativedelta(years=10)
    d = (began + relativedelta(months=term) - began).days
    return min(ten_years, began + timedelta(days=ceil(0.75 * d)))


# -- availability ---------------------------------------------------------------------------------


def test_it_refuses_an_unusually_long_sentence_as_a_ground():
    result = screen_case(
        case(
            grounds=[ground("unusually_long_sentence")],
            warden_requests=[request(covering=("unusually_long_sentence",))],
        )
    )

    finding = only(result, "ground_available", "unusually_long_sentence")
    assert finding.status == "fail"
    assert "Rutherford" in finding.citation
    assert "lawyer" in finding.message
    assert result.verdict == "no_qualifying_ground"
    assert result.earliest_filing_date is None


def test_it_screens_the_other_grounds_when_one_is_unavailable():
    result = screen_case(
        case(grounds=[ground("medical_terminal"), ground("unusually_long_sentence")])
    )

    assert result.verdict == "ready_to_file"
    assert result.earliest_filing_date == READY_ON
    assert result.unmatched_grounds == ()
    assert statuses(result, "ground_available", "unusually_long_sentence") == {"fail"}


AVAILABLE = [g for g in GROUND_IDS if g != "unusually_long_sentence"]


@pytest.mark.parametrize("category", AVAILABLE)
def test_it_lets_every_available_ground_qualify_on_its_own(category):
    result = screen_case(
        case(grounds=[ground(category)], warden_requests=[request(covering=(category,))])
    )

    assert result.verdict == "ready_to_file"
    assert "fail" not in statuses(result, "ground_criteria", category)
    assert findings(result, "ground_available", category) == []


def test_it_warns_that_abuse_in_custody_must_usually_be_established():
    result = screen_case(
        case(
            grounds=[ground("abuse_in_custody")],
            warden_requests=[request(covering=("abuse_in_custody",))],
        )
    )

    finding = only(result, "ground_criteria", "abuse_in_custody")
    assert finding.status == "warn"
    assert "another prisoner" in finding.message
    assert result.verdict == "ready_to_file"


@pytest.mark.parametrize(
    "facts",
    [
        "Her sister could also care for the children.",
        "Other caregivers: the grandmother.",
        "",
    ],
    ids=["sister-could-care", "grandmother", "no-facts"],
)
def test_it_never_fails_the_child_caregiver_ground_on_only_caregiver(facts):
    result = screen_case(
        case(
            grounds=[ground("family_child_caregiver", facts)],
            warden_requests=[request(covering=("family_child_caregiver",))],
        )
    )

    assert "fail" not in statuses(result, "ground_criteria", "family_child_caregiver")
    assert result.verdict == "ready_to_file"


# -- age: the 65th birthday ----------------------------------------------------------------------


BIRTHDAYS = [
    # (date of birth, the day before the 65th birthday, the 65th birthday)
    ("1961-11-29", "2026-11-28", "2026-11-29"),
    ("1961-03-01", "2026-02-28", "2026-03-01"),
    ("1960-12-31", "2025-12-30", "2025-12-31"),
    # born on a leap day: relativedelta makes them 65 on February 28 of the (common) year
    ("1960-02-29", "2025-02-27", "2025-02-28"),
    ("1956-02-29", "2021-02-27", "2021-02-28"),
    ("1959-02-28", "2024-02-27", "2024-02-28"),
]


@pytest.mark.parametrize(
    ("dob", "day_before", "birthday"), BIRTHDAYS, ids=[b[0] for b in BIRTHDAYS]
)
def test_it_counts_age_65_from_the_exact_birthday(dob, day_before, birthday):
    data = age_case(dob=dob, began="2000-01-01", received="2020-01-01")

    before = screen_case(data, date.fromisoformat(day_before))
    on = screen_case(data, date.fromisoformat(birthday))

    assert statuses(before, "ground_criteria", "age") == {"fail"}
    assert "is 64" in only(before, "ground_criteria", "age").message
    assert before.verdict == "no_qualifying_ground"
    assert statuses(on, "ground_criteria", "age") == {"pass"}
    assert "is 65" in only(on, "ground_criteria", "age").message
    assert on.verdict == "ready_to_file"


def test_it_says_when_a_leap_day_baby_turns_65():
    result = screen_case(age_case(dob="1960-02-29", began="2000-01-01"), date(2025, 2, 1))

    message = only(result, "ground_criteria", "age").message
    assert "Friday, February 28, 2025" in message


# -- age: time served ----------------------------------------------------------------------------


SERVED = [
    # (custody began, term months, the first day the time-served test is met, which limit)
    ("2016-01-01", 120, "2023-07-03", "75% of 10 years (2740 of 3653 days)"),
    ("2018-09-29", 180, "2028-09-29", "10 years beat 75% of 15 years"),
    ("2026-01-01", 1, "2026-01-25", "75% of 31 days rounds 23.25 up to 24"),
    ("2015-01-31", 13, "2015-11-23", "month end: 13 months end on 2016-02-29"),
    ("2016-02-29", 200, "2026-02-28", "10 years from a leap day"),
    ("2010-01-01", 160, "2019-12-31", "75% one day short of 10 years"),
    ("2011-01-01", 160, "2020-12-31", "75% one day short of 10 years, leap"),
    ("2005-01-01", 600, "2015-01-01", "50-year term: 10 years"),
]


@pytest.mark.parametrize(
    ("began", "term", "needed", "why"), SERVED, ids=[f"{s[0]}+{s[1]}m" for s in SERVED]
)
def test_it_checks_time_served_on_both_sides_of_the_line(began, term, needed, why):
    needed = date.fromisoformat(needed)
    assert time_served_needed(date.fromisoformat(began), term) == needed, why
    data = age_case(dob=OLD, began=began, term=term, received="2000-01-01")

    before = screen_case(data, needed - timedelta(days=1))
    on = screen_case(data, needed)

    assert statuses(before, "ground_criteria", "age") == {"fail"}
    assert before.verdict == "no_qualifying_ground"
    assert statuses(on, "ground_criteria", "age") == {"pass"}
    assert on.verdict == "ready_to_file"


def test_it_shows_the_numbers_when_time_served_is_short():
    # domain.md § 4's own example: 8 years 2 months served of a 15-year term.
    data = age_case(dob=OLD, began="2018-09-29", term=180)

    finding = only(screen_case(data, AS_OF), "ground_criteria", "age")

    assert finding.status == "fail"
    assert "served 8 years 2 months" in finding.message
    assert "10 years or 75% of 15 years = 11 years 3 months, whichever is less" in finding.message
    assert "Friday, September 29, 2028" in finding.message  # the day it will be met
    assert "(b)(1)(B)" in finding.message
    assert "(b)(5)" in finding.message
    assert finding.citation == "USSG §1B1.13(b)(2)"


def test_it_shows_the_age_and_suggests_other_grounds_when_under_65():
    data = age_case(dob="1970-01-15")

    finding = only(screen_case(data, AS_OF), "ground_criteria", "age")

    assert finding.status == "fail"
    assert "is 56" in finding.message
    assert "65" in finding.message
    assert "Monday, January 15, 2035" in finding.message
    assert "(b)(1)(B)" in finding.message
    assert "(b)(5)" in finding.message


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [("2020-06-14", "fail"), ("2020-06-15", "pass")],
    ids=["day-before-10-years", "10-years"],
)
def test_it_needs_10_years_for_a_life_sentence(as_of, expected):
    data = age_case(dob=OLD, began="2010-06-15", term=None, life=True)

    finding = only(screen_case(data, date.fromisoformat(as_of)), "ground_criteria", "age")

    assert finding.status == expected
    if expected == "fail":
        assert "10 years (for a life sentence)" in finding.message
        assert "9 years 11 months" in finding.message


def test_it_does_not_let_75_percent_of_a_very_long_term_beat_10_years_for_life():
    # 75% of a life term is never computed: after 8 years a lifer still fails.
    data = age_case(dob=OLD, began="2018-01-01", term=None, life=True)

    assert statuses(screen_case(data, AS_OF), "ground_criteria", "age") == {"fail"}


@pytest.mark.parametrize(
    ("as_of", "status", "verdict"),
    [
        ("2020-06-14", "unknown", "needs_information"),
        ("2020-06-15", "pass", "ready_to_file"),
    ],
    ids=["under-10-years", "10-years"],
)
def test_it_leaves_age_unknown_without_a_term_unless_10_years_are_served(as_of, status, verdict):
    data = age_case(dob=OLD, began="2010-06-15", term=None)

    result = screen_case(data, date.fromisoformat(as_of))

    finding = only(result, "ground_criteria", "age")
    assert finding.status == status
    if status == "unknown":
        assert "length of the sentence" in finding.message
    assert result.verdict == verdict


def test_it_does_not_crash_on_an_absurdly_long_term():
    # A whole number >= 1 is a valid term (case-format.md); 99999 months runs past year 9999.
    data = age_case(dob=OLD, began="2010-01-01", term=99999)

    result = screen_case(data, date(2020, 1, 1))

    assert statuses(result, "ground_criteria", "age") == {"pass"}


# -- age: facts missing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("person", "sentence", "missing"),
    [
        ({"date_of_birth": None}, {}, "date of birth"),
        ({}, {"custody_began": None}, "date federal custody began"),
    ],
    ids=["no-date-of-birth", "no-custody-date"],
)
def test_it_gives_an_unknown_age_finding_when_a_date_is_missing(person, sentence, missing):
    data = age_case()
    data["person"].update(person)
    data["sentence"].update(sentence)

    result = screen_case(data)

    finding = only(result, "ground_criteria", "age")
    assert finding.status == "unknown"
    assert missing in finding.message
    assert result.verdict == "needs_information"
    assert result.earliest_filing_date is None


def test_it_fails_age_on_time_served_even_without_a_date_of_birth():
    data = age_case(dob=None, began="2020-01-01", term=240)

    result = screen_case(data)

    assert statuses(result, "ground_criteria", "age") == {"fail"}
    assert result.verdict == "no_qualifying_ground"


# The verdict is needs_information only when no ground is decidedly qualifying.
UNKNOWN_AGE = [
    ((), "needs_information"),
    (("medical_terminal",), "ready_to_file"),
    (("abuse_in_custody",), "ready_to_file"),
    (("family_parent",), "ready_to_file"),
    (("unusually_long_sentence",), "needs_information"),
]


@pytest.mark.parametrize(
    ("others", "verdict"), UNKNOWN_AGE, ids=["+".join(("age", *o)) for o, _ in UNKNOWN_AGE]
)
def test_it_asks_for_information_only_when_no_ground_is_decidedly_qualifying(others, verdict):
    data = age_case(dob=None, others=others)

    result = screen_case(data)

    assert statuses(result, "ground_criteria", "age") == {"unknown"}
    assert result.verdict == verdict


def test_it_asks_for_the_date_of_birth_before_asking_for_a_warden_request():
    data = age_case(dob=None)
    data["warden_requests"] = []

    assert screen_case(data).verdict == "needs_information"


def test_it_lets_an_unchecked_age_ground_count_for_dates():
    data = age_case(dob=None, others=("medical_terminal",))
    later = plus(AS_OF, -10)
    data["warden_requests"] = [
        request(covering=("medical_terminal",)),
        request(received_on=later, sent_on=later, covering=("age",)),
    ]

    result = screen_case(data)

    assert result.verdict == "waiting"
    assert result.earliest_filing_date == plus(later, 31)


def test_it_lets_an_unchecked_age_ground_count_for_matching():
    data = age_case(dob=None, others=("medical_terminal",))
    data["warden_requests"] = [request(covering=("medical_terminal",))]

    result = screen_case(data)

    assert result.verdict == "new_request_needed"
    assert result.unmatched_grounds == ("age",)


def test_it_does_not_ask_for_a_request_about_a_failing_age_ground():
    data = age_case(dob="1990-01-01", others=("medical_terminal",))
    data["warden_requests"] = [request(covering=("medical_terminal",))]

    result = screen_case(data)

    assert statuses(result, "ground_criteria", "age") == {"fail"}
    assert result.verdict == "ready_to_file"
    assert result.unmatched_grounds == ()


def test_three_quarters_of_a_whole_term_reads_in_whole_months():
    # 75% of 20 years is 180 months: "15 years", never "15 years 1 day" (the day count of the
    # test itself is unchanged).
    data = age_case(dob=OLD, began="2017-01-01", term=240)

    finding = only(screen_case(data, AS_OF), "ground_criteria", "age")

    assert "10 years or 75% of 20 years = 15 years, whichever is less" in finding.message
    assert "15 years 1 day" not in finding.message
