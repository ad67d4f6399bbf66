"""Reminders: `send_reminders` sends each due reminder once, in the family's language, through a
real SMTP server, with nothing personal in it and a one-click stop link."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from intake.models import Case
from notices.models import ReminderPreference, SentReminder
from tests.case_helpers import (
    answer_first_steps,
    finish_interview,
    freeze_today,
    request_form,
    start_case,
)
from tests.smtp_server import free_port

pytestmark = pytest.mark.django_db
PERSONAL = [
    "Jane",
    "Doe",
    "12345678",
    "pancreatic",
    "cancer",
    "terminal",
    "1957",
    "2026",
    "November",
    "noviembre",
    "1:10-cr-00123",
]


def interview(client, *, received_on, method="hand_delivered", response="none", response_on=None):
    case = start_case(client)
    answer_first_steps(client, case)
    request = request_form(
        0,
        sent_on=date(2026, 10, 20),
        received_on=received_on,
        method=method,
        response=response,
        response_on=response_on,
    )
    request["0-receipt_proof"] = "staff_stamp" if received_on else "none"
    finish_interview(client, case, request)
    return Case.objects.get(pk=case.pk)


def turn_on(client, case, email="family@example.com"):
    response = client.post(
        reverse("reminders_set", args=[case.id]),
        {"reminders": "on", "reminders-email": email},
    )
    assert response.status_code == 302


def run_three_times():
    for _ in range(3):
        call_command("send_reminders")


def test_the_filing_day_reminder_goes_once_over_three_runs(monkeypatch, smtp_server):
    freeze_today(monkeypatch)
    client = Client()
    case = interview(client, received_on=date(2026, 10, 20))  # first day: November 20, 2026
    turn_on(client, case)
    run_three_times()
    [message] = smtp_server.inbox.to("family@example.com")
    assert "a step may be possible now" in message.get_body().get_content()
    assert SentReminder.objects.get().kind == "filing_day"


def test_no_reminder_without_asking_for_one(monkeypatch, smtp_server):
    freeze_today(monkeypatch)
    interview(Client(), received_on=date(2026, 10, 20))
    run_three_times()
    assert not smtp_server.inbox.messages


def test_proof_still_missing_after_the_estimated_date(monkeypatch, smtp_server):
    freeze_today(monkeypatch)
    client = Client()
    case = interview(client, received_on=None, method="mail")
    turn_on(client, case)
    run_three_times()
    [message] = smtp_server.inbox.messages
    assert "a paper is still missing" in message.get_body().get_content()


def test_the_bp9_deadline_after_an_early_denial(monkeypatch, smtp_server):
    freeze_today(monkeypatch)
    client = Client()
    case = interview(
        client, received_on=date(2026, 11, 10), response="denied", response_on=date(2026, 11, 20)
    )
    turn_on(client, case)
    run_three_times()
    assert not smtp_server.inbox.messages  # the deadline (December 10) is not near yet
    freeze_today(monkeypatch, date(2026, 12, 5))
    run_three_times()
    [message] = smtp_server.inbox.messages
    assert "a deadline is coming soon" in message.get_body().get_content()
    assert SentReminder.objects.get().about == date(2026, 12, 10)


def test_nothing_personal_in_a_reminder_and_its_link_opens_the_case(monkeypatch, smtp_server):
    freeze_today(monkeypatch)
    client = Client()
    case = interview(client, received_on=date(2026, 10, 20))
    turn_on(client, case)
    call_command("send_reminders")
    [message] = smtp_server.inbox.messages
    text = smtp_server.inbox.text(message)
    for word in PERSONAL:
        assert word not in text
    back = re.search(r"http://127\.0\.0\.1:8000(/back/\S+/)", text)[1]
    other = Client()
    other.post(back)
    assert other.get(reverse("case_results", args=[case.id])).status_code == 200


def test_the_stop_link_stops_every_reminder_in_one_click(monkeypatch, smtp_server):
    freeze_today(monkeypatch)
    client = Client()
    case = interview(client, received_on=date(2026, 10, 20))
    turn_on(client, case)
    call_command("send_reminders")
    stop = re.search(
        r"http://127\.0\.0\.1:8000(/reminders/stop/\S+/)",
        smtp_server.inbox.text(smtp_server.inbox.messages[0]),
    )[1]
    assert "Reminders stopped" in Client().get(stop).content.decode()
    assert not ReminderPreference.objects.get(case=case).enabled
    SentReminder.objects.all().delete()
    call_command("send_reminders")
    assert len(smtp_server.inbox.messages) == 1


def test_a_spanish_family_gets_spanish_reminders(monkeypatch, smtp_server):
    freeze_today(monkeypatch)
    client = Client()
    client.cookies["django_language"] = "es"
    case = interview(client, received_on=date(2026, 10, 20))
    turn_on(client, case)
    call_command("send_reminders")
    text = smtp_server.inbox.text(smtp_server.inbox.messages[0])
    assert "Novedades sobre su caso" in text
    assert "recordatorios" in text


def test_an_account_gets_reminders_by_default(monkeypatch, smtp_server):
    freeze_today(monkeypatch)
    user = get_user_model().objects.create_user("o@example.com", "o@example.com", "pw")
    client = Client()
    client.force_login(user)
    interview(client, received_on=date(2026, 10, 20))
    run_three_times()
    [message] = smtp_server.inbox.to("o@example.com")
    assert "/results/" in message.get_body().get_content()


def test_a_mail_server_that_is_down_sends_it_on_a_later_run(monkeypatch, settings, smtp_server):
    freeze_today(monkeypatch)
    client = Client()
    case = interview(client, received_on=date(2026, 10, 20))
    turn_on(client, case)
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()
    call_command("send_reminders")
    assert not SentReminder.objects.exists()
    settings.EMAIL_PORT = port
    run_three_times()
    assert len(smtp_server.inbox.messages) == 1
