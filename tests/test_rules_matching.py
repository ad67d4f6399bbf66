"""domain.md § 3 (ground matching) and case-format.md's rules for statuses and the order of
decisions: which request covers which motion ground, `unmatched_grounds`, the partial date,
and the `ground_matching` and `exhaustion` statuses.
"""

from datetime import date
from itertools import permutations

import pytest

from eligibility.grounds import BY_ID, GROUND_IDS, MEDICAL_IDS
from eligibility.words import long_date
from tests.casebuilder import (
    AS_OF,
    READY_ON,
    RECEIVED,
    case,
    findings,
    ground,
    only,
    request,
    screen_case,
    statuses,
)

MEDICAL = sorted(MEDICAL_IDS)
STANDALONE = [g for g in GROUND_IDS if g not in MEDICAL_IDS and g != "unusually_long_sentence"]


def matching_case(motion, *requests, **sections):
    return case(grounds=[ground(g) for g in motion], warden_requests=list(requests), **sections)


def test_it_knows_the_four_medical_ids():
    assert MEDICAL == [
        "medical_care_not_provided",
        "medical_outbreak",
        "medical_self_care",
        "medical_terminal",
    ]


# -- families -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("asked", "argued"), list(permutations(MEDICAL, 2)), ids=lambda g: g.removeprefix("medical_")
)
def test_it_lets_medical_ids_cover_each_other_with_a_warning(asked, argued):
    result = screen_case(matching_case([argued], request(covering=(asked,))))

    assert result.verdict == "ready_to_file"
    assert result.unmatched_grounds == ()
    assert statuses(result, "ground_matching") == {"pass"}
    warning = only(result, "request_facts", argued)
    assert warning.status == "warn"
    assert BY_ID[argued].title in warning.message
    assert "new request" in warning.message


@pytest.mark.parametrize("category", MEDICAL + STANDALONE)
def test_it_gives_no_heading_warning_when_the_request_used_the_same_id(category):
    result = screen_case(matching_case([category], request(covering=(category,))))

    assert result.verdict == "ready_to_file"
    assert findings(result, "request_facts") == []


def test_it_gives_no_heading_warning_when_one_request_used_the_same_medical_id():
    result = screen_case(
        matching_case(
            ["medical_terminal"],
            request(covering=("medical_self_care",)),
            request(covering=("medical_terminal",)),
        )
    )

    assert findings(result, "request_facts") == []


@pytest.mark.parametrize(
    ("asked", "argued"),
    [
        *permutations(["family_child_caregiver", "family_spouse_partner", "family_parent"], 2),
        ("family_other", "family_parent"),
        ("family_parent", "family_other"),
        ("age", "medical_self_care"),
        ("medical_self_care", "age"),
        ("medical_terminal", "family_parent"),
        ("other", "abuse_in_custody"),
        ("abuse_in_custody", "other"),
        ("other", "medical_terminal"),
    ],
    ids=lambda g: g,
)
def test_it_does_not_let_other_ids_cover_each_other(asked, argued):
    result = screen_case(matching_case([argued], request(covering=(asked,))))

    assert result.verdict == "new_request_needed"
    assert result.unmatched_grounds == (argued,)
    assert statuses(result, "ground_matching") == {"fail"}
    assert statuses(result, "exhaustion") == {"fail"}
    assert BY_ID[argued].title in only(result, "ground_matching").message


def test_it_does_not_ask_the_warden_about_an_unavailable_ground():
    result = screen_case(matching_case(["medical_terminal", "unusually_long_sentence"], request()))

    assert result.unmatched_grounds == ()
    assert result.verdict == "ready_to_file"


# -- a request's grounds null, empty or without facts ---------------------------------------------


def test_it_lets_a_request_with_unknown_grounds_cover_nothing_and_says_so():
    result = screen_case(matching_case(["medical_terminal"], request(listed=None)))

    assert result.verdict == "new_request_needed"
    assert result.unmatched_grounds == ("medical_terminal",)
    warning = only(result, "request_facts")
    assert warning.status == "warn"
    assert warning.ground is None
    assert "don't know which reasons" in warning.message


def test_it_lets_a_request_with_an_empty_ground_list_cover_nothing_quietly():
    result = screen_case(matching_case(["medical_terminal"], request(listed=[])))

    assert result.verdict == "new_request_needed"
    assert result.unmatched_grounds == ("medical_terminal",)
    assert findings(result, "request_facts") == []


@pytest.mark.parametrize(
    "listed",
    [["medical_terminal"], [{"category": "medical_terminal"}], [ground("medical_terminal", "")]],
    ids=["plain-id", "no-facts-key", "empty-facts"],
)
def test_it_warns_about_a_request_ground_without_facts_but_counts_it(listed):
    result = screen_case(matching_case(["medical_terminal"], request(listed=listed)))

    warning = only(result, "request_facts", "medical_terminal")
    assert warning.status == "warn"
    assert "too vague" in warning.message
    assert result.verdict == "ready_to_file"


