"""Fixtures of the evidence tests: stored files in a folder of each test's own and a fixed
"today"; Ana and her browser (`family`) come from tests/conftest.py."""

from pathlib import Path

import pytest

from tests.case_helpers import freeze_today


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    """Stored files go to a folder of this test's own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)
