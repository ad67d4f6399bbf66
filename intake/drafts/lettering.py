"""The paper people take away: the request to the warden, the motion, the motion to seal.

HTML templates (templates/drafts/) and a print stylesheet (static/css/drafts.css) rendered to
PDF by WeasyPrint. The content follows docs/domain.md § 5 (request) and § 6 (motion). Nothing
here decides eligibility: the dates, the verdict and the grounds that qualify come from
`eligibility.rules.screen`, and the documents only show them.

The exhibits come from the documents a family uploaded (`Evidence`, built by the evidence
app) when there are any, and otherwise from the catalogue's suggested evidence, as checklists
to mark: `exhibit_list` letters them in the order of domain.md § 6 item 8, and the motion, the
motion to seal and the filing packet (evidence/packet.py) all read that one list.

Two safety rules hold for every render. People's words are always escaped by the templates, so
text like `<img src=…>` prints literally. And WeasyPrint fetches through
`StaticOnlyURLFetcher`, which serves files under the project's static/ directory and refuses
everything else, so a document can never make a network request or read another local file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import mimetypes
import re
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, wraps
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import weasyprint
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.cache import cache as django_cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_noop
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse, path2url

from eligibility import courts, rules
from eligibility.facts import CaseFacts, Ground
from eligibility.grounds import BY_ID, GroundInfo
from eligibility.words import court_date, months_as_words
from intake import readme, warden_letter

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

# A week: long enough that repeat downloads hit the cache, short enough that PDFs holding
# personal facts do not linger in a shared cache after the case has moved on.
CACHE_SECONDS = 7 * 24 * 60 * 60

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


def in_english(function):
    """Run a renderer in English whatever the page's language: federal courts and the BOP work
    in English, so a family reading the site in Spanish still gets English papers."""

    @wraps(function)
    def wrapper(*args, **kwargs):
        with translation.override("en"):
            return function(*args, **kwargs)

    return wrapper


# The kinds of uploaded document that hold health information: exhibits the person asks to
# file under seal (Fed. R. Crim. P. 49.1(d)). They match evidence.models.Attachment.Kind.
SEALED_KINDS = frozenset({"medical_record", "doctor_letter"})

# Where a document sent with a request goes inside that request's exhibit: the request and its
# proof of receipt first, then the answer, then the appeals (domain.md § 6 item 8).
REQUEST_ROLES = ("proof_of_receipt", "warden_response", "appeal")

# For the filing packet: the motion without its own page numbers, because the packet numbers
# every page from the motion's first to the last exhibit's last (evidence/packet.py).
_NO_PAGE_NUMBERS = "@page { @bottom-center { content: none !important; } }"

# The standard of each USSG §1B1.13(b) paragraph, in the motion's own words, so that each
# ground's section tells the court which test the facts meet.
STANDARDS = {
    "medical_terminal": (
        "A terminal illness is an extraordinary and compelling reason: a serious and advanced "
        "illness with an end-of-life trajectory, such as metastatic cancer, amyotrophic lateral "
        "sclerosis (ALS), end-stage organ disease or advanced dementia. No specific prognosis "
        "of life expectancy is required."
    ),
    "medical_self_care": (
        "A serious physical or medical condition, a serious functional or cognitive impairment, "
        "or deteriorating health because of the aging process is an extraordinary and "
        "compelling reason when it substantially diminishes the ability to provide self-care "
        "within a correctional facility and recovery is not expected."
    ),
    "medical_care_not_provided": (
        "A medical condition that requires long-term or specialized medical care that is not "
        "being provided, without which there is a risk of serious deterioration in health or "
        "death, is an extraordinary and compelling reason."
    ),
    "medical_outbreak": (
        "An extraordinary and compelling reason exists when the facility is affected, or at "
        "imminent risk of being affected, by an ongoing outbreak of infectious disease or a "
        "declared public health emergency; personal health risk factors put the defendant at "
        "increased risk of severe complications or death from it; and that risk cannot be "
        "adequately mitigated in a timely manner."
    ),
    "age": (
        "An extraordinary and compelling reason exists when the defendant is at least 65 years "
        "old, is experiencing a serious deterioration in physical or mental health because of "
        "the aging process, and has served at least 10 years or 75 percent of the term of "
        "imprisonment, whichever is less."
    ),
    "family_child_caregiver": (
        "The death or incapacitation of the caregiver of the defendant's minor child, or of "
        "the defendant's adult child who cannot care for themselves because of a disability or "
        "medical condition, is an extraordinary and compelling reason."
    ),
    "family_spouse_partner": (
        "The incapacitation of the defendant's spouse or registered partner, when the defendant "
        "would be the only available caregiver, is an extraordinary and compelling reason."
    ),
    "family_parent": (
        "The incapacitation of the defendant's parent, when the defendant would be the only "
        "available caregiver for the parent, is an extraordinary and compelling reason."
    ),
    "family_other": (
        "Circumstances like those of USSG §1B1.13(b)(3)(A)–(C) involving another immediate "
        "family member, or someone whose relationship with the defendant is like that of an "
        "immediate family member, are an extraordinary and compelling reason when the "
        "defendant would be the only available caregiver."
    ),
    "abuse_in_custody": (
        "An extraordinary and compelling reason exists when, while serving this sentence, the "
        'defendant was the victim of sexual abuse involving a "sexual act" (18 U.S.C. '
        "§ 2246(2)), or of physical abuse resulting in serious bodily injury, committed by a "
        "correctional officer, another employee or contractor of the Bureau of Prisons, or "
        "anyone else who had custody or control of the defendant. The misconduct must be "
        "established by a conviction, a civil finding or admission of liability, or an "
        "administrative finding, unless those proceedings are unduly delayed or the defendant "
        "is in imminent danger."
    ),
    "other": (
        "Any other circumstance or combination of circumstances that, alone or together with "
        "the reasons in USSG §1B1.13(b)(1)–(4), is similar in gravity to those reasons is an "
        "extraordinary and compelling reason."
    ),
}

# How a request reached the warden, as the exhaustion section words it ("was … the Warden").
_HOW_SENT = {
    "hand_delivered": "handed to staff for",
    "electronic": "sent through the electronic request-to-staff system to",
    "mail": "mailed to",
    "email": "emailed to",
    "fax": "faxed to",
}


class DraftError(Exception):
    """A document that cannot be drawn up for this case, or a render that failed."""


class TooLong(DraftError):
    """A document longer than any court paper needs (MAX_PAGES): the answers are too long."""


# A motion with every answer at its longest (intake/fields.py) is about 40 pages; writing one
# of thousands of pages took minutes and a gigabyte, and the exhibit covers are one page each.
MAX_PAGES = 200


class URLRefused(ValueError):
    """A URL outside the project's static files: drafts never load anything else."""


