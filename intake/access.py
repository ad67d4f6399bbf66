"""Who may see or change a case. Every view that takes a case id goes through here.

Two kinds of people may reach a case, each through their own pages:
- the family: the account that owns the case or, before anyone has an account, the browser
  session that started it, or a browser the family opened an emailed link in
  (`open_in_session`: a link to come back, notices/links.py), for the family pages
  (`case_for_request`);
- the advocates of an organisation the case is shared with, while it is shared
  (`share_for_request`, for the workspace pages), so that every look an advocate takes goes
  through pages that write the audit trail, and no family page ever shows an organisation's
  notes.
Anyone else gets a 404, never a 403, so a case id reveals nothing.
"""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.http import Http404

from config import logfilter
from intake.models import Case
from intake.steps import STEPS
from workspace.models import CaseShare, Membership


def case_for_request(request, case_id: UUID, cases: QuerySet[Case] | None = None) -> Case:
    """The family's case (`cases`, for one with more read in the same query), or a 404.

    The case says whether it is shared (`is_shared`), read in the same query: most cases are
    shared with no one, and their pages then never look for the organisations' shares.
    """
    active = CaseShare.objects.filter(case=OuterRef("pk"), active=True)
    try:
        # get(), not filter().first(): no ORDER BY to build, on every page of a case.
        case = (Case.objects if cases is None else cases).annotate(is_shared=Exists(active))
        case = case.get(pk=case_id)
    except Case.DoesNotExist:
        case = None
    if case is None or not may_access(request, case):
        raise Http404("No such case.")
    return case


def may_access(request, case: Case) -> bool:
    """Whether the request comes from the case's family."""
    if case.owner_id is not None:
        return request.user.is_authenticated and case.owner_id == request.user.pk
    key = request.session.session_key
    if bool(key) and case.session_key == key:
        return True
    return str(case.pk) in request.session.get(OPENED_CASES, [])


# The cases without an account this browser opened through an emailed link to come back.
OPENED_CASES = "opened_cases"


def open_in_session(request, case: Case) -> None:
    """Let this browser reach a case that has no account, as the one that started it does."""
    opened = request.session.get(OPENED_CASES, [])
    if str(case.pk) not in opened:
        request.session[OPENED_CASES] = [*opened, str(case.pk)]


def membership_for(request) -> Membership | None:
    """The organisation membership of the logged-in advocate, or None (kept for the request)."""
    if not request.user.is_authenticated:
        return None
    if not hasattr(request, "_membership"):
        request._membership = (
            Membership.objects.select_related("organisation").filter(user=request.user).first()
        )
    return request._membership


def share_for_request(request, case_id: UUID) -> CaseShare:
    """The case as the advocate's organisation holds it: shared with it, and still shared."""
    membership = membership_for(request)
    share = None
    if membership is not None:
        share = (
            CaseShare.objects.select_related("case", "organisation", "assigned_to")
            .filter(case_id=case_id, organisation_id=membership.organisation_id, active=True)
            .first()
        )
    if share is None:
        raise Http404("No such case.")
    case = share.case
    logfilter.protect(case.person_name, case.register_number, case.case_number)
    return share


def shares_for_request(request, case_ids: list[str]) -> list[CaseShare]:
    """Several cases at once, as `share_for_request` would give each; 404 if any is not."""
    try:
        wanted = {UUID(str(case_id)) for case_id in case_ids}
    except ValueError:
        raise Http404("No such case.") from None
    membership = membership_for(request)
    shares = []
    if membership is not None:
        shares = list(
            CaseShare.objects.select_related("case")
            .prefetch_related("case__grounds", "case__warden_requests__grounds")
            .filter(case_id__in=wanted, organisation_id=membership.organisation_id, active=True)
        )
    if not wanted or len(shares) != len(wanted):
        raise Http404("No such case.")
    return shares


# A case nobody has answered anything in yet: Start gives it again rather than a second one.
UNTOUCHED = Q(
    finished_at=None,
    current_step=STEPS[0],
    preparer_role="",
    person_name="",
    sentencing_court="",
)


def visitors_cases(request) -> QuerySet[Case]:
    """The family's cases: the account's, or those this browser started without one."""
    if request.user.is_authenticated:
        return Case.objects.filter(owner=request.user)
    key = request.session.session_key
    if not key:
        return Case.objects.none()
    return Case.objects.filter(owner=None, session_key=key)


def start_case(request) -> Case:
    """The case to begin with: the untouched one this visitor already has (a second visit, a
    double click on Start), or a new, empty case owned by the account or held by the session."""
    if request.user.is_authenticated:
        holder = get_user_model().objects.filter(pk=request.user.pk)
        touch = {"last_login": F("last_login")}
        new = {"owner": request.user}
    else:
        if request.session.session_key is None:
            request.session.save()
        holder = Session.objects.filter(session_key=request.session.session_key)
        touch = {"expire_date": F("expire_date")}
        new = {"session_key": request.session.session_key}
    with transaction.atomic():
        # Writing the row that holds the cases first makes a second click wait for the first
        # to finish, and then find the case it made.
        holder.update(**touch)
        for case in visitors_cases(request).filter(UNTOUCHED).order_by("created_at"):
            if not case.completed_steps:
                return case
        return Case.objects.create(**new)


def session_cases(session_key: str | None, opened: list[str] | None = None) -> QuerySet[Case]:
    """The cases without an account this browser holds: started in it (`session_key`), or
    opened in it through an emailed link (`opened`, the session's OPENED_CASES)."""
    held = Q(session_key=session_key) if session_key else Q(pk__in=[])
    return Case.objects.filter(held | Q(pk__in=opened or []), owner=None)


def claim_session_cases(session_key: str | None, user, opened: list[str] | None = None) -> int:
    """Give the cases this browser holds to the account that just signed up or logged in."""
    return session_cases(session_key, opened).update(owner=user, session_key="")
