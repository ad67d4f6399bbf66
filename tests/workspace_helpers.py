"""Cases and shares for the workspace tests, made straight in the database.

A case is built from a case-file dict (tests/casebuilder.py) by the same code that imports
case files, so every test case screens exactly as the rules say for its facts.
"""

from __future__ import annotations

from eligibility.facts import read_case
from intake.casefiles import build_case
from intake.models import Case
from tests import casebuilder
from tests.case_helpers import AS_OF

# The people come from tests/personas.py; the workspace tests build them through this module.
from tests.personas import PASSWORD, advocate, organisation, user  # noqa: F401
from workspace.models import CaseShare, Organisation


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
