"""Log-in and sign-up throttling (accounts/throttle.py): repeated failures lock out for a while."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts import throttle
from config.env import cache_from_url
from intake.models import Case

pytestmark = pytest.mark.django_db
PASSWORD = "a long pass phrase"
LOCKED = "There have been too many tries to log in from here"


def log_in(client, username="ana@example.com", password=PASSWORD, ip="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def fail(client, times, **kwargs):
    for _ in range(times):
        assert log_in(client, password="wrong password", **kwargs).status_code == 200


def sign_up(client, email="new@example.com", ip="10.0.0.1"):
    return client.post(
        reverse("signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
        REMOTE_ADDR=ip,
    )


# -- log-in ------------------------------------------------------------------------------------


def test_it_locks_an_account_after_five_failed_log_ins(client, ana):
    fail(client, 5)

    response = log_in(client)

    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_says_how_long_to_wait_in_the_error_summary(client, ana):
    fail(client, 5)

    page = log_in(client).content.decode()

    assert "There is a problem" in page
    assert "wait 15 minutes, then try again" in page


def test_it_lets_four_failures_through(client, ana):
    fail(client, 4)

    assert log_in(client).status_code == 302


def test_it_locks_the_account_for_every_address_the_guesses_came_from(client, ana):
    for n in range(5):
        fail(client, 1, ip=f"10.0.1.{n}")

    assert all(log_in(client, ip=f"10.0.1.{n}").status_code == 429 for n in range(5))


def test_the_owner_gets_into_a_locked_account_from_another_address(client, ana):
    fail(client, 5, ip="10.0.1.1")

    assert log_in(client, ip="10.0.2.1").status_code == 302


def test_a_wrong_password_from_another_address_locks_that_address_too(client, ana):
    fail(client, 5, ip="10.0.1.1")

    fail(client, 1, ip="10.0.2.1")

    assert log_in(client, ip="10.0.2.1").status_code == 429


def test_it_locks_an_address_that_guesses_at_many_accounts(client, ana):
    for n in range(5):
        fail(client, 1, username=f"someone{n}@example.com")

    assert log_in(client).status_code == 429
    assert log_in(client, ip="10.0.0.2").status_code == 302


def test_it_clears_the_accounts_count_after_the_right_password(client, ana):
    fail(client, 4, ip="10.0.0.1")
    log_in(client, ip="10.0.0.2")
    client.post(reverse("logout"))

    fail(client, 4, ip="10.0.0.3")

    assert log_in(client, ip="10.0.0.3").status_code == 302


def test_it_does_not_count_a_form_sent_without_a_password(client, ana):
    for _ in range(6):
        client.post(reverse("login"), {"username": "ana@example.com"}, REMOTE_ADDR="10.0.0.1")

    assert log_in(client).status_code == 302


def test_it_does_not_check_the_password_while_locked(client, ana):
    fail(client, 5)

    page = log_in(client, password="wrong password").content.decode()

    assert "The email address or the password is wrong" not in page


def test_it_lets_the_account_in_again_after_the_lockout(client, ana, settings):
    settings.LOCKOUT_SECONDS = 2  # the database cache keeps whole seconds
    for _ in range(5):
        throttle.login_failed(client.get("/").wsgi_request, "ana@example.com")
    assert log_in(client, ip="127.0.0.1").status_code == 429

    time.sleep(2.1)

    assert log_in(client, ip="127.0.0.1").status_code == 302


def test_it_takes_the_limit_from_the_settings(client, ana, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    fail(client, 2)

    assert log_in(client).status_code == 429


def test_it_locks_the_admin_log_in_too(client):
    get_user_model().objects.create_user("boss@example.org", password=PASSWORD, is_staff=True)
    for _ in range(5):
        client.post(reverse("admin:login"), {"username": "boss@example.org", "password": "no"})

    response = client.post(
        reverse("admin:login"), {"username": "boss@example.org", "password": PASSWORD}
    )

    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_guesses_at_the_admin_count_against_the_family_log_in(client, ana):
    for _ in range(5):
        client.post(reverse("admin:login"), {"username": "ana@example.com", "password": "no"})

    assert log_in(client, ip="127.0.0.1").status_code == 429


# -- sign-up -----------------------------------------------------------------------------------


def test_it_locks_sign_up_from_an_address_after_ten_tries(client):
    for n in range(10):
        client.post(reverse("signup"), {"email": f"x{n}@example.com"}, REMOTE_ADDR="10.0.0.1")

    response = sign_up(client)

    assert response.status_code == 429
    assert "too many tries to create an account" in response.content.decode()
    assert not get_user_model().objects.filter(username="new@example.com").exists()


def test_it_lets_another_address_sign_up(client):
    for n in range(10):
        client.post(reverse("signup"), {"email": f"x{n}@example.com"}, REMOTE_ADDR="10.0.0.1")

    assert sign_up(client, ip="10.0.0.2").status_code == 302


def test_it_does_not_say_which_addresses_have_accounts_while_locked(client, ana):
    for n in range(10):
        client.post(reverse("signup"), {"email": f"x{n}@example.com"}, REMOTE_ADDR="10.0.0.1")

    page = sign_up(client, email="ana@example.com").content.decode()

    assert "There is already an account" not in page


# -- where the counts are kept -----------------------------------------------------------------


def test_it_keeps_no_email_address_in_the_cache(client, ana):
    fail(client, 5)

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM django_cache")
        keys = [row[0] for row in cursor.fetchall()]

    assert keys
    assert not [k for k in keys if "ana" in k or "10.0.0.1" in k]


def test_it_gives_each_failure_its_own_slot():
    throttle.record(throttle.LOGIN_USERNAME, "ana@example.com")
    throttle.record(throttle.LOGIN_USERNAME, "ana@example.com")

    slots = cache.get_many(throttle._slots(throttle.LOGIN_USERNAME, "ana@example.com"))

    assert len(slots) == 2


def test_it_reads_the_client_address_from_the_proxys_header(rf, settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7", REMOTE_ADDR="10.0.0.1")

    assert throttle.client_ip(request) == "198.51.100.7"


def test_it_uses_the_connections_address_without_a_proxy_header(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.9", REMOTE_ADDR="10.0.0.1")

    assert throttle.client_ip(request) == "10.0.0.1"


def test_the_default_cache_is_a_database_table_every_worker_shares(settings):
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("db://django_cache", "django.core.cache.backends.db.DatabaseCache"),
        ("redis://127.0.0.1:6379/0", "django.core.cache.backends.redis.RedisCache"),
    ],
)
def test_it_reads_the_cache_from_the_environment(url, backend):
    assert cache_from_url(url)["BACKEND"] == backend


@pytest.mark.parametrize("url", ["locmem://", "db://", "db://no-such;table", "memcached://x"])
def test_it_refuses_a_cache_that_workers_cannot_share_or_that_names_no_table(url):
    with pytest.raises(ImproperlyConfigured):
        cache_from_url(url)


# -- new cases ---------------------------------------------------------------------------------


def test_it_stops_one_address_starting_case_after_case(client, settings):
    settings.CASE_START_LIMIT = 3
    # Three browsers: one browser's second Start gives back its case still untouched.
    for _ in range(3):
        assert Client().post(reverse("case_start"), REMOTE_ADDR="10.0.0.1").status_code == 302

    response = Client().post(reverse("case_start"), REMOTE_ADDR="10.0.0.1")

    assert response.status_code == 429
    assert "wait 15 minutes, then start another" in response.content.decode()
    assert Case.objects.count() == 3
    assert Client().post(reverse("case_start"), REMOTE_ADDR="10.0.0.2").status_code == 302


def test_it_counts_an_accounts_new_cases_wherever_they_come_from(client, ana, settings):
    settings.CASE_START_LIMIT = 2
    client.force_login(ana)
    client.post(reverse("case_start"), REMOTE_ADDR="10.0.0.1")
    client.post(reverse("case_start"), REMOTE_ADDR="10.0.0.2")

    assert client.post(reverse("case_start"), REMOTE_ADDR="10.0.0.3").status_code == 429
