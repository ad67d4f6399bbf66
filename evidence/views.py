"""A case's documents: list and upload, download, remove, and the filing packet.

Every view takes the case through intake/access.py first, so a document's address is no use
to anyone who may not see its case: they get a 404, as for a case that does not exist.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponseNotModified, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from eligibility.rules import screen
from evidence import builds, packet, services
from evidence.forms import UploadForm, supports_choices
from evidence.models import Attachment, PacketBuild
from intake import clock
from intake.access import case_for_request
from intake.filenames import last_name, not_modified, safe_filename

GONE = gettext_lazy("A part of your answers that is no longer there")
# A document whose request to the warden was deleted: kept, and filed with no request.
DETACHED = gettext_lazy("No longer attached to a request")
# The packet and its progress carry personal data: never kept by the browser or a cache.
NO_STORE = "private, no-store"


def case_documents(request, case_id):
    case = case_for_request(request, case_id)
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, case=case)
        if form.is_valid():
            try:
                attachment = services.attachment_create(
                    case=case,
                    user=request.user,
                    file=form.cleaned_data["file"],
                    inspected=form.inspected,
                    description=form.cleaned_data["description"],
                    kind=form.cleaned_data["kind"],
                    **form.cleaned_data["supports"],
                )
            except ValidationError as exc:
                form.add_error("supports" if exc.code == "request_deleted" else "file", exc)
            else:
                added = _("Added: %(description)s") % {"description": attachment.description}
                messages.success(request, added)
                return redirect("case_documents", case_id=case.id)
    else:
        wanted = request.GET.get("for", "")
        values = [value for value, _ in _flat(supports_choices(case))]
        form = UploadForm(case=case, initial={"supports": wanted if wanted in values else ""})
    return render(
        request,
        "evidence/documents.html",
        {
            "case": case,
            "form": form,
            "rows": _rows(case),
            "results_url": reverse("case_results", args=[case.id]),
            "packet_url": reverse("case_filing_packet", args=[case.id]),
        },
    )


def document_download(request, case_id, attachment_id):
    case = case_for_request(request, case_id)
    attachment = get_object_or_404(Attachment, pk=attachment_id, case=case)
    name = safe_filename(last_name(case.person_name), attachment.description[:60])
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=f"{name or 'document'}{attachment.extension}",
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def document_delete(request, case_id, attachment_id):
    case = case_for_request(request, case_id)
    attachment = get_object_or_404(Attachment, pk=attachment_id, case=case)
    if request.method == "POST":
        services.attachment_delete(attachment=attachment)
        messages.success(
            request, _("Removed: %(description)s") % {"description": attachment.description}
        )
        return redirect("case_documents", case_id=case.id)
    return render(request, "evidence/confirm_delete.html", {"case": case, "attachment": attachment})


def filing_packet(request, case_id):
    """The motion, the index and every exhibit in one numbered PDF (evidence/packet.py).

    The packet is made by a background worker (evidence/builds.py), never in the request: the
    first visit queues it and shows its progress; once it is made, the same address sends it.
    `?progress` gives the progress as JSON for the page's script; a POST tries a failed build
    again. It holds the motion the screening allows (the motion to file now when there is one),
    and there is none without a motion."""
    case = case_for_request(request, case_id)
    as_of = clock.today()
    facts = case.to_facts(as_of)
    screening = screen(facts, as_of)
    document = services.packet_motion(screening)
    if document is None:
        raise Http404("No filing packet for this case.")
    role = case.preparer_role or None
    key = packet.packet_key(facts, as_of, services.evidence_for(case), document, role)
    etag = f'"{key}"'
    if request.method == "POST":
        build = PacketBuild.objects.filter(case=case, key=key).first()
        if build is not None:
            builds.retry_build(build)
        return redirect("case_filing_packet", case_id=case.id)
    if not_modified(request, etag):
        response = HttpResponseNotModified()
        response["ETag"] = etag
        response["Cache-Control"] = NO_STORE
        return response
    build = builds.request_build(case, key=key, as_of=as_of)
    if build.status == PacketBuild.Status.DONE and "progress" not in request.GET:
        try:
            file = build.file.open("rb")
        except OSError:
            # The stored file is gone (storage emptied by hand): make it again.
            build.delete()
            build = builds.request_build(case, key=key, as_of=as_of)
        else:
            name = "filing-packet-now" if document == "motion-now" else "filing-packet"
            filename = safe_filename(name, last_name(case.person_name), as_of.isoformat())
            response = FileResponse(
                file, as_attachment=True, filename=f"{filename}.pdf", content_type="application/pdf"
            )
            response["ETag"] = etag
            response["Cache-Control"] = NO_STORE
            return response
    state = _build_state(build)
    if "progress" in request.GET:
        response = JsonResponse(state)
    else:
        response = render(
            request,
            "evidence/packet_progress.html",
            {
                "case": case,
                "state": state,
                "packet_url": reverse("case_filing_packet", args=[case.id]),
            },
        )
    response["Cache-Control"] = NO_STORE
    return response


def _build_state(build: PacketBuild) -> dict:
    """What the progress page and its script show."""
    stalled = builds.is_stalled(build)
    failed = build.status == PacketBuild.Status.FAILED
    if failed:
        message = _(build.error or builds.BUILD_FAILED)
    elif stalled:
        message = _("This is taking longer than it should. You can try again.")
    elif build.status == PacketBuild.Status.DONE:
        message = _("Your packet is ready.")
    elif build.status == PacketBuild.Status.RUNNING:
        message = _("%(percent)s%% done.") % {"percent": build.percent}
    else:
        message = _("Waiting to start.")
    return {
        "status": build.status,
        "percent": build.percent,
        "ready": build.status == PacketBuild.Status.DONE,
        "can_retry": failed or stalled,
        "message": message,
    }


def _rows(case) -> list[dict]:
    """The case's documents in exhibit order, each with its letter, or why it has none."""
    letters = services.exhibit_letters(case, as_of=clock.today())
    attachments = list(case.attachments.all())
    labels = dict(_flat(supports_choices(case)))
    rows = [
        {
            "attachment": a,
            "letter": letters.get(str(a.id)),
            "for": DETACHED if a.detached else labels.get(_supports_value(a), GONE),
            "size": filesizeformat(a.size),
            "type": _("PDF file") if a.content_type == "application/pdf" else _("Picture"),
        }
        for a in attachments
    ]
    # Exhibit order (A … Z, AA …), then the documents the motion does not use.
    return sorted(rows, key=lambda r: (r["letter"] is None, len(r["letter"] or ""), r["letter"]))


def _supports_value(attachment: Attachment) -> str:
    if attachment.supports == Attachment.Supports.GROUND:
        return f"ground:{attachment.ground}"
    if attachment.supports == Attachment.Supports.REQUEST:
        return f"request:{attachment.request_id}:{attachment.request_role}"
    return attachment.supports


def _flat(choices) -> list[tuple[str, str]]:
    flat = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            flat += list(label)
        elif value:
            flat.append((value, label))
    return flat
