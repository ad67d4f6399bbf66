"""domain.md § 2, the 30-day rule, and case-format.md's exact behaviour for it.

Path A: the warden received the request, then 31 days (receipt + 31 is the first day to file).
Receipt unknown: an estimate, never enough for "ready to file". Path B: a final denial.
"""

from datetime import date

import pytest

from eligibility.rules import summary
from eligibility.words import long_date
from tests.casebuilder import (
    AS_OF,
    READY_ON,
    RECEIVED,
    case,
    day,
    findings,
    ground,
    only,
    plus,
    request,
    screen_case,
    statuses,
)


def received(on, **fields):
    """A hand-delivered request received on `on` (a date or 'YYYY-MM-DD')."""
    return request(received_on=on, sent_on=fields.pop("sent_on", on), **fields)


def one_request(req, **sections):
    return case(warden_requests=[req], **sections)


# -- rule 1: receipt + 31 days --------------------------------------------------------------------

RECEIPT_PLUS_31 = [
    ("2026-09-01", "2026-10-02"),
    ("2026-03-01", "2026-04-01"),  # domain.md's example
    ("2028-01-31", "2028-03-02"),  # domain.md's example: a leap year
    ("2027-01-31", "2027-03-03"),  # a common year
    ("2026-12-31", "2027-01-31"),  # across the year end
    ("2024-02-29", "2024-03-31"),  # received on a leap day
    ("2026-11-10", "2026-12-11"),
]


@pytest.mark.parametrize(("on", "first_day"), RECEIPT_PLUS_31, ids=[r[0] for r in RECEIPT_PLUS_31])
def test_it_opens_the_door_on_receipt_plus_31_days(on, first_day):
    first_day = day(first_day)
    data = one_request(received(on))

    before = screen_case(data, plus(first_day, -1))
    on_the_day = screen_case(data, first_day)

    assert before.verdict == "waiting"
    assert before.earliest_filing_date == first_day
    assert statuses(before, "exhaustion") == {"fail"}
    assert on_the_day.verdict == "ready_to_file"
    assert on_the_day.earliest_filing_date == first_day
    assert statuses(on_the_day, "exhaustion") == {"pass"}


def test_it_says_the_waiting_date_in_words():
    result = screen_case(one_request(received("2026-11-10")), AS_OF)

    assert result.verdict == "waiting"
    assert "Friday, December 11, 2026" in only(result, "exhaustion").message
    assert "in 12 days" in only(result, "exhaustion").message
    headline = summary(result).headline
    assert headline == "Your loved one can file on Friday, December 11, 2026"


def test_it_gives_no_receipt_warning_when_receipt_is_known():
    result = screen_case(one_request(received("2026-11-10")), AS_OF)

    assert findings(result, "receipt_proof") == []


def test_it_counts_from_receipt_not_from_sending():
    data = one_request(request(sent_on="2026-10-20", received_on="2026-10-30", method="mail"))

    # Sent + 31 would be November 20, the mail estimate November 27: receipt decides.
    result = screen_case(data, date(2026, 11, 29))

    assert result.verdict == "waiting"
    assert result.earliest_filing_date == date(2026, 11, 30)
    assert screen_case(data, date(2026, 11, 30)).verdict == "ready_to_file"


# -- rule 2: receipt unknown ----------------------------------------------------------------------

SENT = date(2026, 9, 1)
METHODS = [
    ("hand_delivered", 0),
    ("electronic", 0),
    ("mail", 7),
    ("email", 7),
    ("fax", 7),
    (None, 7),
]


@pytest.mark.parametrize(("method", "delay"), METHODS, ids=[str(m) for m, _ in METHODS])
def test_it_estimates_receipt_by_method_and_asks_for_proof_once_the_estimate_passes(method, delay):
    estimate = plus(SENT, delay)
    first_day = plus(estimate, 31)
    data = one_request(request(sent_on=SENT, received_on=None, method=method))

    for as_of in (first_day, plus(first_day, 40)):
        result = screen_case(data, as_of)

        assert result.verdict == "needs_information"
        assert result.earliest_filing_date == first_day
        proof = only(result, "receipt_proof")
        assert proof.status == "fail"
        assert long_date(estimate) in proof.message
        assert statuses(result, "exhaustion") == {"unknown"}
        assert summary(result).headline == "Get proof of the date the warden received the request"