class StaticOnlyURLFetcher(URLFetcher):
    """WeasyPrint's fetcher, narrowed to files inside one directory (the project's static/).

    Every other URL (http, https, ftp, data, file elsewhere, a symlink out of the directory) is
    refused. WeasyPrint is told to treat a refusal as fatal, so a document that tries to load
    something it should not fails loudly instead of printing without it.
    """

    def __init__(self, root: Path):
        super().__init__(allowed_protocols=("file",), fail_on_errors=True)
        self.root = root.resolve()

    def fetch(self, url, headers=None):
        path = self.local_path(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    def local_path(self, url: str) -> Path:
        """The file a URL names, if it is a file under the root; URLRefused otherwise."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise URLRefused(f"drafts load only the project's static files, not {url}")
        path = Path(url2pathname(parts.path)).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise URLRefused(f"drafts load only the project's static files, not {url}")
        return path


def static_root() -> Path:
    """The one directory documents may load files from."""
    return Path(settings.BASE_DIR) / "static"


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


def family_prepared(facts: CaseFacts, preparer_role: str | None) -> bool:
    """Whether a family member (or friend) prepared the case, so what they typed about the
    person is theirs to swear to, in their own declaration (domain.md § 6, "One voice").

    The interview's answer decides when there is one; a case file without it counts as
    prepared by family when it names a preparer other than the person. Without the family
    member's name there is no one to sign a declaration.
    """
    name = (facts.preparer.name or "").strip().casefold()
    if not name:
        return False
    if preparer_role:
        return preparer_role == "family"
    return name != (facts.person.name or "").strip().casefold()


def self_prepared(facts: CaseFacts, preparer_role: str | None) -> bool:
    """Whether the person in prison filled in the answers himself."""
    if preparer_role:
        return preparer_role == "self"
    return not family_prepared(facts, None)


@in_english
def render(
    facts: CaseFacts,
    document: str,
    *,
    as_of: date,
    screening: rules.Screening | None = None,
    exhibits: Sequence[Evidence] | None = None,
    page_numbers: bool = True,
    preparer_role: str | None = None,
) -> bytes:
    """One document as PDF bytes. Raises DraftError for a document this case does not get.

    Without `exhibits` (the `draft` command, or a case with no uploads) the exhibit list is
    the checklist of suggested evidence. `page_numbers=False` leaves the footer off, for the
    filing packet, which numbers all its pages itself.
    """
    html = document_html(
        facts,
        document,
        as_of=as_of,
        screening=screening,
        exhibits=exhibits,
        preparer_role=preparer_role,
    )
    extra = () if page_numbers else (_NO_PAGE_NUMBERS,)
    pages = layout(html, what=f"the {document}", stylesheets=extra)
    try:
        return pages.write_pdf(pdf_tags=True)
    except Exception as exc:
        raise DraftError(f"the {document} could not be written as PDF: {exc}") from exc


@in_english
def document_html(
    facts: CaseFacts,
    document: str,
    *,
    as_of: date,
    screening: rules.Screening | None = None,
    exhibits: Sequence[Evidence] | None = None,
    preparer_role: str | None = None,
) -> str:
    """The HTML WeasyPrint lays out for one document (`render`'s checks, its errors)."""
    if document not in TEMPLATES:
        raise DraftError(f"unknown document {document!r} (one of: {', '.join(TEMPLATES)})")
    if screening is None:
        screening = rules.screen(facts, as_of)
    papers = documents(facts, screening, exhibits, preparer_role=preparer_role)
    if document == "read-me-first":
        if not papers:
            raise DraftError("the family's sheet goes only with papers to sign")
    elif document not in papers:
        raise DraftError(
            f"the screening does not allow the {document} for this case"
            + (f": {screening.no_motion_reason}" if screening.no_motion_reason else "")
        )
    context = _context(facts, screening, as_of, exhibits, document, preparer_role)
    if document == "read-me-first":
        context["sheet"] = readme.build(facts, screening, papers=papers, role=preparer_role)
    return render_to_string(TEMPLATES[document], context)


def layout(html: str, *, what: str, stylesheets: Sequence[str] = ()) -> weasyprint.Document:
    """HTML laid out as pages by WeasyPrint, fetching only the project's static files.

    The one place a draft meets WeasyPrint, so every document, cover and overlay gets the same
    fetcher and the same error. `what` names the paper in the DraftError.
    """
    root = static_root()
    try:
        document = weasyprint.HTML(
            string=html, base_url=path2url(root), url_fetcher=StaticOnlyURLFetcher(root)
        ).render(stylesheets=[weasyprint.CSS(string=css) for css in stylesheets])
    except FatalURLFetchingError as exc:
        raise DraftError(f"{what} tried to load a resource it may not: {exc}") from exc
    except Exception as exc:
        raise DraftError(f"{what} could not be rendered: {exc}") from exc
    if len(document.pages) > MAX_PAGES:
        raise TooLong(f"{what} would be {len(document.pages)} pages, more than {MAX_PAGES}")
    return document


def cache_key(
    facts: CaseFacts,
    document: str,
    as_of: date,
    exhibits: Sequence[Evidence] | None = None,
    preparer_role: str | None = None,
) -> str:
    """A sha256 of everything a document's bytes depend on; also the download's ETag.

    The screening is not part of the key because it is a pure function of the facts and the
    day; the code, templates and data that turn them into a PDF are, through `drafts_version`;
    the uploaded exhibits are, by their description, place and content digest.
    """
    payload = json.dumps(
        {
            "facts": dataclasses.asdict(facts),
            "document": document,
            "as_of": as_of,
            "exhibits": [dataclasses.asdict(e) for e in exhibits or ()],
            "preparer_role": preparer_role or None,
            "version": drafts_version(),
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=date.isoformat,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def render_cached(
    facts: CaseFacts,
    document: str,
    *,
    as_of: date,
    screening: rules.Screening | None = None,
    exhibits: Sequence[Evidence] | None = None,
    case_id: object | None = None,
    preparer_role: str | None = None,
) -> bytes:
    """`render`, served from Django's cache when nothing it depends on has changed.

    The cache is shared by every app server (design.md "Scale"), so a repeat download of
    unchanged data costs one cache read instead of a render. A case's drafts are kept under
    its id and the document, one each (the digest is checked on reading), so that deleting the
    case can delete them (`forget_cached`): the PDFs carry the person's name and health.
    """
    digest = cache_key(facts, document, as_of, exhibits, preparer_role)
    key = _cached_key(case_id, document) if case_id is not None else f"drafts:{digest}"
    held = django_cache.get(key)
    if isinstance(held, tuple) and held[0] == digest:
        return held[1]
    pdf = render(
        facts,
        document,
        as_of=as_of,
        screening=screening,
        exhibits=exhibits,
        preparer_role=preparer_role,
    )
    django_cache.set(key, (digest, pdf), CACHE_SECONDS)
    return pdf


def _cached_key(case_id: object, document: str) -> str:
    return f"drafts:case:{case_id}:{document}"


def forget_cached(case_id: object) -> None:
    """Delete a case's drafts from the cache (the case is being deleted)."""
    django_cache.delete_many([_cached_key(case_id, document) for document in DOCUMENTS])


# -- the filing packet's own pages (assembled by evidence/packet.py) -----------------------------


@in_english
def render_exhibit_index(
    facts: CaseFacts,
    screening: rules.Screening,
    exhibits: Sequence[Exhibit],
    *,
    first_pages: dict[str, int],
    document: str = "motion",
) -> weasyprint.Document:
    """The packet's index of exhibits: letter, description, the page each begins on, and which
    ones are to be filed under seal (Fed. R. Crim. P. 49.1)."""
    html = render_to_string(
        "drafts/exhibit_index.html",
        {
            **_packet_context(facts),
            "emergency": screening.emergency_for(document),
            "rows": [(e, first_pages.get(e.letter)) for e in exhibits],
            "sealed": _exhibit_names([e.letter for e in exhibits if e.sealed]),
            "sealed_many": sum(e.sealed for e in exhibits) > 1,
        },
    )
    return layout(html, what="the index of exhibits", stylesheets=(_NO_PAGE_NUMBERS,))


@in_english
def render_exhibit_covers(facts: CaseFacts, exhibits: Sequence[Exhibit]) -> weasyprint.Document:
    """One cover page per exhibit ("Exhibit C — Letter from Dr. Lee"), each anchored as
    `exhibit-<letter>` so the packet can tell where each begins."""
    html = render_to_string(
        "drafts/exhibit_covers.html", {**_packet_context(facts), "exhibits": exhibits}
    )
    return layout(html, what="the exhibit covers", stylesheets=(_NO_PAGE_NUMBERS,))


@in_english
def render_page_numbers(total: int) -> bytes:
    """`total` blank US Letter pages carrying only "Page X of Y", in the motion's footer style,
    to stamp on every page of a packet."""
    html = render_to_string("drafts/page_numbers.html", {"pages": range(total)})
    return layout(html, what="the page numbers").write_pdf()


def _packet_context(facts: CaseFacts) -> dict:
    return {
        "person": facts.person,
        "case_number": facts.sentence.case_number,
    }


@cache
def drafts_version() -> str:
    """A digest of the files a rendered PDF depends on, besides the facts.

    Computed from the files rather than kept as a number to bump by hand, so that a deploy that
    changes a template, the stylesheet, the rules or WeasyPrint can never serve a stale PDF.
    """
    sources = [
        *(Path(settings.BASE_DIR) / "templates" / "drafts").glob("*.html"),
        static_root() / "css" / "drafts.css",
        Path(__file__),
        Path(__file__).parent / "readme.py",
        Path(__file__).parent / "warden_letter.py",
        Path(__file__).parent / "templatetags" / "drafting.py",
        *Path(courts.__file__).parent.glob("*.py"),
        *courts.DATA.glob("*.*"),
    ]
    # Ordered by folder and file name, not the full path, so that app servers deployed in
    # different directories share one key.
    digest = hashlib.sha256(weasyprint.__version__.encode())
    for path in sorted(sources, key=lambda p: (p.parent.name, p.name)):
        digest.update(path.read_bytes())
    return digest.hexdigest()


# -- what the templates show ---------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A facility as a letter addresses it; None for what is unknown."""

    name: str | None
    address: str | None
    reentry_office: bool = False


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


# How the date a request was received is shown (eligibility.facts RECEIPT_PROOFS), as the
# exhaustion section says it ("… as <words> shows") and as its exhibit lists it. "none", or no
# answer, shows nothing.
RECEIPT_SHOWN_BY = {
    "warden_reply": "the Warden's written reply",
    "staff_stamp": "the date stamp staff put on my copy",
    "delivery_confirmation": "the delivery confirmation",
    "electronic_record": "the record of the electronic request-to-staff system",
}

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


@dataclass(frozen=True)
class RequestItem:
    """One request to the warden that the motion relies on, told as the screening computed it."""

    # The request's index in facts.warden_requests, which uploads name it by.
    index: int
    exhibit: str
    # "me", or the preparer ("Maria Example, my daughter,"), or "" when the case does not say.
    sender: str
    sent_on: str | None
    how: str
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
class GroundItem:
    info: GroundInfo
    facts: str
    standard: str
    # "See Exhibits B and C, which I ask to file under seal."
    cite: str
    letters: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lettering:
    """The motion's exhibits, lettered, and what each part of the motion cites."""

    requests: list[RequestItem]
    grounds: list[GroundItem]
    exhibits: list[Exhibit]
    release_plan_cite: str | None
    background_cite: str | None
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
    return _lettering(facts, screening, exhibits or (), document, preparer_role).exhibits


def _lettering(
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
                next(letters), f"Evidence of {info.heading}", private, _evidence(info, person.name)
            )
        ]
        exhibits += own
        grounds.append(
            GroundItem(
                info,
                without_birth_dates(g.facts),
                STANDARDS[g.category],
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


def _uploaded(files: list[Evidence], letters: Iterator[str]) -> list[Exhibit]:
    """One exhibit per uploaded document, described in the family's words."""
    return [Exhibit(next(letters), e.description, e.sealed, files=(e,)) for e in files]


def _see(exhibits: list[Exhibit]) -> str | None:
    """The citation a section ends with: 'See Exhibits B and C, which I ask to file under seal.'"""
    if not exhibits:
        return None
    sealed = [e.letter for e in exhibits if e.sealed]
    see = f"See {_exhibit_names([e.letter for e in exhibits])}"
    if not sealed:
        return f"{see}."
    if len(sealed) == len(exhibits):
        return f"{see}, which I ask to file under seal."
    return f"{see}. I ask to file {_exhibit_names(sealed)} under seal."


def _exhibit_names(letters: list[str]) -> str:
    if not letters:
        return ""
    if len(letters) == 1:
        return f"Exhibit {letters[0]}"
    return f"Exhibits {', '.join(letters[:-1])} and {letters[-1]}"


def _context(
    facts: CaseFacts,
    screening: rules.Screening,
    as_of: date,
    uploads: Sequence[Evidence] | None,
    document: str,
    preparer_role: str | None,
) -> dict:
    person, sentence = facts.person, facts.sentence
    place = _place(person.facility)
    district = courts.district(sentence.district)
    addressee = _addressee(facts, place)
    motion = motion_of(document) or next(iter(screening.motion_documents), None)
    lettering = (
        _lettering(facts, screening, uploads or (), motion, preparer_role)
        if motion
        else Lettering([], [], [], None, None)
    )
    exhibits = lettering.exhibits
    filing_date = screening.filing_date_for(motion) if motion else None
    # What the screening computed: the exhaustion requirement is met for this motion's grounds
    # on its filing date, unless that date rests on an estimated receipt.
    exhausted_on = filing_date if filing_date and not screening.estimate_for(motion) else None

    # The request lists every ground that can still be raised (domain.md § 3 rule 4), so the
    # motion can never raise one the warden did not see.
    request_grounds = [
        (BY_ID[g.category], without_birth_dates(g.facts))
        for g in facts.grounds
        if BY_ID[g.category].available
    ]
    family = family_prepared(facts, preparer_role)
    plan = facts.release_plan
    return {
        "today": court_date(as_of),
        "document": document,
        "person": person,
        "birth_year": person.date_of_birth.year if person.date_of_birth else None,
        "place": place,
        "addressee": addressee,
        "preparer": facts.preparer if facts.preparer.name else None,
        **warden_letter.context(facts, as_of),
        "court_name": district.name if district else None,
        "court_lines": _court_lines(district),
        "usao": f"United States Attorney's Office, {district.short_name}" if district else None,
        "sentence": sentence,
        "imposed_on": _words(sentence.imposed_on),
        "custody_began": _words(sentence.custody_began),
        "projected_release": _words(sentence.projected_release),
        "term": _term(sentence.life, sentence.term_months),
        "served": time_served(sentence.custody_began, sentence.term_months, sentence.life, as_of),
        "as_of": court_date(as_of),
        "age_part": three_quarters(sentence.term_months) if not sentence.life else None,
        "prior": _prior(facts),
        "appeal_pending": bool(sentence.appeal_pending),
        "request_grounds": request_grounds,
        # One checklist of evidence for the letter's enclosures; grounds share items.
        "enclosures": list(
            dict.fromkeys(e for info, _ in request_grounds for e in _evidence(info, person.name))
        ),
        "terminal_request": any(g.category == "medical_terminal" for g in facts.grounds),
        "grounds": lettering.grounds,
        "medical": any(g.info.is_medical for g in lettering.grounds),
        "medical_cite": _exhibit_names(
            [letter for g in lettering.grounds if g.info.is_medical for letter in g.letters]
        ),
        "emergency": screening.emergency_for(motion) if motion else False,
        "requests": lettering.requests,
        "exhausted_on": _words(exhausted_on),
        "bop_motion": facts.bop_motion,
        "release_plan": plan,
        "residence_city_state": city_and_state(plan.residence),
        "household": without_birth_dates(plan.household),
        # The family's own words (household, support, their letter) are theirs to swear to.
        "family": family,
        "own_statement": self_prepared(facts, preparer_role),
        "declaration": lettering.declaration,
        "sponsor": _sponsor(facts) if family else None,
        "background": facts.background,
        "release_plan_cite": lettering.release_plan_cite,
        "background_cite": lettering.background_cite,
        "exhibits": exhibits,
        "sealed_exhibits": [e for e in exhibits if e.sealed],
        "sealed_kinds": _sealed_kinds(lettering),
    }


def _sealed_kinds(lettering: Lettering) -> list[str]:
    """What the sealed exhibits hold, for the motion for leave to say why they are private."""
    kinds = []
    if any(g.info.is_medical for g in lettering.grounds) or any(
        f.kind in SEALED_KINDS for e in lettering.exhibits if e.sealed for f in e.files
    ):
        kinds.append("medical records and other private information about health")
    if any(g.info.id in PRIVATE_GROUNDS for g in lettering.grounds):
        kinds.append(
            "records about members of my family, such as their medical records, child-welfare "
            "records or records of injury, which concern people who are not parties to this case"
        )
    if lettering.declaration and lettering.declaration.sealed:
        kinds.append("the street address and telephone number of the home offered to me")
    return kinds


def _sponsor(facts: CaseFacts) -> str:
    """'my daughter, Maria Example' or 'Maria Example': the person who offers the home."""
    name, relationship = facts.preparer.name, (facts.preparer.relationship or "").strip()
    return f"my {relationship}, {name}" if relationship else name


def _prior(facts: CaseFacts) -> str:
    """The earlier motion, in the motion's words, or that there was none."""
    prior = facts.prior_motion
    if not prior.filed_on:
        return "none"
    said = f"filed {court_date(prior.filed_on)}"
    if prior.outcome == "dismissed_unexhausted":
        return f"{said}; dismissed because the administrative requirements had not been met"
    if prior.decided_on:
        return f"{said}; decided {court_date(prior.decided_on)}"
    return said


def time_served(began: date | None, term_months: int | None, life: bool, as_of: date) -> str | None:
    """'14 years 8 months (73% of the term)': time in federal custody on `as_of`, for display.

    Arithmetic for the judge's reading, not a rule: the rules decide nothing from it.
    """
    if began is None or began > as_of:
        return None
    served = relativedelta(as_of, began)
    words = duration_words(served)
    if life or not term_months:
        return words
    end = began + relativedelta(months=term_months)
    share = int(100 * (as_of - began).days / (end - began).days)
    return f"{words} (about {min(share, 100)}% of the term)"


def duration_words(delta: relativedelta) -> str:
    """'14 years 8 months' in English (court papers), days only under a month."""
    parts = []
    for count, unit in ((delta.years, "year"), (delta.months, "month")):
        if count:
            parts.append(f"{count} {unit}" + ("" if count == 1 else "s"))
    if not parts:
        parts.append(f"{delta.days} day" + ("" if delta.days == 1 else "s"))
    return " ".join(parts)


def three_quarters(term_months: int | None) -> str | None:
    """'75% of 20 years = 15 years': the age ground's share of the term, in whole months.

    A term whose three quarters is not a whole number of months says so in months
    ("75% of 250 months = 187.5 months"), never a day added by date arithmetic.
    """
    if not term_months:
        return None
    whole, rest = divmod(3 * term_months, 4)
    if rest == 0:
        return f"75% of {months_as_words(term_months)} = {months_as_words(whole)}"
    return f"75% of {term_months} months = {3 * term_months / 4:g} months"


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
        place = _place(r.facility or facts.person.facility)
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
                sent_on=_words(r.sent_on),
                how=_HOW_SENT.get(r.method or "", "delivered to"),
                place=place,
                addressee="Residential Reentry Manager" if place.reentry_office else "Warden",
                received_on=_words(result.received_on) if r.received_on else None,
                receipt_estimated=result.receipt_estimated,
                received_unknown=r.received_on is None,
                shown_by=proof,
                response=r.response,
                response_on=_words(r.response_on),
                appeals=appeals,
                final_denial_on=_words(result.final_denial_on),
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
        return f"{_sponsor(facts)},"
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


_BIRTH_DATE = re.compile(
    r"\b(born(?:\s+on)?|date of birth:?|d\.?o\.?b\.?:?|birth ?date:?)\s+"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2},?\s+(\d{4})"
    r"|(\d{4})-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-](\d{4}))",
    re.IGNORECASE,
)


def without_birth_dates(text: str | None) -> str | None:
    """Text with every birth date cut to its year ("born March 4, 2017" -> "born in 2017").

    Court papers are public: Fed. R. Crim. P. 49.1 allows the year of birth only, and a
    child's birth date must never reach them. Other dates are left as typed.
    """
    if not text:
        return text

    def year_only(match: re.Match) -> str:
        year = next(y for y in match.groups()[1:] if y)
        word = match.group(1)
        return f"born in {year}" if word.lower().startswith("born") else f"year of birth {year}"

    return _BIRTH_DATE.sub(year_only, text)


_LOVED_ONE = re.compile(r"\byour loved one\b", re.IGNORECASE)


def _evidence(info: GroundInfo, name: str | None) -> tuple[str, ...]:
    """The catalogue's suggested evidence, worded for papers sent in the person's name.

    The catalogue speaks to families ("Your loved one's birth certificate"); a letter to the
    warden or a court exhibit list names the person instead.
    """
    return tuple(_LOVED_ONE.sub(name or "the defendant", item) for item in info.evidence)


def _place(value: str | None) -> Place:
    """A facility code from the BOP list, or free text printed as typed with a blank address."""
    found = courts.facility(value)
    if found is None:
        return Place(value, None)
    return Place(found.display_name, found.address or None, found.is_reentry_office)


def _addressee(facts: CaseFacts, place: Place) -> str:
    """The warden, or the Residential Reentry Manager for a halfway house or home confinement."""
    if place.reentry_office or facts.custody.status in ("rrc", "home_confinement"):
        return "Residential Reentry Manager"
    return "Warden"


def _court_lines(district: courts.District | None) -> tuple[str | None, ...]:
    """The court's name as a caption sets it: 'United States District Court' over the district.

    None stands for the district still to be written in.
    """
    if district is None:
        return ("United States District Court", None)
    if district.short_name == district.name:
        return (district.name,)
    return ("United States District Court", f"for the {district.short_name}")


def _term(life: bool, months: int | None) -> str | None:
    if life:
        return "life imprisonment"
    if months is None:
        return None
    return f"{months_as_words(months)} ({months} months)"


def _words(d: date | None) -> str | None:
    return court_date(d) if d else None


_STATE_AND_ZIP = re.compile(r"([A-Z]{2})(?:\s+\d{5}(?:-\d{4})?)?")
_CITY = re.compile(r"[A-Za-z][A-Za-z .'-]*")


def city_and_state(residence: str | None) -> str | None:
    """'Durham, NC' from '12 Elm St, Durham, NC 27701'; None unless the text plainly ends so.

    A filed motion may show only the city and state of a home address (Fed. R. Crim. P. 49.1),
    so anything ambiguous is left blank for the person to write in rather than risk printing
    the street.
    """
    if not residence:
        return None
    parts = [p.strip().rstrip(".").strip() for p in re.split(r"[,\n]", residence)]
    for i in range(len(parts) - 1, 0, -1):
        state = _STATE_AND_ZIP.fullmatch(parts[i])
        city = parts[i - 1]
        if state and _CITY.fullmatch(city) and len(city.split()) <= 3:
            return f"{city}, {state[1]}"
    return None


def _letters() -> Iterator[str]:
    """Exhibit letters: A … Z, then AA, AB …"""
    for size in itertools.count(1):
        for combo in itertools.product(string.ascii_uppercase, repeat=size):
            yield "".join(combo)
