"""Turning a paper into PDF: its HTML from the template and context, laid out by WeasyPrint.

People's words are always escaped by the templates, so text like `<img src=…>` prints
literally. And every layout fetches through `StaticOnlyURLFetcher` (intake/drafts/fetching.py).
The filing packet's own pages (index of exhibits, covers, page numbers) are rendered here too,
and assembled by evidence/packet.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import wraps

import weasyprint
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint.urls import FatalURLFetchingError, path2url

from eligibility import rules
from eligibility.facts import CaseFacts
from intake import readme
from intake.drafts import context
from intake.drafts.fetching import StaticOnlyURLFetcher, static_root
from intake.drafts.lettering import Evidence, Exhibit, exhibit_names
from intake.drafts.offering import TEMPLATES, documents


def in_english(function):
    """Run a renderer in English whatever the page's language: federal courts and the BOP work
    in English, so a family reading the site in Spanish still gets English papers."""

    @wraps(function)
    def wrapper(*args, **kwargs):
        with translation.override("en"):
            return function(*args, **kwargs)

    return wrapper


class DraftError(Exception):
    """A document that cannot be drawn up for this case, or a render that failed."""


class TooLong(DraftError):
    """A document longer than any court paper needs (MAX_PAGES): the answers are too long."""


# A motion with every answer at its longest (intake/fields.py) is about 40 pages; writing one
# of thousands of pages took minutes and a gigabyte, and the exhibit covers are one page each.
MAX_PAGES = 200


# For the filing packet: the motion without its own page numbers, because the packet numbers
# every page from the motion's first to the last exhibit's last (evidence/packet.py).
_NO_PAGE_NUMBERS = "@page { @bottom-center { content: none !important; } }"


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
    shown = context.build(facts, screening, as_of, exhibits, document, preparer_role)
    if document == "read-me-first":
        shown["sheet"] = readme.build(facts, screening, papers=papers, role=preparer_role)
    return render_to_string(TEMPLATES[document], shown)


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
            **context.packet(facts),
            "emergency": screening.emergency_for(document),
            "rows": [(e, first_pages.get(e.letter)) for e in exhibits],
            "sealed": exhibit_names([e.letter for e in exhibits if e.sealed]),
            "sealed_many": sum(e.sealed for e in exhibits) > 1,
        },
    )
    return layout(html, what="the index of exhibits", stylesheets=(_NO_PAGE_NUMBERS,))


@in_english
def render_exhibit_covers(facts: CaseFacts, exhibits: Sequence[Exhibit]) -> weasyprint.Document:
    """One cover page per exhibit ("Exhibit C — Letter from Dr. Lee"), each anchored as
    `exhibit-<letter>` so the packet can tell where each begins."""
    html = render_to_string(
        "drafts/exhibit_covers.html", {**context.packet(facts), "exhibits": exhibits}
    )
    return layout(html, what="the exhibit covers", stylesheets=(_NO_PAGE_NUMBERS,))


@in_english
def render_page_numbers(total: int) -> bytes:
    """`total` blank US Letter pages carrying only "Page X of Y", in the motion's footer style,
    to stamp on every page of a packet."""
    html = render_to_string("drafts/page_numbers.html", {"pages": range(total)})
    return layout(html, what="the page numbers").write_pdf()