@pytest.mark.parametrize(("method", "delay"), METHODS, ids=[str(m) for m, _ in METHODS])
def test_it_waits_on_an_estimate_with_a_proof_warning_before_it_passes(method, delay):
    first_day = plus(SENT, delay + 31)
    data = one_request(request(sent_on=SENT, received_on=None, method=method))

    result = screen_case(data, plus(first_day, -1))

    assert result.verdict == "waiting"
    assert result.earliest_filing_date == first_day
    assert statuses(result, "receipt_proof") == {"warn"}
    assert statuses(result, "exhaustion") == {"fail"}
    assert "estimate" in only(result, "exhaustion").message


@pytest.mark.parametrize("method", [m for m, _ in METHODS], ids=[str(m) for m, _ in METHODS])
def test_it_never_calls_an_estimated_receipt_ready_to_file(method):
    data = one_request(request(sent_on="2020-01-01", received_on=None, method=method))

    assert screen_case(data, AS_OF).verdict == "needs_information"


@pytest.mark.parametrize("method", ["hand_delivered", "mail", None], ids=str)
def test_it_needs_information_without_a_date_when_sent_on_is_unknown_too(method):
    data = one_request(request(sent_on=None, received_on=None, method=method))

    result = screen_case(data, AS_OF)

    assert result.verdict == "needs_information"
    assert result.earliest_filing_date is None
    assert statuses(result, "exhaustion") == {"unknown"}
    assert findings(result, "receipt_proof") == []


def test_it_prefers_a_proven_date_once_it_has_passed_over_an_earlier_estimate():
    data = case(
        warden_requests=[
            request(sent_on="2026-09-01", received_on=None),  # estimate: 2026-10-02
            received("2026-10-15"),  # proven: 2026-11-15
        ]
    )

    assert screen_case(data, date(2026, 10, 1)).verdict == "waiting"
    assert screen_case(data, date(2026, 10, 1)).earliest_filing_date == date(2026, 10, 2)
    middle = screen_case(data, date(2026, 11, 10))
    assert middle.verdict == "needs_information"
    assert middle.earliest_filing_date == date(2026, 10, 2)
    assert statuses(middle, "receipt_proof") == {"fail"}
    late = screen_case(data, date(2026, 11, 15))
    assert late.verdict == "ready_to_file"
    assert late.earliest_filing_date == date(2026, 11, 15)
    assert statuses(late, "exhaustion") == {"pass"}


def test_it_needs_proof_when_one_ground_rests_only_on_an_estimate():
    data = case(
        grounds=[ground("medical_terminal"), ground("family_parent")],
        warden_requests=[
            received(RECEIVED, covering=("medical_terminal",)),
            request(
                sent_on="2026-09-15", received_on=None, method="mail", covering=("family_parent",)
            ),
        ],
    )

    result = screen_case(data, AS_OF)

    assert result.verdict == "needs_information"
    assert result.earliest_filing_date == date(2026, 10, 23)  # 09-15 + 7 + 31
    assert statuses(result, "receipt_proof") == {"fail"}


# -- rule 3 and path B: final denials ------------------------------------------------------------


def test_it_uses_a_final_denial_before_day_31_as_the_date():
    data = one_request(
        received(
            "2026-11-01", response="denied", response_on="2026-11-03", final_denial_on="2026-11-20"
        )
    )

    result = screen_case(data, date(2026, 11, 25))

    assert result.verdict == "ready_to_file"
    assert result.earliest_filing_date == date(2026, 11, 20)
    assert findings(result, "denial_before_30_days") == []


def test_it_waits_for_a_final_denial_date_still_ahead():
    data = one_request(received("2026-11-01", final_denial_on="2026-11-20"))

    result = screen_case(data, date(2026, 11, 19))

    assert result.verdict == "waiting"
    assert result.earliest_filing_date == date(2026, 11, 20)


