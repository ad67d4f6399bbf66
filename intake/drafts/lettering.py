"""The motion's exhibits, lettered, and what each part of the motion cites.

The exhibits come from the documents a family uploaded (`Evidence`, built by the evidence
app) when there are any, and otherwise from the catalogue's suggested evidence, as checklists
to mark: `exhibit_list` letters them in the order of domain.md § 6 item 8, and the motion, the
motion to seal and the filing packet (evidence/packet.py) all read that one list.
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from eligibility import rules
from eligibility.facts import CaseFacts, Ground
from eligibility.grounds import BY_ID, GroundInfo
from eligibility.words import court_date
from intake.drafts.formatting import (
    Place,
    date_words,
    place_of,
    suggested_evidence,
    without_birth_dates,
)
from intake.drafts.voice import family_prepared, sponsor

# The kinds of uploaded document that hold health information: exhibits the person asks to
# file under seal (Fed. R. Crim. P. 49.1(d)). They match evidence.models.Attachment.Kind.
SEALED_KINDS = frozenset({"medical_record", "doctor_letter"})


# Where a document sent with a request goes inside that request's exhibit: the request and its
# proof of receipt first, then the answer, then the appeals (domain.md § 6 item 8).
REQUEST_ROLES = ("proof_of_receipt", "warden_response", "appeal")


@dataclass(frozen=True)
class Evidence:
    """A document the family uploaded, as the drafts see it (plain data, no database).

    `supports` says where it goes: "request" (with `request`, the request's index in
    `facts.warden_requests`, and its `role`), "ground" (with `ground`, a ground id),
    "release_plan" or "background". The list is passed in upload order. `sha256` is the file's
    content, so replacing a file changes the cache key of every PDF that lists it.
    """

    key: str
    description: str
    supports: str
    ground: str = ""
    request: int | None = None
    role: str = ""
    kind: str = "other"
    sha256: str = ""

    @property
    def sealed(self) -> bool:
        return self.kind in SEALED_KINDS


@dataclass(frozen=True)
class Exhibit:
    letter: str
    description: str
    sealed: bool = False
    # Suggested papers, printed as boxes to mark: the person attaches what they have.
    items: tuple[str, ...] = ()
    # The uploaded documents it holds, in order; none for a checklist to complete by hand.
    files: tuple[Evidence, ...] = ()
    # A paper the product drafts itself that this exhibit holds ("family-declaration").
    drafted: str = ""


# Grounds whose records are private to someone besides the court: a relative's medical file,
# child-welfare papers, injury records (domain.md § 6, privacy). Their exhibits are offered
# for sealing, except letters of support.
PRIVATE_GROUNDS = frozenset(
    {
        "family_child_caregiver",
        "family_spouse_partner",
        "family_parent",
        "family_other",
        "abuse_in_custody",
    }
)


# How the date a request was received is shown (eligibility.facts RECEIPT_PROOFS), as the
# exhaustion section says it ("… as <words> shows") and as its exhibit lists it. "none", or no
# answer, shows nothing.
RECEIPT_SHOWN_BY = {
    "warden_reply": "the Warden's written reply",
    "staff_stamp": "the date stamp staff put on my copy",
    "delivery_confirmation": "the delivery confirmation",
    "electronic_record": "the record of the electronic request-to-staff system",
}


@dataclass(frozen=True)
class RequestItem:
    """One request to the warden that the motion relies on, told as the screening computed it."""

    # The request's index in facts.warden_requests, which uploads name it by.
    index: int
    exhibit: str
    # "me", or the preparer ("Maria Example, my daughter,"), or "" when the case does not say.
    sender: str
    sent_on: str | None
    # How it reached the warden (eligibility.facts DELIVERY_METHODS), "" when the case does not
    # say; templates/drafts/_how_sent.html words it.
    method: str
    place: Place
    addressee: str
    received_on: str | None
    # True: the date is the family's estimate or memory, not shown by any document.
    receipt_estimated: bool
    received_unknown: bool
    shown_by: str | None
    response: str | None
    response_on: str | None
    appeals: tuple[tuple[str, str], ...]
    final_denial_on: str | None
    # Printed only when the 30 days had lapsed by the day the motion may be filed.
    lapsed_on: str | None


@dataclass(frozen=True)
class Citation:
    """The exhibits a section ends by citing; templates/drafts/_see.html words the sentence
    ("See Exhibits B and C, which I ask to file under seal.")."""

    names: str  # "Exhibits B and C"
    sealed_names: str  # those of them to file under seal, "" for none
    all_sealed: bool = False


@dataclass(frozen=True)
class GroundItem:
    info: GroundInfo
    facts: str
    cite: Citation
    letters: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lettering:
    """The motion's exhibits, lettered, and what each part of the motion cites."""

    requests: list[RequestItem]
    grounds: list[GroundItem]
    exhibits: list[Exhibit]
    release_plan_cite: Citation | None
    background_cite: Citation | None
    # The family member's declaration, when the case has one (its letter).
    declaration: Exhibit | None = None


