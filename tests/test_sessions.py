"""Sessions: a signed-in one ends after two idle hours, an anonymous family's lasts 30 days, and
the cookies are Secure, HttpOnly and SameSite in production (config/sessions.py, settings)."""

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tests.case_helpers import ABOUT_YOU, post_step, start_case, step_url

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "a long pass phrase"
HOURS_2 = 2 * 60 * 60
DAYS_30 = 30 * 24 * 60 * 60


def log_in(client):
    response = client.post(reverse("login"), {"username": "ana@example.com", "password": PASSWORD})
    assert response.status_code == 302
    return response


def session_row(client) -> Session:
    return Session.objects.get(session_key=client.cookies["sessionid"].value)


def seconds_left(client) -> float:
    return (session_row(client).expire_date - timezone.now()).total_seconds()


def idle_for(client, seconds: int) -> None:
    """As if the last request had been `seconds` ago."""
    row = session_row(client)
    row.expire_date -= timedelta(seconds=seconds)
    row.save()


# -- signed in ---------------------------------------------------------------------------------


def test_it_gives_a_signed_in_session_two_hours_from_the_log_in(client, ana):
    response = log_in(client)

    assert response.cookies["sessionid"]["max-age"] == HOURS_2
    assert HOURS_2 - 60 < seconds_left(client) <= HOURS_2


def test_it_pushes_the_end_back_with_every_request(client, ana):
    log_in(client)
    idle_for(client, 60 * 60)

    client.get(reverse("my_cases"))

    assert seconds_left(client) > HOURS_2 - 60


def test_it_logs_out_a_session_idle_for_two_hours(client, ana):
    log_in(client)
    idle_for(client, HOURS_2 + 1)

    response = client.get(reverse("my_cases"))

    assert response["Location"].startswith(reverse("login"))


def test_it_keeps_a_session_idle_for_less_than_two_hours(client, ana):
    log_in(client)
    idle_for(client, HOURS_2 - 60)

    assert client.get(reverse("my_cases")).status_code == 200


def test_it_takes_the_idle_time_from_the_settings(client, ana, settings):
    settings.SESSION_IDLE_TIMEOUT = 600

    response = log_in(client)

    assert response.cookies["sessionid"]["max-age"] == 600


def test_it_keeps_the_account_cases_after_an_idle_log_out(client, ana):
    log_in(client)
    case = start_case(client)
    idle_for(client, HOURS_2 + 1)
    client.get(reverse("home"))

    log_in(client)

    assert client.get(step_url(case, "about_you")).status_code == 200


def test_logging_out_deletes_the_session(client, ana):
    log_in(client)
    key = client.cookies["sessionid"].value

    client.post(reverse("logout"))

    assert not Session.objects.filter(session_key=key).exists()


# -- anonymous families ------------------------------------------------------------------------


def test_it_keeps_an_anonymous_familys_case_for_30_days(client):
    case = start_case(client)
    response = post_step(client, case, "about_you", ABOUT_YOU)

    assert response.cookies["sessionid"]["max-age"] == DAYS_30
    assert seconds_left(client) > DAYS_30 - 60


def test_an_anonymous_family_resumes_after_a_day_away(client):
    case = start_case(client)
    post_step(client, case, "about_you", ABOUT_YOU)
    idle_for(client, 24 * 60 * 60)

    response = client.get(reverse("case_resume", args=[case.id]))

    assert response["Location"] == step_url(case, "screening")


# -- cookies -----------------------------------------------------------------------------------


def test_the_session_cookie_is_http_only_and_same_site(client, ana):
    cookie = log_in(client).cookies["sessionid"]

    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


COOKIE_SETTINGS = (
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SAMESITE",
)


def production_settings(**overrides) -> dict:
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {COOKIE_SETTINGS!r}}}))"
    )
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "cr.example.org",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        **overrides,
    }
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout)


def test_production_cookies_are_secure_http_only_and_same_site():
    assert production_settings() == {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SAMESITE": "Lax",
    }


def test_secure_cookies_can_be_turned_off_for_a_trial_over_plain_http():
    found = production_settings(SECURE_COOKIES="false")

    assert found["SESSION_COOKIE_SECURE"] is False
    assert found["CSRF_COOKIE_SECURE"] is False