def test_it_keeps_receipt_plus_31_when_the_final_denial_comes_later():
    data = one_request(received("2026-09-01", final_denial_on="2026-11-20"))

    result = screen_case(data, AS_OF)

    assert result.earliest_filing_date == READY_ON


def test_it_treats_a_final_denial_as_proof_even_when_receipt_is_unknown():
    data = one_request(
        request(sent_on="2026-11-01", received_on=None, method="mail", final_denial_on="2026-11-20")
    )

    result = screen_case(data, date(2026, 11, 25))

    assert result.verdict == "ready_to_file"
    assert result.earliest_filing_date == date(2026, 11, 20)


@pytest.mark.parametrize(
    "appeal",
    [
        {"bp9_on": "2026-11-06"},
        {"bp9_on": "2026-11-06", "bp10_on": "2026-11-10"},
        {"bp9_on": "2026-11-06", "bp10_on": "2026-11-10", "bp11_on": "2026-11-15"},
    ],
    ids=["bp9", "bp10", "bp11-unanswered"],
)
def test_it_does_not_treat_unanswered_appeals_as_a_denial(appeal):
    data = one_request(
        received("2026-11-01", response="denied", response_on="2026-11-04", **appeal)
    )

    result = screen_case(data, date(2026, 11, 25))

    assert result.verdict == "waiting"
    assert result.earliest_filing_date == date(2026, 12, 2)
    assert result.requests[0].bp9_due_on is None  # an appeal is on its way: no BP-9 to offer


# -- rule 4: a denial before day 31, by circuit ---------------------------------------------------

CIRCUITS = [
    # (district, circuit family, expected denial_before_30_days statuses)
    ("paed", "3rd", {"pass"}),
    ("njd", "3rd", {"pass"}),
    ("vid", "3rd", {"pass"}),
    ("vaed", "4th", {"pass"}),
    ("mdd", "4th", {"pass"}),
    ("mad", "1st", {"warn"}),
    ("nysd", "2nd", {"warn"}),
    ("txsd", "5th", {"warn"}),
    ("ohsd", "6th", {"warn"}),
    ("ilnd", "7th", {"warn"}),
    ("mnd", "8th", {"warn"}),
    ("cand", "9th", {"warn"}),
    ("cod", "10th", {"warn"}),
    ("flsd", "11th", {"warn"}),
    ("dcd", "D.C.", {"warn"}),
    (None, "unknown district", {"warn"}),
]


@pytest.mark.parametrize(
    ("district", "family", "expected"), CIRCUITS, ids=[f"{c[0]}-{c[1]}" for c in CIRCUITS]
)
def test_it_handles_a_denial_before_day_31_by_circuit(district, family, expected):
    data = one_request(
        received("2026-11-01", response="denied", response_on="2026-11-05"),
        sentence={"district": district},
    )

    result = screen_case(data, date(2026, 11, 20))

    assert statuses(result, "denial_before_30_days") == expected
    assert result.verdict == "waiting"
    assert result.earliest_filing_date == date(2026, 12, 2)  # path A all the same
    message = only(result, "denial_before_30_days").message
    assert "Wednesday, December 2, 2026" in message
    if expected == {"warn"}:
        assert "BP-9" in message
        assert "Wednesday, November 25, 2026" in message  # 20 days after the denial
    # The same date, computed once, is what the reminders read.
    bp9_due_on = date(2026, 11, 25) if expected == {"warn"} else None
    assert result.requests[0].bp9_due_on == bp9_due_on


@pytest.mark.parametrize(
    ("response_on", "expected"),
    [("2026-12-01", {"warn"}), ("2026-12-02", set()), ("2026-12-20", set())],
    ids=["day-30", "day-31", "later"],
)
def test_it_warns_only_about_a_denial_before_receipt_plus_31(response_on, expected):
    data = one_request(received("2026-11-01", response="denied", response_on=response_on))

    result = screen_case(data, date(2026, 12, 25))

    assert statuses(result, "denial_before_30_days") == expected
    assert result.verdict == "ready_to_file"


