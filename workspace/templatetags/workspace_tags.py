"""What the family pages show of the workspace: sharing, and the changes advocates ask for.

Inclusion tags, so that the family's pages show these without their views knowing about
organisations. They read; the actions are workspace/views/sharing.py.
"""

from __future__ import annotations

from django import template

from workspace import services

register = template.Library()


def _active_shares(case) -> list:
    """The organisations holding the case, read once for a page that shows both panels."""
    if not hasattr(case, "_active_shares"):
        case._active_shares = list(services.shared_with(case))
    return case._active_shares


@register.inclusion_tag("intake/_sharing.html", takes_context=True)
def sharing_panel(context, case):
    return {
        "case": case,
        "shares": _active_shares(case),
        "organisations": services.organisations_serving(case),
        "district": services.sentencing_district(case),
        "other_court": services.sentenced_by_another_court(case),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("intake/_change_requests.html", takes_context=True)
def change_requests_panel(context, case, in_review=False):
    """`in_review`: inside the "Check your answers" step, whose form holds the whole page, so
    the panel has no form (and no link) of its own there."""
    return {
        "case": case,
        "in_review": in_review,
        # Only an organisation holding the case asks for changes: a case shared with none (most
        # families') needs no look at them.
        "changes": list(services.open_change_requests(case)) if _active_shares(case) else [],
        "csrf_token": context.get("csrf_token"),
    }
