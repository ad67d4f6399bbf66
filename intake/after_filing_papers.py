"""The papers after the motion is mailed (domain.md § 9): the reply to the government's
response, in the person's voice; the notice of appeal after a denial, with the
Rule 4(c)(1) declaration of the day it is handed to staff, and, when asked, a motion to proceed
on appeal without prepaying fees (Fed. R. App. P. 24).

The court of appeals is the district's circuit (eligibility.courts); the order's entry date is
the one the family recorded on the timeline. The deadline is said on the timeline page, never
inside the court paper; how to sign and mail the reply is on its own sheet for the family
(`render_reply_sheet`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from django.utils import translation

from eligibility import after_filing, courts, rules
from eligibility.facts import CaseFacts
from eligibility.words import court_date
from intake import readme
from intake.drafts import context, lettering, offering, rendering

NOTICE_OF_APPEAL = "notice-of-appeal"


def notice_context(facts: CaseFacts, *, entered_on: date | None, with_ifp: bool) -> dict:
    district = courts.district(facts.sentence.district)
    return {
        **context.caption(facts),
        "court_of_appeals": district.court_of_appeals if district else None,
        "entered_on": court_date(entered_on) if entered_on else None,
        "with_ifp": with_ifp,
    }


@rendering.in_english
def notice_html(facts: CaseFacts, *, entered_on: date | None, with_ifp: bool = False) -> str:
    shown = notice_context(facts, entered_on=entered_on, with_ifp=with_ifp)
    return render_to_string(offering.TEMPLATES[NOTICE_OF_APPEAL], shown)


def render_notice(facts: CaseFacts, *, entered_on: date | None, with_ifp: bool = False) -> bytes:
    """The notice of appeal as PDF bytes (DraftError as for every draft)."""
    html = notice_html(facts, entered_on=entered_on, with_ifp=with_ifp)
    pages = rendering.layout(html, what="the notice of appeal")
    try:
        return pages.write_pdf(pdf_tags=True)
    except Exception as exc:
        raise rendering.DraftError(
            f"the notice of appeal could not be written as PDF: {exc}"
        ) from exc


REPLY = "reply"


@dataclass(frozen=True)
class Answer:
    """One objection the reply answers: its heading, the person's words, and the computed
    facts and exhibits the drafts already hold for it."""

    id: str
    heading: str
    words: str
    # The exhibits the answer cites, one sentence each (templates/drafts/_see.html).
    cites: tuple[lettering.Citation, ...] = ()


def reply_context(
    facts: CaseFacts,
    *,
    objections: dict[str, str],
    filed_on: date | None,
    as_of: date,
    exhibits: Sequence[lettering.Evidence] = (),
    preparer_role: str | None = None,
) -> dict:
    """The reply in the person's voice (domain.md § 6, "Papers that are safe to sign"): each
    answer is the person's own words as the family wrote them; the exhaustion facts are the
    screening's, and the exhibits are the motion's letters."""
    screening = rules.screen(facts, as_of)
    # The exhibits are lettered as in the motion that was filed: the full motion when the
    # screening allows it, else the motion on some reasons.
    motion = "motion" if "motion" in screening.motion_documents else "motion-now"
    lettered = lettering.lettering_for(facts, screening, exhibits, motion, preparer_role)
    cites = {
        "managed_in_custody": _grounds_cite(lettered.grounds, "medical"),
        "danger": _cites(lettered.background_cite),
        "release_plan": _cites(lettered.release_plan_cite),
        "other_caregiver": _grounds_cite(lettered.grounds, "family"),
    }
    answers = [
        Answer(o.id, o.heading, objections[o.id], cites.get(o.id, ()))
        for o in after_filing.OBJECTIONS
        if objections.get(o.id)
    ]
    earliest = screening.earliest_filing_date
    return {
        **context.caption(facts),
        "answers": answers,
        "exhaustion": "exhaustion" in objections,
        "requests": lettered.requests,
        # The filing date and the 30-day date, only when the screening proves the one is on or
        # after the other (domain.md § 2 rules 1 and 7).
        "filed_on": court_date(filed_on) if filed_on else None,
        "lapsed_on": (
            court_date(earliest)
            if earliest
            and filed_on
            and earliest <= filed_on
            and not screening.date_is_estimate
            and screening.verdict == "ready_to_file"
            else None
        ),
    }


def _grounds_cite(
    grounds: list[lettering.GroundItem], family: str
) -> tuple[lettering.Citation, ...]:
    return tuple(g.cite for g in grounds if g.info.family.startswith(family) and g.cite)


def _cites(cite: lettering.Citation | None) -> tuple[lettering.Citation, ...]:
    return (cite,) if cite else ()


@rendering.in_english
def reply_html(facts: CaseFacts, **kwargs) -> str:
    return render_to_string(offering.TEMPLATES[REPLY], reply_context(facts, **kwargs))


def render_reply(facts: CaseFacts, **kwargs) -> bytes:
    """The reply as PDF bytes (DraftError as for every draft)."""
    pages = rendering.layout(reply_html(facts, **kwargs), what="the reply")
    try:
        return pages.write_pdf(pdf_tags=True)
    except Exception as exc:
        raise rendering.DraftError(f"the reply could not be written as PDF: {exc}") from exc


REPLY_SHEET_TEMPLATE = "drafts/reply_read_me_first.html"


def reply_sheet_html(
    facts: CaseFacts, *, reply_due_on: date | None, as_of: date, role: str | None = None
) -> str:
    """The family's sheet for the reply, in the active language: it is for the family, not the
    court, so a family reading the site in Spanish prints it in Spanish (the addresses stay in
    English, as the envelope needs them)."""
    sheet = readme.build_reply(facts, reply_due_on=reply_due_on, as_of=as_of, role=role)
    shown = {
        "sheet": sheet,
        "labels": readme.reply_labels(sheet.person),
        "language": translation.get_language() or "en",
    }
    return render_to_string(REPLY_SHEET_TEMPLATE, shown)


def render_reply_sheet(facts: CaseFacts, **kwargs) -> bytes:
    """The family's sheet for the reply as PDF bytes (DraftError as for every draft), its page
    numbers in the sheet's language."""
    # The translated words as a CSS string, the page counters between them.
    footer = readme.reply_labels("")["page_footer"].replace("\\", "\\\\").replace('"', '\\"')
    numbers = footer % {"page": '" counter(page) "', "pages": '" counter(pages) "'}
    pages = rendering.layout(
        reply_sheet_html(facts, **kwargs),
        what="the reply's sheet",
        stylesheets=[f'@page {{ @bottom-center {{ content: "{numbers}" !important; }} }}'],
    )
    try:
        return pages.write_pdf(pdf_tags=True)
    except Exception as exc:
        raise rendering.DraftError(f"the reply's sheet could not be written as PDF: {exc}") from exc
