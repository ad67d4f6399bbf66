"""The link to come back: signed, single use, it opens the case in any browser."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from intake.models import Case
from tests.case_helpers import answer_first_steps, freeze_today, start_case, step_url
from tests.smtp_server import free_port

pytestmark = pytest.mark.django_db

# What the interview was told about the person in prison (tests/case_helpers.py).
PERSONAL = ["Jane", "Doe", "12345678", "pancreatic", "cancer", "1957", "1:10-cr-00123"]


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


def ask_for_link(client, case: Case, email="ana@example.com", **extra):
    data = {"come_back-email": email, "next": step_url(case, "sentence")}
    return client.post(reverse("come_back_request", args=[case.id]), data, **extra)


def link_in(message) -> str:
    return re.search(r"http://testserver(/back/\S+/)", message.get_body().get_content())[1]


@pytest.fixture
def case(client):
    case = start_case(client)
    answer_first_steps(client, case)
    return case


def test_every_interview_page_offers_the_link(client, case):
    page = client.get(step_url(case, "sentence")).content.decode()
    assert "Email me a link to come back" in page


def test_the_link_opens_the_case_in_a_fresh_browser(client, case, smtp_server):
    assert ask_for_link(client, case).status_code == 200
    [message] = smtp_server.inbox.to("ana@example.com")
    other = Client()
    assert other.get(step_url(case, "sentence")).status_code == 404
    link = link_in(message)
    assert other.get(link).status_code == 200  # opening the email's link uses nothing
    response = other.post(link)
    assert response.status_code == 302
    assert other.get(step_url(case, "sentence")).status_code == 200
    # The first browser keeps its case too.
    assert client.get(step_url(case, "sentence")).status_code == 200


def test_a_used_link_fails(client, case, smtp_server):
    ask_for_link(client, case)
    link = link_in(smtp_server.inbox.messages[0])
    assert Client().post(link).status_code == 302
    late = Client()
    assert late.post(link).status_code == 410
    assert late.get(step_url(case, "sentence")).status_code == 404


def test_a_forged_link_fails(client, case, smtp_server):
    ask_for_link(client, case)
    link = link_in(smtp_server.inbox.messages[0])
    assert Client().post(link[:-3] + "xx/").status_code == 410


def test_the_email_says_nothing_personal_and_has_a_stop_link(client, case, smtp_server):
    ask_for_link(client, case)
    [message] = smtp_server.inbox.messages
    text = smtp_server.inbox.text(message)
    for word in PERSONAL:
        assert word not in text
    assert "/reminders/stop/" in text
    assert message["List-Unsubscribe"]


def test_the_answer_is_the_same_when_throttled(client, case, smtp_server, settings):
    settings.EMAIL_LINK_LIMIT = 2
    pages = [ask_for_link(client, case).content.decode() for _ in range(4)]
    assert len(smtp_server.inbox.messages) == 2
    assert "Check your email" in pages[3]


def test_the_throttle_counts_per_address_whatever_the_ip(client, case, smtp_server, settings):
    settings.EMAIL_LINK_LIMIT = 2
    for n in range(3):
        ask_for_link(client, case, REMOTE_ADDR=f"10.0.0.{n}")
    assert len(smtp_server.inbox.messages) == 2


def test_a_bad_address_is_shown_next_to_the_field(client, case):
    response = ask_for_link(client, case, email="not an address")
    assert response.status_code == 200
    assert "Enter your email address" in response.content.decode()


def test_a_stopped_mail_server_says_so_instead_of_a_500(client, case, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    response = ask_for_link(client, case)
    assert response.status_code == 200
    assert "We could not send the email" in response.content.decode()


def test_someone_else_cannot_ask_for_a_link_to_the_case(case, smtp_server):
    assert ask_for_link(Client(), case).status_code == 404
    assert not smtp_server.inbox.messages


def test_the_link_to_a_case_now_in_an_account_asks_to_log_in(client, case, smtp_server):
    from django.contrib.auth import get_user_model

    ask_for_link(client, case)
    owner = get_user_model().objects.create_user("o@example.com", "o@example.com", "pw")
    Case.objects.filter(pk=case.pk).update(owner=owner, session_key="")
    other = Client()
    response = other.post(link_in(smtp_server.inbox.messages[0]))
    assert response["Location"].startswith(reverse("login"))
    assert other.get(step_url(case, "sentence")).status_code == 404


def test_spanish_family_gets_a_spanish_email(client, case, smtp_server):
    client.cookies["django_language"] = "es"
    ask_for_link(client, case)
    text = smtp_server.inbox.text(smtp_server.inbox.messages[0])
    assert "enlace" in text


def test_an_account_made_where_the_link_was_opened_keeps_the_case(client, case, smtp_server):
    ask_for_link(client, case)
    other = Client()
    other.post(link_in(smtp_server.inbox.messages[0]))
    password = "a long pass phrase"
    other.post(
        reverse("signup"),
        {"email": "new@example.com", "password1": password, "password2": password},
    )
    response = other.post(reverse("login"), {"username": "new@example.com", "password": password})
    assert response["Location"].startswith(reverse("claim_cases"))
    other.post(response["Location"], {"answer": "mine"})
    assert Case.objects.get(pk=case.pk).owner.email == "new@example.com"


def test_no_log_line_holds_an_emailed_link(client, case, smtp_server):
    import logging

    from config.logfilter import RedactPersonalData, safe_request_line

    ask_for_link(client, case)
    link = link_in(smtp_server.inbox.messages[0])
    token = link.split("/")[2]
    # Django's "Gone: <path>" for a used link, and the access log's request line.
    record = logging.LogRecord("django.request", logging.WARNING, "", 0, "Gone: %s", (link,), None)
    RedactPersonalData().filter(record)
    assert token not in record.getMessage()
    assert safe_request_line(f"GET {link} HTTP/1.1") == "GET /back/[redacted]/ HTTP/1.1"
