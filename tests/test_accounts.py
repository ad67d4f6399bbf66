"""Accounts for families: sign up, log in and out, My cases, the case file, deleting a case."""

import json
import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import AddressCheck
from eligibility import facts
from intake.models import Case
from tests.case_helpers import (
    PERSON,
    SCREENING,
    answer_first_steps,
    freeze_today,
    post_step,
    start_case,
    step_url,
)

pytestmark = pytest.mark.django_db
PASSWORD = "a long pass phrase"


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


def sign_up(client, email="new@example.com", **extra):
    return client.post(
        reverse("signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, **extra},
    )


def log_in(client, email="new@example.com", **extra):
    return client.post(reverse("login"), {"username": email, "password": PASSWORD, **extra})


def log_in_and_claim(client, email="new@example.com", **extra):
    """Log in, and say yes: the cases started in this browser are mine."""
    response = log_in(client, email, **extra)
    assert response["Location"].startswith(reverse("claim_cases"))
    return client.post(response["Location"], {"answer": "mine"})


def test_it_creates_an_account_and_keeps_the_case_started_in_this_browser(client):
    case = start_case(client)
    post_step(client, case, "about_you", {"role": "family"})
    resume = reverse("case_resume", args=[case.id])

    response = sign_up(client, next=resume)
    assert response["Location"] == f"{reverse('login')}?next={resume.replace('/', '%2F')}"
    assert log_in_and_claim(client, next=resume)["Location"] == resume

    case.refresh_from_db()
    assert case.owner.email == "new@example.com"
    assert case.session_key == ""


def test_it_sends_a_new_account_to_log_in(client):
    sign_up(client)

    assert client.get(reverse("my_cases")).status_code == 302
    log_in(client)
    assert client.get(reverse("my_cases")).status_code == 200


def test_it_answers_the_same_whether_or_not_the_address_has_an_account(ana):
    answers = []
    for email in ("ana@example.com", "new@example.com"):
        client = Client()
        response = sign_up(client, email=email, next="/")
        page = client.get(response["Location"]).content.decode()
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)
        answers.append((response.status_code, response["Location"], page))

    assert answers[0] == answers[1]
    assert "Now log in with your email address and password" in answers[0][2]
    ana.refresh_from_db()
    assert ana.check_password(PASSWORD)


def test_it_shows_signup_errors_in_a_summary(client):
    response = client.post(reverse("signup"), {"email": "nope"})

    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#id_email"' in page
    assert not get_user_model().objects.exists()


def test_it_refuses_an_outside_next_address(client):
    response = sign_up(client, next="https://evil.example.com/")

    assert response["Location"] == reverse("login")


def test_it_keeps_the_browsers_cases_when_logging_in(client, ana):
    case = start_case(client)

    log_in_and_claim(client, "ANA@example.com")

    case.refresh_from_db()
    assert case.owner == ana


def test_it_asks_before_adding_the_browsers_cases_to_the_account(client, ana):
    case = start_case(client)
    post_step(client, case, "person", PERSON)

    response = log_in(client, "ana@example.com")
    page = client.get(response["Location"]).content.decode()

    assert "Are these cases yours?" in page
    assert "Jane Q. Doe" in page
    case.refresh_from_db()
    assert case.owner is None


def test_a_case_someone_else_started_in_this_browser_stays_out_of_the_account(client, ana):
    case = start_case(client)
    response = log_in(client, "ana@example.com")

    client.post(response["Location"], {"answer": "not_mine"})

    case.refresh_from_db()
    assert case.owner is None
    assert client.get(reverse("case_resume", args=[case.id])).status_code == 404
    assert client.get(reverse("my_cases")).status_code == 200


def test_a_browser_without_cases_logs_in_without_the_question(client, ana):
    response = log_in(client, "ana@example.com")

    assert response["Location"] == reverse("my_cases")


