"""Fixtures of the workspace tests: a fixed "today", an organisation, its advocate Mo with her
browser logged in, its admin Bea, and Zed of another organisation (tests/personas.py)."""

import pytest

from tests import personas
from tests.case_helpers import freeze_today


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def org():
    return personas.organisation(personas.ORGANISATION)


@pytest.fixture
def mo(org):
    return personas.mo(org)


@pytest.fixture
def client_mo(client, mo):
    client.force_login(mo.user)
    return client


@pytest.fixture
def admin(org):
    return personas.bea(org)


@pytest.fixture
def client_admin(client, admin):
    client.force_login(admin.user)
    return client


@pytest.fixture
def zed():
    return personas.zed()
