"""The family's "Read me first" page: the same sheet as read-me-first.pdf (intake/readme.py),
in the family's language. Access goes through intake/access.py like every case page."""

from __future__ import annotations

from django.db.models import prefetch_related_objects
from django.shortcuts import redirect, render

from evidence.services import evidence_for
from intake import clock, readme
from intake.access import case_for_request
from intake.drafts import offering


def case_read_me_first(request, case_id):
    case = case_for_request(request, case_id)
    prefetch_related_objects([case], "grounds", "warden_requests__grounds")
    today = clock.today()
    screening = case.refresh_screening(today)
    if screening.verdict == "not_eligible":
        return redirect("case_screened_out", case_id=case.id)
    facts = case.to_facts(today)
    papers = offering.documents(
        facts, screening, evidence_for(case), preparer_role=case.preparer_role or None
    )
    sheet = readme.build(facts, screening, papers=papers, role=case.preparer_role or None)
    return render(request, "intake/read_me_first.html", {"case": case, "sheet": sheet})
