"""The dashboard, a case's review page and what an advocate does there, and the drafts."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from eligibility.rules import summary
from eligibility.words import long_date
from evidence.services import evidence_for
from intake import clock, review, workspace
from intake.access import share_for_request
from intake.drafts import offering
from intake.models import AuditAction, CaseShare
from intake.views.advocate.base import case_action, workspace_member
from intake.views.downloads import case_draft_response
from intake.workspace_forms import (
    AssignForm,
    ChangeRequestForm,
    DashboardForm,
    NoteForm,
    StatusForm,
)

DOCUMENT_TITLES = {
    "warden-request": "The request to the warden",
    "motion": "The motion for the court",
    "motion-now": "The motion to file now, on the grounds already exhausted",
    "seal-motion": "The motion for leave to file exhibits under seal",
    "seal-motion-now": "The motion for leave to file exhibits under seal (motion to file now)",
    "family-declaration": "The family member's declaration",
}
# The latest events on the case page; the history page has them all.
RECENT = 15


@dataclass(frozen=True)
class Row:
    share: CaseShare
    label: workspace.FilingLabel
    deadline: workspace.FilingLabel | None


@login_required
def dashboard(request):
    membership = workspace_member(request)
    organisation = membership.organisation
    today = clock.today()
    workspace.refresh_stale_screenings(organisation, today)
    form = DashboardForm(request.GET or None, members=organisation.members.all())
    cases = workspace.CaseList(organisation, form.filters())
    page = cases.page(workspace.page_number(request.GET.get("page")))
    rows = [
        Row(
            s,
            workspace.filing_label(
                s.case.verdict,
                s.case.earliest_filing_date,
                today,
                estimate=s.case.filing_date_is_estimate,
            ),
            workspace.deadline_label(s.case, today),
        )
        for s in page
    ]
    return render(
        request,
        "advocate/dashboard.html",
        {
            "membership": membership,
            "organisation": organisation,
            "form": form,
            "page": page,
            "rows": rows,
            "filtered": any(v for k, v in request.GET.items() if k not in ("page", "sort")),
        },
    )


@login_required
@require_POST
def case_start(request):
    membership = workspace_member(request)
    share = workspace.start_case(membership=membership, today=clock.today())
    return redirect("advocate_case_step", case_id=share.case_id, step="about_you")


def case_detail(request, case_id):
    share = share_for_request(request, case_id)
    workspace.record(share, request.user, AuditAction.VIEWED)
    return _case_page(request, share)


def case_history(request, case_id):
    share = share_for_request(request, case_id)
    workspace.record(share, request.user, AuditAction.VIEWED, "The history")
    return render(
        request,
        "advocate/history.html",
        {
            "share": share,
            "case": share.case,
            "events": share.audit_events.all(),
            "answer_changes": share.answer_changes.all(),
        },
    )


def _case_page(request, share: CaseShare, status: int = 200, **forms):
    """The review page; a form sent with errors is shown again in its place."""
    case = share.case
    today = clock.today()
    screening = case.refresh_screening(today)
    when = screening.earliest_filing_date
    documents = offering.documents(
        case.to_facts(today),
        screening,
        evidence_for(case),
        preparer_role=case.preparer_role or None,
    )
    context = {
        "share": share,
        "case": case,
        "screening": screening,
        "summary": summary(screening),
        "label": workspace.filing_label(
            screening.verdict, when, today, estimate=screening.date_is_estimate
        ),
        "filing_date": long_date(when) if when else "",
        "to_do": [f for f in screening.findings if f.status in ("fail", "unknown")],
        "warnings": [f for f in screening.findings if f.status == "warn"],
        "in_order": [f for f in screening.findings if f.status == "pass"],
        "sections": review.sections(case),
        "documents": [(d, DOCUMENT_TITLES.get(d, d)) for d in documents],
        "change_requests": share.change_requests.all(),
        "notes": share.notes.all(),
        "events": share.audit_events.all()[:RECENT],
        "answer_changes": share.answer_changes.all()[:RECENT],
        "status_form": forms.get("status_form") or StatusForm(share=share),
        "assign_form": forms.get("assign_form")
        or AssignForm(
            organisation=share.organisation, initial={"assigned_to": share.assigned_to_id}
        ),
        "note_form": forms.get("note_form") or NoteForm(),
        "change_form": forms.get("change_form") or ChangeRequestForm(),
        "form_with_errors": next(iter(forms.values()), None),
    }
    return render(request, "advocate/case.html", context, status=status)


@case_action
def case_status(request, share):
    form = StatusForm(request.POST, share=share)
    if not form.is_valid():
        return _case_page(request, share, status_form=form)
    try:
        workspace.move_status(share=share, status=form.cleaned_data["status"], user=request.user)
    except ValueError:
        messages.error(request, "Someone else changed the status just now. Check it and try again.")
        return redirect(share)
    messages.success(request, f"The case is now “{share.get_status_display()}”.")
    return redirect(share)


@case_action
def case_assign(request, share):
    form = AssignForm(request.POST, organisation=share.organisation)
    if not form.is_valid():
        return _case_page(request, share, assign_form=form)
    member = form.cleaned_data["assigned_to"]
    workspace.assign(share=share, member=member, user=request.user)
    messages.success(
        request, f"The case is assigned to {member.name}." if member else "Nobody is assigned."
    )
    return redirect(share)


@case_action
def case_note(request, share):
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _case_page(request, share, note_form=form)
    workspace.add_note(share=share, user=request.user, text=form.cleaned_data["text"])
    messages.success(request, "Note saved.")
    return redirect(share.get_absolute_url() + "#notes")


@case_action
def case_request_changes(request, share):
    form = ChangeRequestForm(request.POST)
    if not form.is_valid():
        return _case_page(request, share, change_form=form)
    workspace.request_changes(share=share, user=request.user, message=form.cleaned_data["message"])
    messages.success(request, "The family will see your message on their case.")
    return redirect(share)


def case_draft(request, case_id, document):
    """A draft as a PDF, for the advocate to read or print; every download is in the history."""
    share = share_for_request(request, case_id)
    if document not in offering.DOCUMENTS:
        raise Http404("No such document.")
    response = case_draft_response(request, share.case, document)
    if response.status_code == 200:
        workspace.record(share, request.user, AuditAction.DOWNLOADED, DOCUMENT_TITLES[document])
    return response
