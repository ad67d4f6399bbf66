"""domain.md § 9: after the motion is mailed, what comes next and by when.

The appeal deadline (14 days after entry), the reply date (only the court's), the date to file
again after a dismissal for failure to exhaust (the screening's), a new motion after a denial,
and the administrative-appeal steps with § 2's deadlines.
"""

import json
from datetime import date

import pytest

from eligibility import after_filing as af
from eligibility.facts import read_case
from eligibility.words import long_date
from tests.casebuilder import RECEIVED, case, day, plus, request


def facts_of(data):
    return read_case(json.loads(json.dumps(data)))


# -- the notice of appeal: 14 days after the order is entered ------------------------------------

APPEAL = [
    # entered, today, due, state
    ("2026-11-02", "2026-11-02", "2026-11-16", af.OPEN),
    ("2026-11-02", "2026-11-12", "2026-11-16", af.OPEN),
    ("2026-11-02", "2026-11-13", "2026-11-16", af.CLOSE),  # 3 days left
    ("2026-11-02", "2026-11-16", "2026-11-16", af.CLOSE),  # the last day
    ("2026-11-02", "2026-11-17", "2026-11-16", af.PAST),
    ("2026-12-20", "2026-12-21", "2027-01-03", af.OPEN),  # across the year end
    ("2028-02-20", "2028-02-21", "2028-03-05", af.OPEN),  # a leap year
    ("2027-02-20", "2027-02-21", "2027-03-06", af.OPEN),
]


@pytest.mark.parametrize(("entered", "today", "due", "state"), APPEAL)
def test_it_gives_the_notice_of_appeal_deadline(entered, today, due, state):
    result = af.notice_of_appeal(day(entered), day(today))

    assert result.due_on == day(due)
    assert result.state == state
    assert long_date(day(due)) in result.message
    assert result.citation == "Fed. R. App. P. 4(b)(1)(A)"


def test_it_warns_when_the_appeal_date_is_close():
    close = af.notice_of_appeal(day("2026-11-02"), day("2026-11-14"))
    open_ = af.notice_of_appeal(day("2026-11-02"), day("2026-11-05"))

    assert "close" in close.message
    assert "2 days left" in close.message
    assert "close" not in open_.message


def test_it_says_when_the_appeal_date_has_passed():
    result = af.notice_of_appeal(day("2026-11-02"), day("2026-12-01"))

    assert "ended on Monday, November 16, 2026" in result.message


# -- the reply: only the date in the court's order ------------------------------------------------

REPLY = [
    (None, "2026-11-10", None, af.UNKNOWN),
    ("2026-11-30", "2026-11-10", "2026-11-30", af.OPEN),
    ("2026-11-30", "2026-11-27", "2026-11-30", af.CLOSE),
    ("2026-11-30", "2026-12-01", "2026-11-30", af.PAST),
]


@pytest.mark.parametrize(("given", "today", "due", "state"), REPLY)
def test_the_reply_date_is_the_one_the_family_gives(given, today, due, state):
    result = af.reply(day(given) if given else None, day(today))

    assert result.due_on == (day(due) if due else None)
    assert result.state == state


def test_the_reply_date_is_never_guessed():
    result = af.reply(None, day("2026-11-10"))

    assert "court's order" in result.message
    assert "2026" not in result.message


# -- dismissed for failure to exhaust: the same request counts once its 30 days lapse ------------

FILE_AGAIN = [
    # received, filed, dismissed, today, date to file again
    ("2026-09-01", "2026-09-20", "2026-10-15", "2026-10-16", "2026-10-02"),
    ("2026-09-01", "2026-09-05", "2026-09-25", "2026-09-26", "2026-10-02"),
    ("2026-03-01", "2026-03-20", "2026-03-25", "2026-03-26", "2026-04-01"),
]


@pytest.mark.parametrize(("received", "filed", "dismissed", "today", "again"), FILE_AGAIN)
def test_the_same_request_counts_after_a_dismissal_for_failure_to_exhaust(
    received, filed, dismissed, today, again
):
    facts = facts_of(case(warden_requests=[request(received_on=received, sent_on=received)]))

    result = af.file_again(facts, day(filed), day(dismissed), day(today))

    assert result.due_on == day(again)
    assert "same motion" in result.message


def test_file_again_says_now_when_the_30_days_are_over():
    facts = facts_of(case())

    result = af.file_again(facts, plus(RECEIVED, 10), plus(RECEIVED, 60), plus(RECEIVED, 61))

    assert "now" in result.message


def test_file_again_warns_when_the_receipt_is_a_guess():
    data = case(warden_requests=[request(received_on=None, sent_on="2026-09-01", method="mail")])

    result = af.file_again(facts_of(data), day("2026-09-20"), day("2026-10-01"), day("2026-10-02"))

    assert result.due_on == day("2026-10-09")  # sent + 7 (mail) + 31: the screening's estimate
    assert "guess" in result.message


def test_file_again_with_no_request_gives_no_date():
    result = af.file_again(
        facts_of(case(warden_requests=[])), day("2026-09-20"), day("2026-10-01"), day("2026-10-02")
    )

    assert result.due_on is None
    assert result.state == af.UNKNOWN


