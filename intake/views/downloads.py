"""Draft downloads shared by the family and advocate pages: one place for the HTTP details.

A draft's bytes depend only on the case's facts, its uploaded exhibits, the document and the
day (`intake.drafts.caching.cache_key`), so that key is also the ETag: a browser that already
holds the PDF gets a 304 without a render, a repeat download of unchanged data comes from the
shared cache (`render_cached`), and any change to an answer or an upload gives a new key and a new
file. The caller checks access first; nothing here decides who may download.

For a page of its own, call `case_draft_response(request, case, document)` after the access
check (the family's `case_draft` below does it with intake/access.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext, gettext_lazy

from eligibility.facts import CaseFacts
from eligibility.rules import Screening, screen
from eligibility.words import long_date
from evidence.services import evidence_for
from intake import clock
from intake.access import case_for_request
from intake.drafts import caching, lettering, offering, rendering
from intake.filenames import last_name, not_modified, safe_filename
from intake.models import Case, Role

# The family's URL name for each document (intake/urls.py).
URL_NAMES = {
    "warden-request": "case_warden_request_pdf",
    "motion": "case_motion_pdf",
    "motion-now": "case_motion_now_pdf",
    "seal-motion": "case_seal_motion_pdf",
    "seal-motion-now": "case_seal_motion_now_pdf",
    "family-declaration": "case_family_declaration_pdf",
    "read-me-first": "case_read_me_first_pdf",
}

# Personal papers: never kept by any cache, not even the browser's (config/security.py).
PRIVATE = "no-store"


def case_draft(request, case_id, document: str):
    """The family's download of one draft (warden-request.pdf, motion.pdf, motion-now.pdf, …)."""
    case = case_for_request(request, case_id)
    return case_draft_response(request, case, document)


def case_draft_response(request, case: Case, document: str, *, as_of: date | None = None):
    """One draft of a case the caller may see: its facts, its uploads as exhibits, today."""
    as_of = as_of or clock.today()
    facts = case.to_facts(as_of)
    return draft_response(
        request,
        facts,
        document,
        as_of=as_of,
        screening=screen(facts, as_of),
        filename=draft_filename(document, case.person_name, as_of),
        exhibits=evidence_for(case),
        case_id=case.id,
        preparer_role=case.preparer_role or None,
    )


def draft_filename(document: str, person_name: str | None, as_of: date) -> str:
    """'motion-doe-2026-11-29.pdf': the document, the person's last name and the day, in ASCII."""
    return safe_filename(document, last_name(person_name), as_of.isoformat()) + ".pdf"


def draft_response(
    request,
    facts: CaseFacts,
    document: str,
    *,
    as_of: date,
    screening: Screening,
    filename: str,
    exhibits: Sequence[lettering.Evidence] | None = None,
    case_id: object | None = None,
    preparer_role: str | None = None,
) -> HttpResponse:
    """The PDF as an attachment with its ETag, or a 304 when If-None-Match already has it.

    404 for a document the screening does not allow for this case (a motion before it can be
    filed, the seal motion beside no sealed exhibits), as for any address that holds nothing.
    """
    offered = offering.documents(facts, screening, exhibits, preparer_role=preparer_role)
    # The family's sheet goes with whatever papers there are.
    if document not in offered and not (document == "read-me-first" and offered):
        raise Http404("No such document for this case.")
    etag = f'"{caching.cache_key(facts, document, as_of, exhibits, preparer_role)}"'
    if not_modified(request, etag):
        response = HttpResponseNotModified()
    else:
        try:
            pdf = caching.render_cached(
                facts,
                document,
                as_of=as_of,
                screening=screening,
                exhibits=exhibits,
                case_id=case_id,
                preparer_role=preparer_role,
            )
        except rendering.TooLong:
            return render(request, "draft_too_long.html", status=422)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(True, filename)
    response["ETag"] = etag
    response["Cache-Control"] = PRIVATE
    return response


# -- the "Your papers" section of the results page --------------------------------------------


@dataclass(frozen=True)
class Paper:
    title: str
    url: str
    who_signs: str
    about: str


def papers(case: Case, screening: Screening) -> dict:
    """The results page's "Your papers": the drafts to download, who signs what, the filing
    packet, the documents page and the reminders (domain.md §§ 5–6). Which papers exist is the
    screening's answer alone; with no motion, `no_motion` says why in its words."""
    facts = case.to_facts(screening.as_of)
    exhibits = evidence_for(case)
    offered = offering.documents(
        facts, screening, exhibits, preparer_role=case.preparer_role or None
    )
    return {
        "drafts": [_paper(case, document, screening.verdict) for document in offered],
        "motion": bool(screening.motion_documents),
        "no_motion": screening.no_motion_reason or "",
        "packet_url": reverse("case_filing_packet", args=[case.id]),
        "documents_url": reverse("case_documents", args=[case.id]),
        "uploads": len(exhibits),
        "sign_after": sign_after(screening),
        "reminders": [gettext(reminder) for reminder in offering.FILING_REMINDERS],
    }


