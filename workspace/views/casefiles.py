"""Case files in and out of the workspace: import one, export one, export a selection (zip)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render

from intake import casefiles, clock
from intake.access import share_for_request, shares_for_request
from workspace import services
from workspace.forms import ImportForm
from workspace.models import AuditAction
from workspace.views.base import workspace_member


@login_required
def case_import(request):
    membership = workspace_member(request)
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["case_file"]
        share = services.import_case(
            form.facts,
            membership=membership,
            today=clock.today(),
            source=f"From the file {upload.name}",
            interview=form.interview,
        )
        messages.success(request, f"The case of {share.case} was imported.")
        return redirect(share)
    return render(request, "advocate/import.html", {"form": form})


def case_export(request, case_id):
    share = share_for_request(request, case_id)
    services.record(share, request.user, AuditAction.EXPORTED)
    response = HttpResponse(
        casefiles.export_text(share.case), content_type="application/json; charset=utf-8"
    )
    name = casefiles.file_name(share.case, clock.today())
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def export_selection(request):
    """The chosen cases as a zip of case files. Any case the advocate may not see: 404."""
    workspace_member(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    chosen = request.POST.getlist("case")
    if not chosen:
        messages.error(request, "Choose at least one case to download.")
        return redirect("advocate_dashboard")
    shares = shares_for_request(request, chosen)
    with transaction.atomic():
        for share in shares:
            services.record(share, request.user, AuditAction.EXPORTED, "In a zip of case files")
    today = clock.today()
    response = HttpResponse(
        casefiles.export_zip((s.case for s in shares), today), content_type="application/zip"
    )
    response["Content-Disposition"] = f'attachment; filename="case-files-{today.isoformat()}.zip"'
    return response
