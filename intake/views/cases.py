"""Family pages around the interview: start, resume, results, the calendar file, delete.

Every view that takes a case id calls `case_for_request` first (intake/access.py).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import throttle
from eligibility.grounds import BY_ID
from eligibility.rules import summary
from eligibility.words import long_date
from intake import answers, calendar, casefiles, clock, forms
from intake.access import case_for_request, start_case
from intake.models import Role
from intake.next_steps import next_steps
from intake.views.downloads import papers
from intake.wizard import forget_unsent, resume_url, step_url, unsure_answers


@require_POST
def case_start(request):
    if throttle.case_start_locked(request):
        minutes = throttle.lockout_minutes()
        return render(request, "too_many_cases.html", {"minutes": minutes}, status=429)
    throttle.case_started(request)
    case = start_case(request)
    return redirect(step_url(case, "about_you"))


def case_resume(request, case_id):
    case = case_for_request(request, case_id)
    if case.is_finished:
        return redirect("case_results", case_id=case.id)
    return redirect(resume_url(case))


def case_screened_out(request, case_id):
    case = case_for_request(request, case_id)
    screening = case.screen(clock.today())
    if screening.verdict != "not_eligible":
        return redirect(resume_url(case))
    reasons = [f for f in screening.by_rule("federal_only") if f.status == "fail"]
    return render(
        request,
        "intake/screened_out.html",
        {"case": case, "summary": summary(screening), "reasons": reasons},
    )


def case_find_out(request, case_id):
    case = case_for_request(request, case_id)
    unsure = unsure_answers(case)
    if not unsure:
        return redirect(resume_url(case))
    form = forms.ScreeningForm()
    items = [(form.fields[name].label, forms.HOW_TO_FIND_OUT[name]) for name in unsure]
    return render(
        request,
        "intake/find_out.html",
        {"case": case, "items": items, "next_url": step_url(case, "person")},
    )


def case_results(request, case_id):
    case = case_for_request(request, case_id)
    # The page reads the case's facts twice (the screening, the papers): its rows once.
    prefetch_related_objects([case], "grounds", "warden_requests__grounds")
    today = clock.today()
    screening = case.refresh_screening(today)
    when = screening.earliest_filing_date
    sooner = screening.partial_filing_date if screening.partial_grounds else None
    return render(
        request,
        "intake/results.html",
        {
            "case": case,
            "screening": screening,
            "summary": summary(screening),
            "filing_date": long_date(when) if when else "",
            "calendar": when is not None and when > today,
            # Filing sooner on some reasons alone (case-format.md `partial_grounds`).
            "partial_grounds": [BY_ID[g].title for g in screening.partial_grounds]
            if sooner
            else [],
            "partial_date": long_date(sooner) if sooner else "",
            "partial_now": sooner is not None
            and sooner <= today
            and not screening.partial_date_is_estimate,
            **sort_findings(screening),
            "not_grounds": answers.not_grounds_chosen(case),
            "next_steps": next_steps(screening, own=case.preparer_role == Role.SELF),
            "review_url": step_url(case, "review"),
            "papers": papers(case, screening),
        },
    )


# Verdicts with a motion to file: no failing finding holds them back (another request counts,
# another reason qualifies), so such findings are worth knowing, not things to do.
CAN_FILE = ("ready_to_file", "waiting")


def sort_findings(screening) -> dict:
    """The results page's lists: "What to do", "Good to know", "What is already in order",
    and what must sit at the top by the headline (a pending appeal, domain.md § 1)."""
    lists: dict = {"at_top": [], "to_do": [], "warnings": [], "in_order": []}
    for finding in screening.findings:
        if finding.rule == "pending_appeal":
            lists["at_top"].append(finding)
        elif finding.status == "pass":
            lists["in_order"].append(finding)
        elif finding.status == "warn" or screening.verdict in CAN_FILE:
            lists["warnings"].append(finding)
        else:
            lists["to_do"].append(finding)
    return lists


def case_calendar(request, case_id):
    case = case_for_request(request, case_id)
    when = case.screen(clock.today()).earliest_filing_date
    if when is None:
        raise Http404("No filing date yet.")
    body = calendar.filing_date_event(
        uid=f"{case.id}@second-look",
        when=when,
        url=request.build_absolute_uri(reverse("case_results", args=[case.id])),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="filing-date.ics"'
    return response


def case_file(request, case_id):
    """The case as a case file (JSON v1, docs: case-format.md), to keep or to take elsewhere,
    with the interview's other answers and the list of uploaded documents."""
    case = case_for_request(request, case_id)
    response = HttpResponse(
        casefiles.export_text(case), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="case-{case.id}.json"'
    return response


def case_delete(request, case_id):
    """Delete a case for good: its owner's account, or the browser that started it before
    anyone had an account, may do it (a family must not need an account to erase its data)."""
    case = case_for_request(request, case_id)
    if request.method == "POST":
        forget_unsent(request.session, case)
        case.delete()
        messages.success(request, _("The case was deleted."))
        return redirect("my_cases" if request.user.is_authenticated else "home")
    return render(request, "intake/case_confirm_delete.html", {"case": case})


@login_required
def my_cases(request):
    cases = request.user.cases.all()
    return render(request, "intake/my_cases.html", {"cases": cases})
