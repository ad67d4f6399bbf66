"""Accounts by email: the address is confirmed at sign-up, the password can be reset and changed,
and no page or email says whether an address has an account."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from accounts.models import AddressCheck
from tests.smtp_server import free_port

pytestmark = pytest.mark.django_db
PASSWORD = "a long pass phrase"
NEW_PASSWORD = "another long pass phrase"


def sign_up(client, email="new@example.com"):
    return client.post(
        reverse("signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )


def log_in(client, email="new@example.com", password=PASSWORD):
    return client.post(reverse("login"), {"username": email, "password": password})


def without_csrf(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def link(message, start: str) -> str:
    return re.search(rf"http://testserver({start}\S+/)", message.get_body().get_content())[1]


@pytest.fixture
def ana():
    user = get_user_model().objects.create_user("ana@example.com", "ana@example.com", PASSWORD)
    AddressCheck.objects.create(user=user, confirmed_at="2026-01-01T00:00Z")
    return user


def test_a_new_account_logs_in_on_its_own_device_only_until_confirmed(smtp_server):
    here = Client()
    sign_up(here)
    elsewhere = Client()
    refused = log_in(elsewhere)
    assert refused.status_code == 200
    assert "The email address or the password is wrong" in refused.content.decode()
    assert log_in(here).status_code == 302

    [message] = smtp_server.inbox.to("new@example.com")
    page = Client().get(link(message, "/accounts/confirm/"))
    assert "Your email address is confirmed" in page.content.decode()
    assert log_in(elsewhere).status_code == 302


def test_signing_up_with_a_taken_address_looks_the_same_and_tells_its_owner(ana, smtp_server):
    taken = sign_up(Client(), "ana@example.com")
    new = sign_up(Client(), "new@example.com")
    assert (taken.status_code, taken["Location"]) == (new.status_code, new["Location"])
    [message] = smtp_server.inbox.to("ana@example.com")
    assert "already have" in message.get_body().get_content()


def test_the_resend_page_answers_the_same_for_every_address(ana, smtp_server):
    sign_up(Client())
    pages = [
        without_csrf(Client().post(reverse("resend_confirmation"), {"email": email}))
        for email in ("new@example.com", "ana@example.com", "nobody@example.com")
    ]
    assert pages[0] == pages[1] == pages[2]
    assert len(smtp_server.inbox.to("new@example.com")) == 2
    assert not smtp_server.inbox.to("ana@example.com")


def test_a_reset_works_once_then_fails(ana, smtp_server):
    client = Client()
    response = client.post(reverse("password_reset"), {"email": "ana@example.com"})
    assert response["Location"] == reverse("password_reset_done")
    [message] = smtp_server.inbox.to("ana@example.com")
    url = link(message, "/accounts/password/reset/")
    form = client.get(url, follow=True)
    assert "Choose a new password" in form.content.decode()
    data = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    done = client.post(form.redirect_chain[-1][0], data)
    assert done["Location"] == reverse("password_reset_complete")
    assert log_in(Client(), "ana@example.com", NEW_PASSWORD).status_code == 302

    again = Client().get(url, follow=True)
    assert "This link does not work any more" in again.content.decode()


def test_a_reset_page_says_the_same_whether_or_not_there_is_an_account(ana, smtp_server):
    known = Client().post(reverse("password_reset"), {"email": "ana@example.com"}, follow=True)
    unknown = Client().post(reverse("password_reset"), {"email": "x@example.com"}, follow=True)
    assert without_csrf(known) == without_csrf(unknown)
    [message] = smtp_server.inbox.to("x@example.com")
    assert "no account" in message.get_body().get_content()


def test_a_reset_with_the_mail_server_down_says_so(ana, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    for email in ("ana@example.com", "x@example.com"):
        response = Client().post(reverse("password_reset"), {"email": email})
        assert response.status_code == 200
        assert "We could not send the email" in response.content.decode()


def test_sign_up_with_the_mail_server_down_says_so(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    client = Client()
    response = sign_up(client)
    assert response.status_code == 302
    assert "We could not send the email" in client.get(response["Location"]).content.decode()


def test_a_signed_in_family_changes_its_password(ana):
    client = Client()
    client.force_login(ana)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == reverse("password_change_done")
    assert log_in(Client(), "ana@example.com", NEW_PASSWORD).status_code == 302


def test_spanish_reset_email(ana, smtp_server):
    client = Client()
    client.cookies["django_language"] = "es"
    client.post(reverse("password_reset"), {"email": "ana@example.com"})
    [message] = smtp_server.inbox.to("ana@example.com")
    assert "contraseña" in smtp_server.inbox.text(message)


def test_the_browser_that_signed_up_logs_in_again_after_logging_out(smtp_server):
    here = Client()
    sign_up(here)
    assert log_in(here).status_code == 302
    here.post(reverse("logout"))
    assert log_in(here).status_code == 302
    assert log_in(Client()).status_code == 200  # still not another browser
