"""Mail settings from the environment, and a mail server that is down never makes a 500."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from config.mail import send_safely
from tests.smtp_server import free_port
from workspace.models import Invitation, MemberRole, Membership, Organisation

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-0123456789",
    "ALLOWED_HOSTS": "cr.example.org",
}


def check(**env_overrides) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "DEBUG"))}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_mail_server():
    result = check(**PRODUCTION)
    assert result.returncode != 0
    assert "EMAIL_HOST is not set" in result.stderr


def test_production_starts_with_a_mail_server_or_with_email_disabled_on_purpose():
    assert check(**PRODUCTION, EMAIL_HOST="smtp.example.org").returncode == 0
    assert check(**PRODUCTION, EMAIL_DISABLED="true").returncode == 0


def test_development_prints_mail_to_the_console():
    code = "from django.conf import settings; print(settings.EMAIL_BACKEND)"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "DEBUG"))}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "DEBUG": "true", "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "django.core.mail.backends.console.EmailBackend"


def test_it_sends_through_a_real_smtp_server(smtp_server):
    assert send_safely(subject="Hello", body="A body.", to="ana@example.com")
    [message] = smtp_server.inbox.to("ana@example.com")
    assert message["Subject"] == "Hello"


def test_a_stopped_mail_server_is_reported_not_raised(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    assert send_safely(subject="Hello", body="A body.", to="ana@example.com") is False


@pytest.mark.django_db
def test_an_invitation_with_the_mail_server_down_is_a_clear_message(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    boss = get_user_model().objects.create_user("boss@example.org", "boss@example.org", "pw")
    organisation = Organisation.objects.create(name="Legal Aid")
    Membership.objects.create(
        user=boss, organisation=organisation, role=MemberRole.ADMIN, name="Bea Boss"
    )
    client = Client()
    client.force_login(boss)
    response = client.post(
        "/advocate/team/invite/",
        {"email": "new@example.org", "role": MemberRole.ADVOCATE},
        follow=True,
    )
    assert response.status_code == 200
    assert "We could not send the invitation" in response.content.decode()
    assert not Invitation.objects.exists()