# -- denied on the merits: a new request on new facts ---------------------------------------------


def test_a_denial_needs_a_new_request_for_a_new_motion():
    facts = facts_of(case())  # the only request was used for this motion

    result = af.new_motion(facts, day("2026-10-05"), day("2026-11-02"), day("2026-11-03"))

    assert result.due_on is None
    assert "new request" in result.message


def test_a_request_sent_after_the_motion_gives_the_new_date():
    data = case(
        warden_requests=[request(), request(received_on="2026-11-05", sent_on="2026-11-05")]
    )

    result = af.new_motion(facts_of(data), day("2026-10-05"), day("2026-11-02"), day("2026-11-06"))

    assert result.due_on == day("2026-12-06")


def test_a_denial_gives_both_routes():
    facts = facts_of(case())
    decided = af.Stage(af.DECIDED, day("2026-11-02"), outcome=af.DENIED)
    filed = af.Stage(af.FILED, day("2026-10-05"))

    result = af.next_after(decided, [filed, decided], facts, day("2026-11-03"))

    assert result.due_on == day("2026-11-16")
    assert "notice of appeal" in result.message
    assert "new request" in result.message


def test_a_mailed_notice_of_appeal_closes_the_deadline():
    facts = facts_of(case())
    decided = af.Stage(af.DECIDED, day("2026-11-02"), outcome=af.DENIED)
    appeal = af.Stage(af.APPEAL_FILED, day("2026-11-10"))

    result = af.next_after(decided, [decided, appeal], facts, day("2026-11-20"))

    assert result.state == af.DONE


# -- the administrative appeals (§ 2's deadlines) -------------------------------------------------

ADMINISTRATIVE = [
    (af.WARDEN_DENIED, "2026-09-10", 20),
    (af.BP9_FILED, "2026-09-20", 20),  # the warden's answer time
    (af.BP9_ANSWERED, "2026-10-05", 20),
    (af.BP10_FILED, "2026-10-15", 30),  # the region's answer time
    (af.BP10_ANSWERED, "2026-11-10", 30),
    (af.BP11_FILED, "2026-11-20", 40),  # the General Counsel's answer time
]


@pytest.mark.parametrize(("kind", "on", "days"), ADMINISTRATIVE)
def test_each_administrative_step_has_its_date(kind, on, days):
    stage = af.Stage(kind, day(on))

    result = af.next_after(stage, [stage], facts_of(case()), day(on))

    assert result.due_on == plus(on, days)
    assert long_date(plus(on, days)) in result.message
    assert "542" in result.citation


def test_the_last_answer_ends_the_administrative_appeals():
    stage = af.Stage(af.BP11_ANSWERED, day("2026-12-01"))

    result = af.next_after(stage, [stage], facts_of(case()), day("2026-12-02"))

    assert result.state == af.DONE
    assert result.due_on is None


# -- impossible orders ----------------------------------------------------------------------------

ORDERS = [
    (af.RESPONSE, af.FILED),
    (af.DECIDED, af.FILED),
    (af.APPEAL_FILED, af.DECIDED),
    (af.BP9_ANSWERED, af.BP9_FILED),
    (af.BP11_FILED, af.BP10_ANSWERED),
]


@pytest.mark.parametrize(("later", "earlier"), ORDERS)
def test_it_refuses_a_stage_before_the_one_it_follows(later, earlier):
    recorded = [af.Stage(earlier, day("2026-10-05"))]

    assert af.order_problem(recorded, af.Stage(later, day("2026-10-04"))) is not None
    assert af.order_problem(recorded, af.Stage(later, day("2026-10-05"))) is None


def test_a_stage_with_nothing_before_it_is_never_refused():
    assert af.order_problem([], af.Stage(af.APPEAL_FILED, date(2020, 1, 1))) is None


SETTLED = [
    (af.RESPONSE, af.REPLY_SENT),
    (af.RESPONSE, af.DECIDED),
    (af.WARDEN_DENIED, af.BP9_FILED),
    (af.BP9_ANSWERED, af.BP10_FILED),
    (af.BP11_FILED, af.BP11_ANSWERED),
]


@pytest.mark.parametrize(("kind", "after"), SETTLED)
def test_a_stage_settled_by_the_next_one_has_no_deadline_left(kind, after):
    stage = af.Stage(kind, day("2026-10-01"))
    later = af.Stage(after, day("2026-10-10"), outcome=af.DENIED)

    result = af.next_after(stage, [stage, later], facts_of(case()), day("2026-12-20"))

    assert result.state == af.DONE
    assert result.due_on is None


def test_a_stage_before_it_does_not_settle_it():
    stage = af.Stage(af.WARDEN_DENIED, day("2026-10-01"))
    earlier = af.Stage(af.BP9_FILED, day("2026-09-01"))

    result = af.next_after(stage, [earlier, stage], facts_of(case()), day("2026-10-02"))

    assert result.due_on == day("2026-10-21")
