"""The papers a case gets: their templates, the order a person uses them, and what is said
with every download.

Which papers is read from the screening (`eligibility.rules.screen`): nothing here decides.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext_noop

from eligibility import rules
from eligibility.facts import CaseFacts
from intake.drafts.lettering import Evidence, exhibit_list
from intake.drafts.voice import family_prepared

TEMPLATES = {
    "warden-request": "drafts/warden_request.html",
    "motion": "drafts/motion.html",
    "motion-now": "drafts/motion.html",
    "seal-motion": "drafts/seal_motion.html",
    "seal-motion-now": "drafts/seal_motion.html",
    "family-declaration": "drafts/family_declaration.html",
    "read-me-first": "drafts/read_me_first.html",
    "notice-of-appeal": "drafts/notice_of_appeal.html",  # intake/after_filing_papers.py
    "reply": "drafts/reply.html",  # intake/after_filing_papers.py
}


# The papers `documents` chooses among; the family's sheet (read-me-first) goes with them all.
DOCUMENTS = (
    "warden-request",
    "motion",
    "motion-now",
    "seal-motion",
    "seal-motion-now",
    "family-declaration",
)


# The two motions the screening may allow (case-format.md `draft`), and the motion for leave
# to file under seal that goes beside each.
MOTIONS = ("motion", "motion-now")


SEAL_FOR = {"motion": "seal-motion", "motion-now": "seal-motion-now"}


# Shown with every download (domain.md § 6). Kept here so the command and the download page
# say the same thing; the page shows them in the family's language (gettext at display).
FILING_REMINDERS = (
    gettext_noop("There is no filing fee for this motion."),
    gettext_noop(
        "Check the court's local rules and standing orders: many districts send pro se "
        "compassionate-release motions to the Federal Defender, and some have their own form."
    ),
    gettext_noop(
        "Court papers are public. Use a child's initials, never a full name, and no full Social "
        "Security or account numbers (Fed. R. Crim. P. 49.1)."
    ),
    gettext_noop(
        "Medical records belong in exhibits that the court is asked to seal; the motion for "
        "leave to file under seal asks for that."
    ),
    gettext_noop(
        "Only your loved one (or a lawyer) can sign and mail the motion. Family members cannot "
        "file it for them."
    ),
)


def documents(
    facts: CaseFacts,
    screening: rules.Screening,
    exhibits: Sequence[Evidence] | None = None,
    *,
    preparer_role: str | None = None,
) -> tuple[str, ...]:
    """The papers this case gets, in the order a person uses them; all read from the screening.

    The request to the warden when the screening allows one; each motion the screening allows
    ("motion", "motion-now"), each followed by its motion for leave to file under seal when it
    has exhibits to seal; and the family member's declaration when one is attached to a motion.
    """
    offered = ["warden-request"] if screening.warden_request_allowed else []
    for motion in screening.motion_documents:
        offered.append(motion)
        if any(e.sealed for e in exhibit_list(facts, screening, exhibits, motion, preparer_role)):
            offered.append(SEAL_FOR[motion])
    if screening.motion_documents and family_prepared(facts, preparer_role):
        offered.append("family-declaration")
    return tuple(offered)


def motion_of(document: str) -> str | None:
    """The motion a document belongs to: itself for a motion, its motion for a seal motion."""
    if document in MOTIONS:
        return document
    return next((m for m, seal in SEAL_FOR.items() if seal == document), None)
