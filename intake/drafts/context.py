"""What the templates show: the context each paper is rendered with.

The dates, the verdict and the grounds that qualify come from `eligibility.rules.screen`; the
words of the papers live in their templates (templates/drafts/) and, for each ground's
heading, citation and legal standard, in the grounds catalogue (eligibility/grounds.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from eligibility import courts, rules
from eligibility.facts import CaseFacts
from eligibility.grounds import BY_ID
from eligibility.words import court_date
from intake import warden_letter
from intake.drafts.formatting import (
    city_and_state,
    court_lines,
    date_words,
    place_of,
    suggested_evidence,
    term_words,
    three_quarters,
    time_served,
    without_birth_dates,
)
from intake.drafts.lettering import (
    PRIVATE_GROUNDS,
    SEALED_KINDS,
    Evidence,
    Lettering,
    exhibit_names,
    lettering_for,
)
from intake.drafts.offering import motion_of
from intake.drafts.voice import family_prepared, self_prepared, sponsor


def build(
    facts: CaseFacts,
    screening: rules.Screening,
    as_of: date,
    uploads: Sequence[Evidence] | None,
    document: str,
    preparer_role: str | None,
) -> dict:
    """The context of one paper: what every paper shares, then that paper's own."""
    shared = {"today": court_date(as_of), "document": document, **caption(facts)}
    if document == "warden-request":
        return {**shared, **warden_request(facts, as_of, preparer_role)}
    if document == "read-me-first":
        return shared  # and the sheet (intake/readme.py), which rendering.py adds
    return {**shared, **motion(facts, screening, as_of, uploads, document, preparer_role)}


def caption(facts: CaseFacts) -> dict:
    """Who the paper is by and which court and case it is in: every paper shows them."""
    person, sentence = facts.person, facts.sentence
    district = courts.district(sentence.district)
    return {
        "person": person,
        "preparer": facts.preparer if facts.preparer.name else None,
        "place": place_of(person.facility),
        "sentence": sentence,
        "court_name": district.name if district else None,
        "court_lines": court_lines(district),
        "usao": f"United States Attorney's Office, {district.short_name}" if district else None,
        "imposed_on": date_words(sentence.imposed_on),
        "custody_began": date_words(sentence.custody_began),
        "term": term_words(sentence.life, sentence.term_months),
    }


def warden_request(facts: CaseFacts, as_of: date, preparer_role: str | None = None) -> dict:
    """The request to the warden (domain.md § 5), in the voice the interview's answer of who
    prepared it gives (`preparer_role`), or the case file's preparer name without one."""
    # The request lists every ground that can still be raised (domain.md § 3 rule 4), so the
    # motion can never raise one the warden did not see.
    request_grounds = [
        (BY_ID[g.category], without_birth_dates(g.facts))
        for g in facts.grounds
        if BY_ID[g.category].available
    ]
    return {
        **warden_letter.context(facts, as_of, preparer_role),
        "request_grounds": request_grounds,
        # One checklist of evidence for the letter's enclosures; grounds share items.
        "enclosures": list(
            dict.fromkeys(
                e
                for info, _ in request_grounds
                for e in suggested_evidence(info, facts.person.name)
            )
        ),
        "terminal_request": any(g.category == "medical_terminal" for g in facts.grounds),
        "release_plan": facts.release_plan,
        "background": facts.background,
    }


def motion(
    facts: CaseFacts,
    screening: rules.Screening,
    as_of: date,
    uploads: Sequence[Evidence] | None,
    document: str,
    preparer_role: str | None,
) -> dict:
    """A motion (domain.md § 6), and the papers that go with it: the motion for leave to file
    under seal and the family member's declaration read the same facts and exhibits."""
    person, sentence = facts.person, facts.sentence
    motion = motion_of(document) or next(iter(screening.motion_documents), None)
    lettering = (
        lettering_for(facts, screening, uploads or (), motion, preparer_role)
        if motion
        else Lettering([], [], [], None, None)
    )
    exhibits = lettering.exhibits
    filing_date = screening.filing_date_for(motion) if motion else None
    # What the screening computed: the exhaustion requirement is met for this motion's grounds
    # on its filing date, unless that date rests on an estimated receipt.
    exhausted_on = filing_date if filing_date and not screening.estimate_for(motion) else None
    family = family_prepared(facts, preparer_role)
    plan, prior = facts.release_plan, facts.prior_motion
    return {
        "birth_year": person.date_of_birth.year if person.date_of_birth else None,
        "projected_release": date_words(sentence.projected_release),
        "served": time_served(sentence.custody_began, sentence.term_months, sentence.life, as_of),
        "as_of": court_date(as_of),
        "age_part": three_quarters(sentence.term_months) if not sentence.life else None,
        # The earlier motion, when there was one: the dates, and whether it was dismissed for
        # want of exhaustion.
        "prior_filed_on": date_words(prior.filed_on),
        "prior_decided_on": date_words(prior.decided_on),
        "prior_unexhausted": prior.outcome == "dismissed_unexhausted",
        "appeal_pending": bool(sentence.appeal_pending),
        "grounds": lettering.grounds,
        "medical": any(g.info.is_medical for g in lettering.grounds),
        "medical_cite": exhibit_names(
            [letter for g in lettering.grounds if g.info.is_medical for letter in g.letters]
        ),
        "emergency": screening.emergency_for(motion) if motion else False,
        "requests": lettering.requests,
        "exhausted_on": date_words(exhausted_on),
        "bop_motion": facts.bop_motion,
        "release_plan": plan,
        "residence_city_state": city_and_state(plan.residence),
        "household": without_birth_dates(plan.household),
        # The family's own words (household, support, their letter) are theirs to swear to.
        "family": family,
        "own_statement": self_prepared(facts, preparer_role),
        "declaration": lettering.declaration,
        "sponsor": sponsor(facts) if family else None,
        "background": facts.background,
        "release_plan_cite": lettering.release_plan_cite,
        "background_cite": lettering.background_cite,
        "exhibits": exhibits,
        "sealed_exhibits": [e for e in exhibits if e.sealed],
        "sealed_kinds": _sealed_kinds(lettering),
    }


def _sealed_kinds(lettering: Lettering) -> list[str]:
    """What the sealed exhibits hold, for the motion for leave to say why they are private
    (templates/drafts/seal_motion.html words each): "health", "family_records" and
    "home_address", in that order."""
    kinds = []
    if any(g.info.is_medical for g in lettering.grounds) or any(
        f.kind in SEALED_KINDS for e in lettering.exhibits if e.sealed for f in e.files
    ):
        kinds.append("health")
    if any(g.info.id in PRIVATE_GROUNDS for g in lettering.grounds):
        kinds.append("family_records")
    if lettering.declaration and lettering.declaration.sealed:
        kinds.append("home_address")
    return kinds


def packet(facts: CaseFacts) -> dict:
    """The filing packet's own pages: the index of exhibits and the covers."""
    return {
        "person": facts.person,
        "case_number": facts.sentence.case_number,
    }