def test_it_says_plainly_when_the_login_is_wrong(client, ana):
    response = client.post(reverse("login"), {"username": "ana@example.com", "password": "wrong"})

    assert "The email address or the password is wrong" in response.content.decode()


def test_it_logs_out_with_a_post(client, ana):
    client.force_login(ana)

    client.post(reverse("logout"))

    assert client.get(reverse("my_cases"))["Location"].startswith(reverse("login"))


def test_it_resumes_in_a_fresh_browser_after_logging_in(client):
    case = start_case(client)
    answer_first_steps(client, case)
    post_step(client, case, "requests", {"requests_sent": "no"}, save_later="1")
    sign_up(client, email="ana@example.com")
    log_in_and_claim(client, email="ana@example.com")
    client.post(reverse("logout"))
    # Another browser logs in once the address is confirmed (tests/test_account_email.py).
    AddressCheck.objects.update(confirmed_at=timezone.now())

    fresh = Client()
    fresh.post(reverse("login"), {"username": "ana@example.com", "password": PASSWORD})
    response = fresh.get(reverse("case_resume", args=[case.id]))

    assert response["Location"] == step_url(case, "requests")
    page = fresh.get(step_url(case, "person")).content.decode()
    assert 'value="Jane Q. Doe"' in page


def test_it_lists_only_the_accounts_own_cases(client, ana, ben):
    Case.objects.create(owner=ana, person_name="Jane Doe")
    Case.objects.create(owner=ben, person_name="Someone Else")
    client.force_login(ana)

    page = client.get(reverse("my_cases")).content.decode()

    assert "Jane Doe" in page
    assert "Someone Else" not in page


def test_it_asks_to_log_in_for_my_cases(client):
    assert client.get(reverse("my_cases"))["Location"].startswith(reverse("login"))


def test_it_shows_where_each_case_stopped_and_its_result(client, ana):
    Case.objects.create(
        owner=ana,
        person_name="Jane Doe",
        current_step="sentence",
        verdict="waiting",
        earliest_filing_date=date(2026, 12, 4),
    )
    client.force_login(ana)

    page = client.get(reverse("my_cases")).content.decode()

    assert "Step 4 of 9: The sentence" in page
    assert "Friday, December 4, 2026" in page


def test_it_starts_another_case_for_the_account(client, ana):
    client.force_login(ana)

    Case.objects.create(owner=ana, preparer_role="family", completed_steps=["about_you"])

    client.post(reverse("case_start"))

    assert ana.cases.count() == 2


def test_it_asks_before_deleting_a_case(client, ana):
    case = Case.objects.create(owner=ana, person_name="Jane Doe")
    client.force_login(ana)

    page = client.get(reverse("case_delete", args=[case.id])).content.decode()

    assert "cannot be undone" in page
    assert Case.objects.filter(pk=case.pk).exists()


def test_it_deletes_a_case_for_good_after_confirming(client, ana):
    case = Case.objects.create(owner=ana)
    client.force_login(ana)

    response = client.post(reverse("case_delete", args=[case.id]))

    assert response["Location"] == reverse("my_cases")
    assert not Case.objects.filter(pk=case.pk).exists()


def test_it_does_not_let_another_account_delete_a_case(client, ana, ben):
    case = Case.objects.create(owner=ana)
    client.force_login(ben)

    response = client.post(reverse("case_delete", args=[case.id]))

    assert response.status_code == 404
    assert Case.objects.filter(pk=case.pk).exists()


def test_it_downloads_the_case_file(client, ana):
    client.force_login(ana)
    case = start_case(client)
    post_step(client, case, "screening", SCREENING)
    post_step(client, case, "person", PERSON)

    response = client.get(reverse("case_file", args=[case.id]))

    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["format"] == "compassionate-release-case/1"
    assert facts.read_case(data).person.register_number == "12345-678"


def test_it_does_not_give_the_case_file_to_another_account(client, ana, ben):
    case = Case.objects.create(owner=ana)
    client.force_login(ben)

    assert client.get(reverse("case_file", args=[case.id])).status_code == 404
