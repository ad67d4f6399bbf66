"""Reminders of the deadlines after the motion is mailed (domain.md § 9, § 2): the notice of
appeal, the reply's date from the court's order, and the BP-9, BP-10 and BP-11. The dates are
eligibility.after_filing's; `send_reminders` sends each once, to families who asked, with
nothing personal in it."""

from datetime import date

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from eligibility import after_filing as af
from eligibility.after_filing import Deadline, Stage
from eligibility.facts import read_case
from notices.models import SentReminder
from tests import casebuilder
from tests.case_helpers import freeze_today
from tests.test_timeline import add, make_case

PERSONAL = ["Jane", "Doe", "2026", "December", "diciembre", "appeal", "reply", "BP-"]


# -- the deadlines (eligibility.after_filing.deadlines) -------------------------------------


FACTS = read_case(casebuilder.case())
AS_OF = date(2026, 11, 29)
TO_ACT_BY = {af.APPEAL_DUE, af.REPLY_DUE, af.BP9_DUE, af.BP10_DUE, af.BP11_DUE}


def to_act_by(stages):
    """The deadlines the family must act by: the ones reminded (not the answers waited for)."""
    return [d for d in af.deadlines(stages, FACTS, AS_OF) if d.kind in TO_ACT_BY]


def test_a_denial_gives_the_notice_of_appeal_14_days_after_entry():
    stages = [Stage("filed", date(2026, 10, 1)), Stage("decided", date(2026, 11, 20), "denied")]
    assert to_act_by(stages) == [Deadline(af.APPEAL_DUE, date(2026, 12, 4))]


def test_a_notice_of_appeal_mailed_ends_that_deadline():
    stages = [
        Stage("decided", date(2026, 11, 20), "denied"),
        Stage("appeal_filed", date(2026, 11, 25)),
    ]
    assert to_act_by(stages) == []


def test_a_grant_or_a_dismissal_has_no_appeal_deadline():
    for outcome in ("granted", "dismissed_unexhausted"):
        assert to_act_by([Stage("decided", date(2026, 11, 20), outcome)]) == []


def test_the_reply_date_is_only_the_one_from_the_order():
    given = Stage("response", date(2026, 11, 2), reply_due_on=date(2026, 12, 2))
    assert to_act_by([given]) == [Deadline(af.REPLY_DUE, date(2026, 12, 2))]
    assert to_act_by([Stage("response", date(2026, 11, 2))]) == []
    mailed = Stage("reply_sent", date(2026, 11, 20))
    assert to_act_by([given, mailed]) == []


@pytest.mark.parametrize(
    ("kind", "on", "deadline"),
    [
        ("warden_denied", date(2026, 11, 10), Deadline(af.BP9_DUE, date(2026, 11, 30))),
        ("bp9_answered", date(2026, 11, 10), Deadline(af.BP10_DUE, date(2026, 11, 30))),
        ("bp10_answered", date(2026, 11, 10), Deadline(af.BP11_DUE, date(2026, 12, 10))),
    ],
)
def test_each_administrative_appeal_is_due_after_the_answer_that_opens_it(kind, on, deadline):
    assert to_act_by([Stage(kind, on)]) == [deadline]


def test_a_bp10_filed_ends_the_bp10_deadline():
    stages = [Stage("bp9_answered", date(2026, 11, 10)), Stage("bp10_filed", date(2026, 11, 20))]
    assert to_act_by(stages) == []


def test_a_deadline_on_a_weekend_stays_as_computed():
    # November 21, 2026 is a Saturday: the earlier date is the safe one, so it is not moved.
    stages = [Stage("decided", date(2026, 11, 7), "denied")]
    assert to_act_by(stages) == [Deadline(af.APPEAL_DUE, date(2026, 11, 21))]


# -- send_reminders -----------------------------------------------------------------------------


@pytest.fixture
def family(monkeypatch, db):
    freeze_today(monkeypatch)  # November 29, 2026
    client = Client()
    case = make_case(client)
    add(client, case, "filed", date(2026, 10, 5))
    return client, case


def turn_on(client, case, email="family@example.com"):
    response = client.post(
        reverse("reminders_set", args=[case.id]),
        {"reminders": "on", "reminders-email": email},
    )
    assert response.status_code == 302


def run_three_times():
    for _ in range(3):
        call_command("send_reminders")