@pytest.mark.parametrize(
    "fields",
    [
        {"response": "denied", "response_on": None},
        {"response": "approved", "response_on": "2026-11-05"},
        {"response": "none", "response_on": None},
    ],
    ids=["denied-undated", "approved", "no-answer"],
)
def test_it_gives_no_denial_finding_without_a_dated_denial(fields):
    data = one_request(received("2026-11-01", **fields))

    assert findings(screen_case(data, date(2026, 11, 20)), "denial_before_30_days") == []


# -- rule 5: which warden ------------------------------------------------------------------------


def test_it_warns_when_the_request_went_to_another_facility():
    data = case(person={"facility": "BUT"}, warden_requests=[received(RECEIVED, facility="TRM")])

    result = screen_case(data)

    finding = only(result, "current_facility")
    assert finding.status == "warn"
    assert "FCI Terminal Island" in finding.message
    assert "FCI Butner Medium I" in finding.message
    assert result.verdict == "ready_to_file"
    assert result.earliest_filing_date == READY_ON


def test_it_warns_once_for_each_request_sent_elsewhere():
    data = case(
        person={"facility": "BUT"},
        warden_requests=[
            received("2026-08-01", facility="TRM"),
            received("2026-08-05", facility="BUT"),
            received("2026-08-10", facility="Some county jail"),
        ],
    )

    result = screen_case(data)

    assert [f.status for f in findings(result, "current_facility")] == ["warn", "warn"]


@pytest.mark.parametrize(
    ("here", "there"),
    [("BUT", "but"), ("BUT", None), (None, "TRM"), ("Some Jail", "some  jail")],
    ids=["same-code-any-case", "request-facility-unknown", "person-facility-unknown", "text"],
)
def test_it_gives_no_transfer_warning_for_the_same_or_an_unknown_facility(here, there):
    data = case(person={"facility": here}, warden_requests=[received(RECEIVED, facility=there)])

    assert findings(screen_case(data), "current_facility") == []


@pytest.mark.parametrize("status", ["rrc", "home_confinement"])
def test_it_tells_a_person_outside_prison_to_address_the_rrm(status):
    result = screen_case(case(custody={"status": status}))

    assert "Residential Reentry Manager" in only(result, "current_facility").message
    assert result.verdict == "ready_to_file"


# -- several requests -----------------------------------------------------------------------------

SEVERAL = [
    (
        "later-request-adds-a-ground",
        ["medical_terminal", "family_spouse_partner"],
        [("2026-08-01", ("medical_terminal",)), ("2026-11-15", ("family_spouse_partner",))],
        "waiting",
        "2026-12-16",
    ),
    (
        "same-ground-twice-takes-the-earlier",
        ["medical_terminal"],
        [("2026-10-15", ("medical_terminal",)), ("2026-08-01", ("medical_terminal",))],
        "ready_to_file",
        "2026-09-01",
    ),
    (
        "latest-of-earliest",
        ["medical_terminal", "family_parent"],
        [
            ("2026-10-15", ("medical_terminal", "family_parent")),
            ("2026-07-01", ("medical_terminal",)),
        ],
        "ready_to_file",
        "2026-11-15",
    ),
    (
        "each-ground-its-own-earliest",
        ["medical_terminal", "family_parent", "other"],
        [
            ("2026-06-01", ("medical_terminal",)),
            ("2026-07-01", ("family_parent", "other")),
            ("2026-09-01", ("other",)),
        ],
        "ready_to_file",
        "2026-08-01",
    ),
]


@pytest.mark.parametrize(
    ("motion", "requests", "verdict", "expected"),
    [row[1:] for row in SEVERAL],
    ids=[row[0] for row in SEVERAL],
)
def test_it_takes_the_latest_over_grounds_of_each_grounds_earliest_date(
    motion, requests, verdict, expected
):
    data = case(
        grounds=[ground(g) for g in motion],
        warden_requests=[received(on, covering=covering) for on, covering in requests],
    )

    result = screen_case(data, AS_OF)

    assert result.verdict == verdict
    assert result.earliest_filing_date == day(expected)


