"""Strict readers for settings taken from the environment.

A typo in a deployment's environment must stop the server at start-up, not quietly turn
DEBUG on or a feature off, so every reader refuses values it does not understand.
"""

import json
import os
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a boolean: use one of true/false, yes/no, on/off, 1/0."
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_json_object(name: str) -> dict:
    """A JSON object (for a backend's OPTIONS); empty when unset."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise ImproperlyConfigured(f"{name}={raw!r} is not a JSON object ({{...}}).")
    return value


def database_from_url(url: str) -> dict:
    """DATABASE_URL as DATABASES['default'], read by dj-database-url.

    postgres://user:password@host:port/name?sslmode=require keeps its query options (OPTIONS);
    sqlite:////absolute/path (or sqlite:///relative/path) gets the settings of sqlite_database.
    """
    # The URL itself is not repeated: it may hold the password.
    unsupported = ImproperlyConfigured(
        "DATABASE_URL is not supported: use postgres://... or sqlite:///..."
    )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except ValueError:
        raise unsupported from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        database = sqlite_database(config["NAME"])
        database["OPTIONS"].update(config.get("OPTIONS", {}))
        return database
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise unsupported
    if not config["NAME"]:
        raise ImproperlyConfigured("DATABASE_URL names no database.")
    return config


def cache_from_url(url: str) -> dict:
    """db://TABLE (a table in the database) or redis://host:port/db as CACHES['default'].

    The cache holds the log-in and sign-up counters (accounts/throttle.py), so it must be one
    that every worker process and every server shares: never a per-process memory cache.
    """
    parts = urlsplit(url)
    if parts.scheme == "db":
        table = parts.netloc or parts.path.lstrip("/")
        if not table.isidentifier():
            raise ImproperlyConfigured(f"CACHE_URL={url!r} names no table: use db://django_cache.")
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": table,
            # Django culls a third of the table beyond MAX_ENTRIES (300 by default); a flood of
            # failed log-ins must not be able to cull the lockouts away.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    if parts.scheme in {"redis", "rediss"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    raise ImproperlyConfigured(
        f"CACHE_URL scheme {parts.scheme!r} is not supported: use db://TABLE or redis://."
    )


def sqlite_database(path: str) -> dict:
    # WAL lets readers go on while one writer writes; IMMEDIATE makes a writer take the lock
    # when its transaction starts, so concurrent writers wait (busy_timeout) instead of failing
    # with "database is locked" half-way through.
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
            ),
        },
    }
