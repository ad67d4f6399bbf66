"""Production settings pass Django's deployment checks, and every response carries the headers."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-0123456789",
    "ALLOWED_HOSTS": "cr.example.org",
}


def manage(*args, env_overrides):
    """manage.py with the project's own settings (not the tests') and only the given variables."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env_overrides={"DEBUG": "false", "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def setting(name, env_overrides):
    code = f"import json; from django.conf import settings; print(json.dumps(settings.{name}))"
    result = manage("shell", "--verbosity", "0", "-c", code, env_overrides=env_overrides)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_debug_set_the_settings_are_production_ones():
    result = manage("check", env_overrides={})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_development_mode_needs_no_secret_key():
    assert setting("DEBUG", {"DEBUG": "true"}) is True


def test_production_hashes_passwords_the_slow_way():
    assert setting("PASSWORD_HASHERS", PRODUCTION)[0].endswith("PBKDF2PasswordHasher")


def test_a_postgres_url_keeps_its_options():
    url = "postgres://ana:p%40ss@db.example.org:6432/cr?sslmode=require"
    database = setting("DATABASES['default']", {**PRODUCTION, "DATABASE_URL": url})
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["USER"], database["PASSWORD"]) == ("cr", "ana", "p@ss")
    assert (database["HOST"], str(database["PORT"])) == ("db.example.org", "6432")
    assert database["OPTIONS"] == {"sslmode": "require"}


@pytest.mark.parametrize("url", [None, "sqlite:////tmp/cr.sqlite3"])
def test_sqlite_writes_ahead_and_takes_the_write_lock_first(url):
    env = {**PRODUCTION, "DATABASE_URL": url} if url else PRODUCTION
    options = setting("DATABASES['default']['OPTIONS']", env)
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "PRAGMA journal_mode=WAL" in options["init_command"]


def test_an_unknown_database_url_stops_the_server_without_showing_it():
    result = manage(
        "check", env_overrides={**PRODUCTION, "DATABASE_URL": "mysql://ana:secret@db/cr"}
    )
    assert result.returncode != 0
    assert "DATABASE_URL is not supported" in result.stderr
    assert "secret" not in result.stderr


@pytest.mark.parametrize("value", ["maybe", "ture", "2"])
def test_a_bad_boolean_stops_the_server(value):
    result = manage("check", env_overrides={"DEBUG": value})
    assert result.returncode != 0
    assert "is not a boolean" in result.stderr


def test_pages_carry_the_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_offline_commands_need_no_secret_key(tmp_path):
    case = tmp_path / "case.json"
    case.write_text('{"format": "compassionate-release-case/1"}')
    result = manage("screen", str(case), env_overrides={})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["verdict"] == "needs_information"


def test_the_web_server_refuses_to_start_without_a_secret_key():
    code = "import config.wsgi"
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_the_language_cookie_is_secure_in_production_and_same_site_always(client):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    cookie = response.cookies["django_language"]
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"]

    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.LANGUAGE_COOKIE_SECURE)",
        env_overrides=PRODUCTION,
    )
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr
