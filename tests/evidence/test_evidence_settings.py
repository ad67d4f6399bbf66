"""The evidence settings read from the environment: strict, with the documented defaults."""

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from config.env import env_json_object


@pytest.fixture(autouse=True)
def media():
    """These tests read the configured MEDIA_ROOT itself, not a folder of the test's own."""


def test_the_defaults_are_20_mb_and_50_files_outside_static():
    assert settings.EVIDENCE_MAX_FILE_BYTES == 20 * 1024 * 1024
    assert settings.EVIDENCE_MAX_FILES_PER_CASE == 50
    assert not str(settings.MEDIA_ROOT).startswith(str(settings.BASE_DIR / "static"))


def test_storage_options_must_be_a_json_object(monkeypatch):
    monkeypatch.setenv("FILE_STORAGE_OPTIONS", '{"bucket_name": "cr-evidence"}')
    assert env_json_object("FILE_STORAGE_OPTIONS") == {"bucket_name": "cr-evidence"}
    for bad in ("bucket=cr", '["cr"]', "{"):
        monkeypatch.setenv("FILE_STORAGE_OPTIONS", bad)
        with pytest.raises(ImproperlyConfigured):
            env_json_object("FILE_STORAGE_OPTIONS")
    monkeypatch.delenv("FILE_STORAGE_OPTIONS")
    assert env_json_object("FILE_STORAGE_OPTIONS") == {}
