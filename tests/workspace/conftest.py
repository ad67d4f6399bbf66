"""Fixtures of the workspace tests: a fixed "today", an organisation, and its advocate Mo
with her browser logged in."""

import pytest

from tests import workspace_helpers as make
from tests.case_helpers import freeze_today


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def org():
    return make.organisation("Federal Defenders of New York")


@pytest.fixture
def mo(org):
    return make.advocate(org, "mo@example.org", "Mo Advocate")


@pytest.fixture
def client_mo(client, mo):
    client.force_login(mo.user)
    return client
