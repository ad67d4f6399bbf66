"""Organisations, advocates and cases for the workspace tests, made straight in the database.

A case is built from a case-file dict (tests/casebuilder.py) by the same code that imports
case files, so every test case screens exactly as the rules say for its facts.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from eligibility.facts import read_case
from intake.casefiles import build_case
from intake.models import Case, CaseShare, MemberRole, Membership, Organisation
from tests import casebuilder
from tests.case_helpers import AS_OF

PASSWORD = "a long pass phrase"


def user(email: str, *, password: str | None = None):
    """An account; without a password (tests log in with force_login), which is much faster."""
    return get_user_model().objects.create_user(username=email, email=email, password=password)


def organisation(name: str, **fields) -> Organisation:
    return Organisation.objects.create(name=name, **fields)


def advocate(
    org: Organisation, email: str, name: str, *, admin: bool = False, password: str | None = None
) -> Membership:
    return Membership.objects.create(
        user=user(email, password=password),
        organisation=org,
        name=name,
        role=MemberRole.ADMIN if admin else MemberRole.ADVOCATE,
    )


def case(owner=None, *, today=AS_OF, **sections) -> Case:
    """A finished case holding `casebuilder.case(**sections)`, owned by `owner`."""
    return build_case(read_case(casebuilder.case(**sections)), today=today, owner=owner)


def share(case_: Case, org: Organisation, **fields) -> CaseShare:
    return CaseShare.objects.create(case=case_, organisation=org, **fields)


def ready_case(owner=None, **sections) -> Case:
    """Ready to file on AS_OF (the request was received on casebuilder.RECEIVED)."""
    return case(owner, **sections)


def waiting_case(owner=None, *, received_on="2026-11-20", **sections) -> Case:
    """Waiting: the request was received nine days before AS_OF, so filing is 22 days away."""
    sections.setdefault(
        "warden_requests", [casebuilder.request(received_on=received_on, sent_on=received_on)]
    )
    return case(owner, **sections)


def no_request_case(owner=None, **sections) -> Case:
    return case(owner, warden_requests=[], **sections)