def test_it_warns_about_each_vague_ground_of_each_request():
    result = screen_case(
        matching_case(
            ["medical_terminal", "family_parent"],
            request(listed=["medical_terminal", "family_parent"]),
            request(listed=["family_parent"]),
        )
    )

    assert len(findings(result, "request_facts")) == 3


# -- unmatched grounds and the partial date -------------------------------------------------------


def test_it_lists_no_unmatched_grounds_when_no_request_was_sent():
    result = screen_case(matching_case(["medical_terminal", "family_parent"]))

    assert result.verdict == "needs_warden_request"
    assert result.unmatched_grounds == ()
    assert result.partial_filing_date is None


def test_it_lists_every_unmatched_ground_in_motion_order():
    result = screen_case(
        matching_case(
            ["family_parent", "medical_terminal", "other", "age"],
            request(covering=("medical_self_care",)),
        )
    )

    assert result.unmatched_grounds == ("family_parent", "other", "age")


PARTIAL = [
    # (id, matched request, as_of, expected partial date)
    ("proven-passed", request(), AS_OF, READY_ON),
    (
        "proven-ahead",
        request(received_on="2026-11-20", sent_on="2026-11-20"),
        AS_OF,
        date(2026, 12, 21),
    ),
    (
        "estimate-passed",
        request(received_on=None, sent_on="2026-09-01", method="mail"),
        AS_OF,
        date(2026, 10, 9),
    ),
    ("undated", request(received_on=None, sent_on=None), AS_OF, None),
    (
        "final-denial",
        request(received_on="2026-11-01", sent_on="2026-11-01", final_denial_on="2026-11-10"),
        AS_OF,
        date(2026, 11, 10),
    ),
]


@pytest.mark.parametrize(
    ("matched", "as_of", "partial"), [p[1:] for p in PARTIAL], ids=[p[0] for p in PARTIAL]
)
def test_it_gives_the_date_for_filing_on_the_matched_grounds_alone(matched, as_of, partial):
    result = screen_case(matching_case(["medical_terminal", "family_parent"], matched), as_of)

    assert result.verdict == "new_request_needed"
    assert result.unmatched_grounds == ("family_parent",)
    assert result.partial_filing_date == partial
    assert result.earliest_filing_date is None
    message = only(result, "ground_matching").message
    if partial is not None:
        assert long_date(partial) in message
    if partial is not None and matched["received_on"] is None:
        assert "estimate" in message


@pytest.mark.parametrize(
    ("as_of", "partial"),
    [
        (date(2026, 11, 29), date(2026, 12, 2)),  # nothing passed: the (estimated) soonest date
        (date(2026, 12, 10), date(2026, 12, 2)),  # the estimate passed, the proven date not yet
        (date(2026, 12, 21), date(2026, 12, 21)),  # the proven date passed: it wins
    ],
    ids=["both-ahead", "estimate-passed", "proven-passed"],
)
def test_it_computes_the_partial_date_as_for_the_earliest_date(as_of, partial):
    result = screen_case(
        matching_case(
            ["medical_terminal", "family_parent"],
            request(received_on=None, sent_on="2026-11-01"),  # estimate: 2026-12-02
            request(received_on="2026-11-20", sent_on="2026-11-20"),  # proven: 2026-12-21
        ),
        as_of,
    )

    assert result.verdict == "new_request_needed"
    assert result.partial_filing_date == partial


def test_it_gives_no_partial_date_when_no_ground_is_matched():
    result = screen_case(
        matching_case(["medical_terminal", "family_parent"], request(covering=("other",)))
    )

    assert result.verdict == "new_request_needed"
    assert set(result.unmatched_grounds) == {"medical_terminal", "family_parent"}
    assert result.partial_filing_date is None


def test_it_computes_the_partial_date_over_the_matched_grounds_only():
    # The later request covers only "other", which the motion also raises; the unmatched
    # parent ground has no date, so the partial date is the latest over medical and other.
    result = screen_case(
        matching_case(
            ["medical_terminal", "other", "family_parent"],
            request(),
            request(received_on="2026-10-20", sent_on="2026-10-20", covering=("other",)),
        )
    )

    assert result.verdict == "new_request_needed"
    assert result.partial_filing_date == date(2026, 11, 20)


@pytest.mark.parametrize(
    "sections",
    [
        {},
        {"warden_requests": [request(received_on="2026-11-20", sent_on="2026-11-20")]},
        {"warden_requests": [request(received_on=None, sent_on="2026-10-01")]},
        {"warden_requests": []},
        {"custody": {"status": None}, "grounds": [ground("medical_terminal"), ground("other")]},
    ],
    ids=["ready", "waiting", "needs-proof", "no-request", "needs-information-with-unmatched"],
)
def test_it_gives_a_partial_date_only_with_new_request_needed(sections):
    result = screen_case(case(**sections))

    assert result.verdict != "new_request_needed"
    assert result.partial_filing_date is None


# -- ground_matching status -----------------------------------------------------------------------