def test_it_uses_a_dated_request_when_another_for_the_same_ground_has_no_dates():
    data = case(warden_requests=[request(sent_on=None, received_on=None), received("2026-10-01")])

    result = screen_case(data, AS_OF)

    assert result.verdict == "ready_to_file"
    assert result.earliest_filing_date == date(2026, 11, 1)


BASES = [
    ("ready", [received("2026-10-01")]),
    ("waiting", [received("2026-11-20")]),
    ("estimate", [request(sent_on="2026-10-01", received_on=None, method="mail")]),
]
EXTRAS = [
    ("earlier", received("2026-08-01")),
    ("later", received("2026-11-25")),
    ("undated", request(sent_on=None, received_on=None)),
    ("estimate", request(sent_on="2026-09-01", received_on=None, method="fax")),
    ("final-denial", request(sent_on=None, received_on=None, final_denial_on="2026-11-01")),
    ("other-ground", received("2026-06-01", covering=("family_parent",))),
    ("home-confinement", received("2026-06-01", asked_for="home_confinement")),
]


@pytest.mark.parametrize(("base_id", "base"), BASES, ids=[b[0] for b in BASES])
@pytest.mark.parametrize(("extra_id", "extra"), EXTRAS, ids=[e[0] for e in EXTRAS])
def test_it_never_makes_the_date_later_when_a_request_is_added(base_id, base, extra_id, extra):
    before = screen_case(case(warden_requests=base), AS_OF)
    after = screen_case(case(warden_requests=[*base, extra]), AS_OF)

    assert before.earliest_filing_date is not None
    assert after.earliest_filing_date is not None
    assert after.earliest_filing_date <= before.earliest_filing_date


# -- rule 9: only a request for a sentence reduction counts ---------------------------------------


@pytest.mark.parametrize("kind", ["home_confinement", "other"])
def test_it_ignores_a_request_for_something_else(kind):
    result = screen_case(one_request(received(RECEIVED, asked_for=kind)))

    finding = only(result, "request_kind")
    assert finding.status == "fail"
    assert "sentence reduction" in finding.message
    assert result.verdict == "needs_warden_request"
    assert result.earliest_filing_date is None
    assert result.unmatched_grounds == ()
    assert statuses(result, "exhaustion") == {"fail"}
    assert "None of the requests" in only(result, "exhaustion").message


def test_it_counts_the_other_requests_when_one_asked_for_home_confinement():
    data = case(
        warden_requests=[
            received("2026-06-01", asked_for="home_confinement"),
            received("2026-10-01"),
        ]
    )

    result = screen_case(data, AS_OF)

    assert result.verdict == "ready_to_file"
    assert result.earliest_filing_date == date(2026, 11, 1)


def test_it_counts_a_request_of_unknown_kind_with_a_warning():
    from tests.casebuilder import DROP

    for asked_for in (None, DROP):
        req = received(RECEIVED, asked_for=None)
        if asked_for is DROP:
            del req["asked_for"]
        result = screen_case(one_request(req))

        assert only(result, "request_kind").status == "warn"
        assert result.verdict == "ready_to_file"
        assert result.earliest_filing_date == READY_ON


def test_it_gives_no_kind_finding_for_a_sentence_reduction_request():
    assert findings(screen_case(case()), "request_kind") == []


# -- rule 8: a request used for an earlier motion -------------------------------------------------

FILED = "2026-10-01"
PRIOR = [
    ("received-before", {"received_on": "2026-09-01", "sent_on": "2026-09-01"}, False),
    ("received-on-the-day", {"received_on": FILED, "sent_on": "2026-09-25"}, True),
    ("received-after-sent-before", {"received_on": "2026-10-02", "sent_on": "2026-09-28"}, True),
    ("receipt-unknown-sent-before", {"received_on": None, "sent_on": "2026-09-20"}, False),
    ("receipt-unknown-sent-after", {"received_on": None, "sent_on": "2026-10-03"}, True),
]


