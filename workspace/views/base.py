"""What every workspace page starts with: the advocate's membership, or the case as shared."""

from __future__ import annotations

from functools import wraps

from django.http import Http404, HttpResponseNotAllowed

from intake.access import membership_for, share_for_request
from workspace.models import Membership


def workspace_member(request, *, admin: bool = False) -> Membership:
    """The advocate's membership; 404 for anyone else (and for a non-admin when `admin`)."""
    membership = membership_for(request)
    if membership is None or (admin and not membership.is_admin):
        raise Http404("No such page.")
    return membership


def case_action(view):
    """A POST that changes a case in the workspace.

    Access is checked before the method, so that someone who may not see the case gets the
    same 404 whatever they send.
    """

    @wraps(view)
    def wrapper(request, case_id, *args, **kwargs):
        share = share_for_request(request, case_id)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, share, *args, **kwargs)

    return wrapper