def sign_after(screening: Screening) -> str:
    """The date before which the motion may not be signed or mailed, in words, when it is still
    ahead (domain.md § 2 rule 7); only the screening's dates, for the motions it allows."""
    ahead = [
        day
        for document in screening.motion_documents
        if (day := screening.filing_date_for(document)) and day > screening.as_of
    ]
    return long_date(min(ahead)) if ahead else ""


def _paper(case: Case, document: str, verdict: str) -> Paper:
    url = reverse(URL_NAMES[document], args=[case.id])
    who = WHO_SIGNS[document]
    if case.preparer_role == Role.SELF:
        who = WHO_SIGNS_SELF.get(document, who)
    about = PAPER_ABOUT[document]
    if verdict in ("ready_to_file", "waiting"):
        about = PAPER_ABOUT_SENT.get(document, about)
    return Paper(PAPER_TITLES[document], url, who, about)


PAPER_TITLES = {
    "warden-request": gettext_lazy("The request to the warden"),
    "motion": gettext_lazy("The motion for the court"),
    "motion-now": gettext_lazy("The motion to file now, on some reasons only"),
    "seal-motion": gettext_lazy("The motion to keep private records out of the public file"),
    "seal-motion-now": gettext_lazy(
        "The motion to keep private records out of the public file, for the motion to file now"
    ),
    "family-declaration": gettext_lazy("Your declaration (a sworn statement by you)"),
}

# What each paper says, for a family that cannot read the English papers themselves.
PAPER_ABOUT = {
    "warden-request": gettext_lazy(
        "It asks the warden to ask the court to shorten the sentence, and gives the reasons "
        "from your answers. The 30 days of waiting start when the warden receives it."
    ),
    "motion": gettext_lazy(
        "It asks the judge to shorten the sentence. It shows that the warden was asked first, "
        "gives the reasons and the facts from your answers, the release plan, and lists the "
        "documents that prove them."
    ),
    "motion-now": gettext_lazy(
        "It asks the judge to shorten the sentence now, using only the reasons the warden has "
        "already had 30 days to answer. Other reasons can be raised in a later motion."
    ),
    "seal-motion": gettext_lazy(
        "It asks the judge to keep medical records, family records and the home address out "
        "of the public court file."
    ),
    "seal-motion-now": gettext_lazy(
        "It asks the judge to keep medical records, family records and the home address out "
        "of the public court file."
    ),
    "family-declaration": gettext_lazy(
        "Your own sworn statement about the home you offer, who lives there, the support and "
        "the medical care. It goes with the motion as an exhibit, so the motion does not put "
        "your words in your loved one's mouth."
    ),
}

# A request that counts was already sent: a new one only adds reasons.
PAPER_ABOUT_SENT = {
    "warden-request": gettext_lazy(
        "A request that counts was already sent, so this one is not needed to file. Send a new "
        "one only to add reasons the warden has not seen. Its own 30 days start when the warden "
        "receives it."
    ),
}

WHO_SIGNS = {
    "warden-request": gettext_lazy(
        "The person it speaks for signs it. If your loved one sends it, they hand it to prison "
        "staff and keep a copy stamped with the date. If you send it for them, you sign it, and "
        "it is best if your loved one also sends the same request to staff."
    ),
    "motion": gettext_lazy(
        "Only your loved one signs it: the motion, the declaration and the certificate of "
        "service. Then they mail it to the court from the prison. You cannot sign or file it "
        "for them."
    ),
    "motion-now": gettext_lazy(
        "Only your loved one signs it: the motion, the declaration and the certificate of "
        "service. Then they mail it to the court from the prison. You cannot sign or file it "
        "for them."
    ),
    "seal-motion": gettext_lazy(
        "Your loved one signs it too, and mails it to the court with the motion."
    ),
    "seal-motion-now": gettext_lazy(
        "Your loved one signs it too, and mails it to the court with the motion."
    ),
    "family-declaration": gettext_lazy(
        "You sign it, the person who prepared these answers. Then send it to your loved one to "
        "mail with the motion."
    ),
}

# The same, for the person in prison filling it in for himself.
WHO_SIGNS_SELF = {
    "warden-request": gettext_lazy(
        "You sign it and hand it to prison staff, and keep a copy stamped with the date."
    ),
    "motion": gettext_lazy(
        "Only you sign it: the motion, the declaration and the certificate of service. Then you "
        "mail it to the court from the prison. Family cannot sign or file it for you."
    ),
    "seal-motion": gettext_lazy("You sign it too, and mail it to the court with the motion."),
}
WHO_SIGNS_SELF["motion-now"] = WHO_SIGNS_SELF["motion"]
WHO_SIGNS_SELF["seal-motion-now"] = WHO_SIGNS_SELF["seal-motion"]