MATCHING_STATUS = [
    ("all-covered", ["medical_terminal"], [request()], "pass"),
    ("one-not-covered", ["medical_terminal", "other"], [request()], "fail"),
    ("no-request", ["medical_terminal"], [], "unknown"),
    ("no-counting-request", ["medical_terminal"], [request(asked_for="other")], "unknown"),
    ("no-qualifying-ground", ["unusually_long_sentence"], [request()], "unknown"),
    ("no-ground", [], [request()], "unknown"),
]


@pytest.mark.parametrize(
    ("motion", "requests", "expected"),
    [m[1:] for m in MATCHING_STATUS],
    ids=[m[0] for m in MATCHING_STATUS],
)
def test_it_sets_the_ground_matching_status_per_the_contract(motion, requests, expected):
    result = screen_case(matching_case(motion, *requests))

    assert [f.status for f in findings(result, "ground_matching")] == [expected]


# -- exhaustion status ----------------------------------------------------------------------------

EXHAUSTION_STATUS = [
    ("ready", {}, "ready_to_file", "pass"),
    ("bop-moving", {"bop_motion": True, "warden_requests": []}, "ready_to_file", "pass"),
    ("no-request", {"warden_requests": []}, "needs_warden_request", "fail"),
    (
        "no-counting-request",
        {"warden_requests": [request(asked_for="home_confinement")]},
        "needs_warden_request",
        "fail",
    ),
    (
        "unmatched",
        {"grounds": [ground("medical_terminal"), ground("other")]},
        "new_request_needed",
        "fail",
    ),
    (
        "date-ahead",
        {"warden_requests": [request(received_on="2026-11-20", sent_on="2026-11-20")]},
        "waiting",
        "fail",
    ),
    (
        "date-unknown",
        {"warden_requests": [request(received_on=None, sent_on=None)]},
        "needs_information",
        "unknown",
    ),
    (
        "proof-missing",
        {"warden_requests": [request(received_on=None, sent_on="2026-09-01")]},
        "needs_information",
        "unknown",
    ),
]


@pytest.mark.parametrize(
    ("sections", "verdict", "expected"),
    [e[1:] for e in EXHAUSTION_STATUS],
    ids=[e[0] for e in EXHAUSTION_STATUS],
)
def test_it_sets_the_exhaustion_status_per_the_contract(sections, verdict, expected):
    result = screen_case(case(**sections))

    assert result.verdict == verdict
    assert [f.status for f in findings(result, "exhaustion")] == [expected]


# -- the order of decisions -----------------------------------------------------------------------


def test_it_puts_an_unmatched_ground_before_unknown_request_dates():
    result = screen_case(
        matching_case(
            ["medical_terminal", "family_parent"], request(received_on=None, sent_on=None)
        )
    )

    assert result.verdict == "new_request_needed"
    assert result.unmatched_grounds == ("family_parent",)
    assert result.partial_filing_date is None


def test_it_asks_for_information_when_the_dates_are_unknown_and_everything_matches():
    result = screen_case(
        matching_case(
            ["medical_terminal", "family_parent"],
            request(received_on=RECEIVED, sent_on=RECEIVED),
            request(received_on=None, sent_on=None, covering=("family_parent",)),
        )
    )

    assert result.verdict == "needs_information"
    assert result.earliest_filing_date is None
    assert statuses(result, "exhaustion") == {"unknown"}
    assert statuses(result, "ground_matching") == {"pass"}


ORDER = [
    # an earlier verdict of domain.md § 7 beats every later one
    (
        "not-eligible-beats-unknowns",
        {"custody": {"sentencing_court": "state", "status": None}, "grounds": []},
        "not_eligible",
    ),
    (
        "section-1-unknown-beats-no-qualifying-ground",
        {"custody": {"status": None}, "grounds": [ground("unusually_long_sentence")]},
        "needs_information",
    ),
    ("no-ground-beats-no-request", {"grounds": [], "warden_requests": []}, "needs_information"),
    (
        "no-qualifying-ground-beats-no-request",
        {"grounds": [ground("unusually_long_sentence")], "warden_requests": []},
        "no_qualifying_ground",
    ),
    (
        "section-1-unknown-beats-unmatched",
        {
            "custody": {"offense_date": None},
            "grounds": [ground("medical_terminal"), ground("other")],
        },
        "needs_information",
    ),
    (
        "no-qualifying-ground-beats-undated-request",
        {
            "grounds": [ground("unusually_long_sentence")],
            "warden_requests": [request(received_on=None, sent_on=None)],
        },
        "no_qualifying_ground",
    ),
    ("no-request-beats-nothing-else", {"warden_requests": []}, "needs_warden_request"),
    (
        "unmatched-beats-waiting",
        {
            "grounds": [ground("medical_terminal"), ground("other")],
            "warden_requests": [request(received_on="2026-11-20", sent_on="2026-11-20")],
        },
        "new_request_needed",
    ),
]


@pytest.mark.parametrize(("sections", "verdict"), [o[1:] for o in ORDER], ids=[o[0] for o in ORDER])
def test_it_tries_the_verdicts_in_order(sections, verdict):
    result = screen_case(case(**sections))

    assert result.verdict == verdict
