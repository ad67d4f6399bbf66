"""Fixtures of the evidence tests: stored files in a folder of each test's own, a fixed "today",
and a family persona with her browser."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from tests.case_helpers import freeze_today


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    """Stored files go to a folder of this test's own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def ana():
    return get_user_model().objects.create_user("ana@example.com", "ana@example.com", "x" * 16)


@pytest.fixture
def family(client, ana):
    client.force_login(ana)
    return client
