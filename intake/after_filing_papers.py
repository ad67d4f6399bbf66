"""The papers after a decision (domain.md § 9): the notice of appeal after a denial, with the
Rule 4(c)(1) declaration of the day it is handed to staff, and, when asked, a motion to proceed
on appeal without prepaying fees (Fed. R. App. P. 24).

The court of appeals is the district's circuit (eligibility.courts); the order's entry date is
the one the family recorded on the timeline. The deadline is said on the timeline page, never
inside the court paper.
"""

from __future__ import annotations

from datetime import date

from django.template.loader import render_to_string

from eligibility import courts
from eligibility.facts import CaseFacts
from eligibility.words import court_date
from intake import drafts

NOTICE_OF_APPEAL = "notice-of-appeal"


def notice_context(facts: CaseFacts, *, entered_on: date | None, with_ifp: bool) -> dict:
    district = courts.district(facts.sentence.district)
    return {
        "person": facts.person,
        "sentence": facts.sentence,
        "place": drafts._place(facts.person.facility),
        "court_lines": drafts._court_lines(district),
        "court_of_appeals": district.court_of_appeals if district else None,
        "entered_on": court_date(entered_on) if entered_on else None,
        "with_ifp": with_ifp,
    }


@drafts.in_english
def notice_html(facts: CaseFacts, *, entered_on: date | None, with_ifp: bool = False) -> str:
    context = notice_context(facts, entered_on=entered_on, with_ifp=with_ifp)
    return render_to_string(drafts.TEMPLATES[NOTICE_OF_APPEAL], context)


def render_notice(facts: CaseFacts, *, entered_on: date | None, with_ifp: bool = False) -> bytes:
    """The notice of appeal as PDF bytes (DraftError as for every draft)."""
    html = notice_html(facts, entered_on=entered_on, with_ifp=with_ifp)
    pages = drafts.layout(html, what="the notice of appeal")
    try:
        return pages.write_pdf(pdf_tags=True)
    except Exception as exc:
        raise drafts.DraftError(f"the notice of appeal could not be written as PDF: {exc}") from exc
