"""The case's timeline after the request (domain.md § 9): the stages the family recorded, what
comes next after each and by when, and a form to add one.

Access as on the results page (intake/access.py); the words come from eligibility/after_filing.
"""

from __future__ import annotations

from django.db.models import prefetch_related_objects
from django.shortcuts import redirect, render

from eligibility import after_filing
from intake import clock
from intake.access import case_for_request
from intake.stage_forms import StageForm
from intake.stages import CaseStage


def case_timeline(request, case_id):
    case = case_for_request(request, case_id)
    stages = list(case.stages.all())
    recorded = [s.to_stage() for s in stages]
    form = StageForm(request.POST or None, earlier=recorded)
    if request.method == "POST" and form.is_valid():
        CaseStage.objects.create(case=case, **form.cleaned_data)
        return redirect("case_timeline", case_id=case.id)
    today = clock.today()
    prefetch_related_objects([case], "grounds", "warden_requests__grounds")
    facts = case.to_facts(today)
    rows = [
        (stage, after_filing.next_after(plain, recorded, facts, today))
        for stage, plain in zip(stages, recorded, strict=True)
    ]
    return render(request, "intake/timeline.html", {"case": case, "rows": rows, "form": form})