def exhibit_list(
    facts: CaseFacts,
    screening: rules.Screening,
    exhibits: Sequence[Evidence] | None = None,
    document: str = "motion",
    preparer_role: str | None = None,
) -> list[Exhibit]:
    """A motion's exhibits in order, lettered A, B, … (the packet's covers follow it).

    An upload that supports nothing the motion raises (a ground left out, a request the motion
    does not rely on) is in no exhibit. A motion the screening does not allow has none.
    """
    if document not in screening.motion_documents:
        return []
    return lettering_for(facts, screening, exhibits or (), document, preparer_role).exhibits


def lettering_for(
    facts: CaseFacts,
    screening: rules.Screening,
    uploads: Sequence[Evidence],
    document: str,
    preparer_role: str | None,
) -> Lettering:
    """Exhibits in the order of domain.md § 6 item 8.

    First the requests to the warden the motion relies on, one exhibit each, holding the
    request with its proof of receipt, the warden's answer and the appeals. Then the evidence
    of each ground the screening gives this motion, in the order of the case, then the family
    member's declaration, the release plan, then the background and letters of support; within
    each part, in upload order, one exhibit per document. A ground with no uploads keeps the
    checklist of suggested evidence, so the motion always cites something for it.
    """
    letters = _letters()
    person = facts.person
    chosen = _motion_grounds(facts, screening, document)
    requests = _requests(facts, screening, document, chosen, letters, preparer_role)
    exhibits = [
        _request_exhibit(
            r, [e for e in uploads if e.supports == "request" and e.request == r.index]
        )
        for r in requests
    ]
    grounds = []
    for g in chosen:
        info = BY_ID[g.category]
        private = info.is_medical or g.category in PRIVATE_GROUNDS
        files = [e for e in uploads if e.supports == "ground" and e.ground == g.category]
        own = [
            Exhibit(
                next(letters),
                e.description,
                e.sealed or (g.category in PRIVATE_GROUNDS and e.kind != "support_letter"),
                files=(e,),
            )
            for e in files
        ] or [
            Exhibit(
                next(letters),
                f"Evidence of {info.heading}",
                private,
                suggested_evidence(info, person.name),
            )
        ]
        exhibits += own
        grounds.append(
            GroundItem(
                info,
                without_birth_dates(g.facts),
                _see(own),
                tuple(e.letter for e in own),
            )
        )
    declaration = None
    if family_prepared(facts, preparer_role):
        declaration = Exhibit(
            next(letters),
            f"Declaration of {facts.preparer.name}",
            # It gives the home's street address and the family's telephone.
            bool(facts.release_plan.residence or facts.preparer.contact),
            drafted="family-declaration",
        )
        exhibits.append(declaration)
    plan = _uploaded([e for e in uploads if e.supports == "release_plan"], letters)
    background = _uploaded([e for e in uploads if e.supports == "background"], letters)
    if not background and facts.background.support_letters and not declaration:
        background = [Exhibit(next(letters), "Letters of support")]
    exhibits += plan + background
    return Lettering(
        requests=requests,
        grounds=grounds,
        exhibits=exhibits,
        release_plan_cite=_see(([declaration] if declaration else []) + plan),
        background_cite=_see(background),
        declaration=declaration,
    )


def _motion_grounds(facts: CaseFacts, screening: rules.Screening, document: str) -> list[Ground]:
    """The grounds the motion raises: exactly those the screening gives this motion, in the
    case's order, with the facts the family gave for each."""
    by_id = {}
    for g in facts.grounds:
        by_id.setdefault(g.category, g)
    return [by_id.get(ground, Ground(ground)) for ground in screening.grounds_for(document)]


