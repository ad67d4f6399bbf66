"""The case's timeline after the request (domain.md § 9): the stages the family recorded, what
comes next after each and by when, and a form to add one.

Access as on the results page (intake/access.py); the words come from eligibility/after_filing.
"""

from __future__ import annotations

from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header

from eligibility import after_filing
from evidence.services import evidence_for
from intake import after_filing_papers, clock, readme
from intake.access import case_for_request
from intake.models import Case
from intake.stage_forms import ReplyForm, StageForm
from intake.stages import CaseStage
from intake.views.downloads import PRIVATE, draft_filename


def case_timeline(request, case_id):
    case = case_for_request(request, case_id)
    stages = list(case.stages.all())
    recorded = [s.to_stage() for s in stages]
    form = StageForm(request.POST or None, earlier=recorded)
    if request.method == "POST" and form.is_valid():
        CaseStage.objects.create(case=case, **form.cleaned_data)
        case.refresh_screening(clock.today())  # the case's next date (dashboard)
        return redirect("case_timeline", case_id=case.id)
    today = clock.today()
    prefetch_related_objects([case], "grounds", "warden_requests__grounds")
    facts = case.to_facts(today)
    responses = [s for s in stages if s.kind == after_filing.RESPONSE]
    rows = [
        (stage, after_filing.next_after(plain, recorded, facts, today))
        for stage, plain in zip(stages, recorded, strict=True)
    ]
    return render(
        request,
        "intake/timeline.html",
        {
            "case": case,
            "rows": rows,
            "form": form,
            "denied": _denial(case) is not None,
            "answered": bool(responses),
            "replied": bool(responses and responses[-1].objections),
        },
    )


def case_stage_remove(request, case_id, stage_id):
    """Take back a stage written down by mistake (a wrong date blocks the stages after it).

    Who is asking is checked before the method, so an outsider gets a 404 either way.
    """
    case = case_for_request(request, case_id)
    stage = get_object_or_404(case.stages, pk=stage_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    stage.delete()
    case.refresh_screening(clock.today())
    return redirect("case_timeline", case_id=case.id)


def case_notice_of_appeal(request, case_id):
    """The notice of appeal from the last denial recorded (`?ifp=1`: with the motion to
    proceed without prepaying fees). 404 while no denial is recorded."""
    case = case_for_request(request, case_id)
    denial = _denial(case)
    if denial is None:
        raise Http404("No denial recorded.")
    today = clock.today()
    pdf = after_filing_papers.render_notice(
        case.to_facts(today), entered_on=denial.on, with_ifp=request.GET.get("ifp") == "1"
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = draft_filename("notice-of-appeal", case.person_name, today)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = PRIVATE
    return response


def _denial(case) -> CaseStage | None:
    return (
        case.stages.filter(kind=after_filing.DECIDED, outcome=after_filing.DENIED)
        .order_by("-on", "-id")
        .first()
    )


def case_reply(request, case_id):
    """The reply to the government's response: which objections it raised, each answered."""
    case = case_for_request(request, case_id)
    response_stage = _response(case)
    if response_stage is None:
        return redirect("case_timeline", case_id=case.id)
    form = ReplyForm(
        request.POST or None, initial=ReplyForm.initial_from(response_stage.objections)
    )
    if request.method == "POST" and form.is_valid():
        response_stage.objections = form.objections()
        response_stage.save(update_fields=["objections"])
        return redirect("case_reply", case_id=case.id)
    return render(
        request,
        "intake/reply.html",
        {
            "case": case,
            "form": form,
            "pairs": [(form[o.id], form[f"{o.id}_answer"]) for o in after_filing.OBJECTIONS],
            "ready": bool(response_stage.objections),
        },
    )


def case_reply_pdf(request, case_id):
    """The reply as the family answered it; 404 until an objection is answered."""
    case = case_for_request(request, case_id)
    response_stage = _response(case)
    if response_stage is None or not response_stage.objections:
        raise Http404("No reply yet.")
    today = clock.today()
    prefetch_related_objects([case], "grounds", "warden_requests__grounds")
    facts = case.to_facts(today)
    filed = case.stages.filter(kind=after_filing.FILED).order_by("-on").first()
    pdf = after_filing_papers.render_reply(
        facts,
        objections=response_stage.objections,
        filed_on=filed.on if filed else None,
        as_of=today,
        exhibits=evidence_for(case),
        preparer_role=case.preparer_role or None,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = draft_filename("reply", case.person_name, today)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = PRIVATE
    return response


def case_reply_read_me_first(request, case_id):
    """The family's sheet for the reply, in their language: the same as its PDF."""
    case, response_stage = _replied(request, case_id)
    today = clock.today()
    sheet = readme.build_reply(
        case.to_facts(today),
        reply_due_on=response_stage.reply_due_on,
        as_of=today,
        role=case.preparer_role or None,
    )
    return render(request, "intake/reply_read_me_first.html", {"case": case, "sheet": sheet})


def case_reply_read_me_first_pdf(request, case_id):
    """The family's sheet for the reply as PDF, in the language of the page that links it."""
    case, response_stage = _replied(request, case_id)
    today = clock.today()
    pdf = after_filing_papers.render_reply_sheet(
        case.to_facts(today),
        reply_due_on=response_stage.reply_due_on,
        as_of=today,
        role=case.preparer_role or None,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = draft_filename("reply-read-me-first", case.person_name, today)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = PRIVATE
    return response


def _replied(request, case_id) -> tuple[Case, CaseStage]:
    """The case and its government's response, once the reply has an answer; else 404."""
    case = case_for_request(request, case_id)
    response_stage = _response(case)
    if response_stage is None or not response_stage.objections:
        raise Http404("No reply yet.")
    return case, response_stage


def _response(case) -> CaseStage | None:
    return case.stages.filter(kind=after_filing.RESPONSE).order_by("-on", "-id").first()
