"""Who may see or change a case. Every view that takes a case id goes through here.

A case belongs to the account that owns it or, before anyone has an account, to the browser
session that started it. Anyone else gets a 404, never a 403, so a case id reveals nothing
(issue 5 will add the advocates of the organisations a case is shared with).
"""

from __future__ import annotations

from uuid import UUID

from django.http import Http404

from intake.models import Case


def case_for_request(request, case_id: UUID) -> Case:
    case = Case.objects.filter(pk=case_id).first()
    if case is None or not may_access(request, case):
        raise Http404("No such case.")
    return case


def may_access(request, case: Case) -> bool:
    if case.owner_id is not None:
        return request.user.is_authenticated and case.owner_id == request.user.pk
    key = request.session.session_key
    return bool(key) and case.session_key == key


def start_case(request) -> Case:
    """A new, empty case for this visitor: owned by the account, or held by the session."""
    if request.user.is_authenticated:
        return Case.objects.create(owner=request.user)
    if request.session.session_key is None:
        request.session.save()
    return Case.objects.create(session_key=request.session.session_key)


def claim_session_cases(session_key: str | None, user) -> int:
    """Give the cases started in this browser to the account that just signed up or logged in."""
    if not session_key:
        return 0
    return Case.objects.filter(owner=None, session_key=session_key).update(
        owner=user, session_key=""
    )