def _requests(
    facts: CaseFacts,
    screening: rules.Screening,
    document: str,
    grounds: list[Ground],
    letters: Iterator[str],
    preparer_role: str | None,
) -> list[RequestItem]:
    """The requests the screening counted that cover a ground of this motion, as computed."""
    ids = {g.category for g in grounds}
    families = {BY_ID[g].family for g in ids}
    filing_date = screening.filing_date_for(document)
    items = []
    for result in screening.requests:
        covered = set(result.grounds)
        if not (covered & ids or {BY_ID[g].family for g in covered if g in BY_ID} & families):
            continue
        r = facts.warden_requests[result.index]
        place = place_of(r.facility or facts.person.facility)
        appeals = tuple(
            (name, court_date(when))
            for name, when in (
                ("BP-9", r.appeal.bp9_on),
                ("BP-10", r.appeal.bp10_on),
                ("BP-11", r.appeal.bp11_on),
            )
            if when
        )
        proof = None if result.receipt_estimated else RECEIPT_SHOWN_BY.get(result.receipt_proof)
        lapsed = result.lapsed_on
        items.append(
            RequestItem(
                index=result.index,
                exhibit=next(letters),
                sender=_sender(facts, r.method, preparer_role),
                sent_on=date_words(r.sent_on),
                method=r.method or "",
                place=place,
                addressee="Residential Reentry Manager" if place.reentry_office else "Warden",
                received_on=date_words(result.received_on) if r.received_on else None,
                receipt_estimated=result.receipt_estimated,
                received_unknown=r.received_on is None,
                shown_by=proof,
                response=r.response,
                response_on=date_words(r.response_on),
                appeals=appeals,
                final_denial_on=date_words(result.final_denial_on),
                lapsed_on=(
                    court_date(lapsed)
                    if lapsed
                    and not result.receipt_estimated
                    and (filing_date is None or lapsed <= filing_date)
                    else None
                ),
            )
        )
    return items


def _sender(facts: CaseFacts, method: str | None, preparer_role: str | None) -> str:
    """Who sent a request, as far as the case shows: handed to staff or sent through the
    request-to-staff system, or filled in by the person himself, it is his; mailed, emailed or
    faxed in a case a family member prepared, it is theirs; otherwise the motion does not say."""
    if preparer_role == "self" or method in ("hand_delivered", "electronic"):
        return "me"
    if method in ("mail", "email", "fax") and family_prepared(facts, preparer_role):
        return f"{sponsor(facts)},"
    return ""


def _request_exhibit(request: RequestItem, uploads: list[Evidence]) -> Exhibit:
    """A request's exhibit, described by what it holds: the request, the proof of its receipt
    when something shows it, the answer, and only the appeal papers that exist.

    It holds the documents uploaded for that request, the request and its proof of receipt
    first, then the answer, then the appeals.
    """
    sent = f" sent {request.sent_on}" if request.sent_on else ""
    parts = [f"Request to the {request.addressee}{sent}"]
    if request.shown_by:
        parts[0] += f", with {request.shown_by.replace(' my copy', ' the copy')}"
    if request.response in ("denied", "approved") or request.response_on:
        dated = f" dated {request.response_on}" if request.response_on else ""
        parts.append(f"the {request.addressee}'s response{dated}")
    for name, when in request.appeals:
        parts.append(f"the {name} appeal filed {when}")
    if request.final_denial_on:
        parts.append(f"the final denial of the appeal, received {request.final_denial_on}")
    files = sorted(
        uploads, key=lambda e: REQUEST_ROLES.index(e.role) if e.role in REQUEST_ROLES else 3
    )
    return Exhibit(request.exhibit, "; ".join(parts), files=tuple(files))


def _uploaded(files: list[Evidence], letters: Iterator[str]) -> list[Exhibit]:
    """One exhibit per uploaded document, described in the family's words."""
    return [Exhibit(next(letters), e.description, e.sealed, files=(e,)) for e in files]


def _see(exhibits: list[Exhibit]) -> Citation | None:
    """The exhibits a section ends by citing, if any."""
    if not exhibits:
        return None
    sealed = [e.letter for e in exhibits if e.sealed]
    return Citation(
        exhibit_names([e.letter for e in exhibits]),
        exhibit_names(sealed),
        all_sealed=len(sealed) == len(exhibits),
    )


def exhibit_names(letters: list[str]) -> str:
    if not letters:
        return ""
    if len(letters) == 1:
        return f"Exhibit {letters[0]}"
    return f"Exhibits {', '.join(letters[:-1])} and {letters[-1]}"


def _letters() -> Iterator[str]:
    """Exhibit letters: A … Z, then AA, AB …"""
    for size in itertools.count(1):
        for combo in itertools.product(string.ascii_uppercase, repeat=size):
            yield "".join(combo)