@pytest.mark.parametrize(("fields", "counts"), [p[1:] for p in PRIOR], ids=[p[0] for p in PRIOR])
def test_it_ignores_a_request_used_for_an_earlier_motion(fields, counts):
    data = one_request(request(**fields), prior_motion={"filed_on": FILED})

    result = screen_case(data, AS_OF)

    if counts:
        assert findings(result, "prior_motion") == []
        assert result.verdict in ("ready_to_file", "needs_information", "waiting")
        assert result.earliest_filing_date is not None
    else:
        finding = only(result, "prior_motion")
        assert finding.status == "fail"
        assert "October 1, 2026" in finding.message
        assert "Keller" in finding.citation
        assert result.verdict == "needs_warden_request"
        assert result.earliest_filing_date is None


def test_it_counts_a_new_request_after_an_earlier_motion():
    data = case(
        warden_requests=[received("2026-08-01"), received("2026-10-10")],
        prior_motion={"filed_on": FILED, "decided_on": "2026-10-05"},
    )

    result = screen_case(data, AS_OF)

    assert statuses(result, "prior_motion") == {"fail"}
    assert result.verdict == "ready_to_file"
    assert result.earliest_filing_date == date(2026, 11, 10)


# -- rule 6: the BOP is moving --------------------------------------------------------------------

BOP_MOVING = [
    ("ready", {}),
    ("no-request", {"warden_requests": []}),
    ("waiting", {"warden_requests": [received("2026-11-20")]}),
    ("unmatched", {"grounds": [ground("medical_terminal"), ground("family_parent")]}),
    ("undated", {"warden_requests": [request(sent_on=None, received_on=None)]}),
]


@pytest.mark.parametrize("sections", [b[1] for b in BOP_MOVING], ids=[b[0] for b in BOP_MOVING])
def test_it_needs_no_exhaustion_when_the_bop_is_moving(sections):
    result = screen_case(case(bop_motion=True, **sections), AS_OF)

    assert result.verdict == "ready_to_file"
    assert result.earliest_filing_date is None
    assert result.partial_filing_date is None
    assert statuses(result, "exhaustion") == {"pass"}
    assert statuses(result, "ground_matching") == {"pass"}
    assert "later" in only(result, "exhaustion").message
    assert summary(result).headline == "The BOP is asking the court itself"


BOP_FIRST_VERDICTS = [
    ("state-court", {"custody": {"sentencing_court": "state"}}, "not_eligible"),
    ("offense-date-unknown", {"custody": {"offense_date": None}}, "needs_information"),
    ("no-ground", {"grounds": []}, "needs_information"),
    (
        "only-unavailable-ground",
        {"grounds": [ground("unusually_long_sentence")]},
        "no_qualifying_ground",
    ),
]


@pytest.mark.parametrize(
    ("sections", "verdict"),
    [b[1:] for b in BOP_FIRST_VERDICTS],
    ids=[b[0] for b in BOP_FIRST_VERDICTS],
)
def test_it_still_applies_verdicts_1_to_3_when_the_bop_is_moving(sections, verdict):
    result = screen_case(case(bop_motion=True, **sections), AS_OF)

    assert result.verdict == verdict
    assert result.earliest_filing_date is None


# -- rule 1 with no request at all ----------------------------------------------------------------


def test_it_asks_for_a_warden_request_when_none_was_sent():
    result = screen_case(case(warden_requests=[]), AS_OF)

    assert result.verdict == "needs_warden_request"
    assert result.earliest_filing_date is None
    assert result.unmatched_grounds == ()
    assert statuses(result, "exhaustion") == {"fail"}
    assert statuses(result, "ground_matching") == {"unknown"}
    assert "No request has been sent" in only(result, "exhaustion").message


def test_a_request_label_at_the_start_of_a_sentence_keeps_the_month_capitalised():
    result = screen_case(case(warden_requests=[request(asked_for="home_confinement")]))
    (finding,) = [f for f in result.findings if f.rule == "request_kind"]
    assert finding.message.startswith("The request sent on September 1, 2026 asked for")