def test_the_appeal_deadline_is_reminded_once(family, smtp_server):
    client, case = family
    add(client, case, "decided", date(2026, 11, 20), outcome="denied")  # due December 4
    turn_on(client, case)
    run_three_times()
    [message] = smtp_server.inbox.to("family@example.com")
    assert "A date in your case is coming up" in message.get_body().get_content()
    reminder = SentReminder.objects.get()
    assert (reminder.kind, reminder.about) == ("appeal_deadline", date(2026, 12, 4))


def test_the_appeal_reminder_waits_for_the_last_week(family, smtp_server, monkeypatch):
    client, case = family
    add(client, case, "decided", date(2026, 11, 28), outcome="denied")  # due December 12
    turn_on(client, case)
    run_three_times()
    assert not smtp_server.inbox.messages
    freeze_today(monkeypatch, date(2026, 12, 5))
    run_three_times()
    assert len(smtp_server.inbox.messages) == 1
    assert SentReminder.objects.get().about == date(2026, 12, 12)


def test_no_appeal_reminder_once_the_notice_is_mailed(family, smtp_server):
    client, case = family
    add(client, case, "decided", date(2026, 11, 20), outcome="denied")
    add(client, case, "appeal_filed", date(2026, 11, 25))
    turn_on(client, case)
    run_three_times()
    assert not smtp_server.inbox.messages


def test_no_reminder_for_a_deadline_already_past(family, smtp_server, monkeypatch):
    client, case = family
    add(client, case, "decided", date(2026, 11, 20), outcome="denied")
    turn_on(client, case)
    freeze_today(monkeypatch, date(2026, 12, 5))
    run_three_times()
    assert not smtp_server.inbox.messages


def test_the_reply_date_from_the_order_is_reminded(family, smtp_server):
    client, case = family
    add(client, case, "response", date(2026, 11, 2), reply_due_on=date(2026, 12, 2))
    turn_on(client, case)
    run_three_times()
    reminder = SentReminder.objects.get()
    assert (reminder.kind, reminder.about) == ("reply_due", date(2026, 12, 2))
    assert len(smtp_server.inbox.messages) == 1


def test_the_decision_ends_the_reply_deadline(family, smtp_server):
    client, case = family
    add(client, case, "response", date(2026, 11, 2), reply_due_on=date(2026, 12, 2))
    add(client, case, "decided", date(2026, 11, 20), outcome="granted")
    turn_on(client, case)
    run_three_times()
    assert not smtp_server.inbox.messages


def test_no_reply_reminder_without_the_orders_date(family, smtp_server):
    client, case = family
    add(client, case, "response", date(2026, 11, 2))
    turn_on(client, case)
    run_three_times()
    assert not smtp_server.inbox.messages


@pytest.mark.parametrize(
    ("kind", "on", "reminder"),
    [
        ("warden_denied", date(2026, 11, 15), ("bp9_deadline", date(2026, 12, 5))),
        ("bp9_answered", date(2026, 11, 15), ("bp10_deadline", date(2026, 12, 5))),
        ("bp10_answered", date(2026, 11, 5), ("bp11_deadline", date(2026, 12, 5))),
    ],
)
def test_each_bop_appeal_deadline_is_reminded(family, smtp_server, kind, on, reminder):
    client, case = family
    add(client, case, kind, on)
    turn_on(client, case)
    run_three_times()
    sent = SentReminder.objects.get()
    assert (sent.kind, sent.about) == reminder
    assert len(smtp_server.inbox.messages) == 1


def test_no_reminder_without_asking_for_one(family, smtp_server):
    client, case = family
    add(client, case, "decided", date(2026, 11, 20), outcome="denied")
    run_three_times()
    assert not smtp_server.inbox.messages


def test_nothing_personal_in_the_email(family, smtp_server):
    client, case = family
    add(client, case, "response", date(2026, 11, 2), reply_due_on=date(2026, 12, 2))
    add(client, case, "warden_denied", date(2026, 11, 15))
    turn_on(client, case)
    call_command("send_reminders")
    assert len(smtp_server.inbox.messages) == 2
    for message in smtp_server.inbox.messages:
        text = smtp_server.inbox.text(message)
        for word in PERSONAL:
            assert word not in text
        assert "http://127.0.0.1:8000/back/" in text


def test_a_spanish_family_gets_it_in_spanish(family, smtp_server):
    client, case = family
    client.cookies["django_language"] = "es"
    add(client, case, "decided", date(2026, 11, 20), outcome="denied")
    turn_on(client, case)
    call_command("send_reminders")
    text = smtp_server.inbox.text(smtp_server.inbox.messages[0])
    assert "Se acerca una fecha en su caso" in text
