"""The family's side of the workspace: share a case with an organisation, stop sharing, and
say that the changes an advocate asked for are made.

Every view reaches the case through `case_for_request` (the family's access), and checks it
before the method, so anyone else gets the same 404 whatever they send.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from intake.access import case_for_request
from workspace import services
from workspace.forms import ShareForm
from workspace.models import CaseShare, ChangeRequest


def case_share(request, case_id):
    case = case_for_request(request, case_id)
    form = ShareForm(request.POST if request.method == "POST" else None, case=case)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        services.share_case(case=case, organisation=organisation, user=request.user)
        messages.success(
            request,
            _(
                "Your case is shared with %(organisation)s. They can see your answers and the "
                "papers, and may ask you to change something."
            )
            % {"organisation": organisation.name},
        )
        return redirect("case_resume", case_id=case.id)
    return render(
        request,
        "intake/share.html",
        {
            "case": case,
            "form": form,
            "shares": services.shared_with(case),
            "organisations": list(form.fields["organisation"].queryset),
            "district": services.sentencing_district(case),
            "other_court": services.sentenced_by_another_court(case),
        },
    )


def case_unshare(request, case_id, organisation_id):
    case = case_for_request(request, case_id)
    share = get_object_or_404(
        CaseShare.objects.select_related("organisation"),
        case=case,
        organisation_id=organisation_id,
        active=True,
    )
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.stop_sharing(share=share, user=request.user)
    messages.success(
        request,
        _("%(organisation)s can no longer see your case.")
        % {"organisation": share.organisation.name},
    )
    return redirect("case_resume", case_id=case.id)


def case_changes_done(request, case_id, change_id):
    case = case_for_request(request, case_id)
    change = get_object_or_404(
        ChangeRequest.objects.select_related("share__organisation"),
        pk=change_id,
        share__case=case,
        share__active=True,
        resolved_at=None,
    )
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.mark_changes_done(change=change, user=request.user)
    messages.success(
        request,
        _("Thank you. We told %(organisation)s that you made the changes.")
        % {"organisation": change.share.organisation.name},
    )
    return redirect("case_resume", case_id=case.id)
