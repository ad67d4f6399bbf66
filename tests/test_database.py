"""The database the tests run on is configured as the settings promise (SQLite or PostgreSQL)."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_it_uses_the_configured_engine_with_its_safety_settings():
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_keys")
            assert cursor.fetchone()[0] == 1
        assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    else:
        assert connection.vendor == "postgresql"
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            assert cursor.fetchone()[0] == 1
