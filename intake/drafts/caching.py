"""Rendered PDFs kept in Django's cache, under a key that changes with everything their bytes
depend on.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path

import weasyprint
from django.conf import settings
from django.core.cache import cache as django_cache

from eligibility import courts, rules
from eligibility.facts import CaseFacts
from intake.drafts import rendering
from intake.drafts.fetching import static_root
from intake.drafts.lettering import Evidence
from intake.drafts.offering import DOCUMENTS

INTAKE = Path(__file__).parent.parent

# A week: long enough that repeat downloads hit the cache, short enough that PDFs holding
# personal facts do not linger in a shared cache after the case has moved on.
CACHE_SECONDS = 7 * 24 * 60 * 60


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
    pdf = rendering.render(
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


@cache
def drafts_version() -> str:
    """A digest of the files a rendered PDF depends on, besides the facts.

    Computed from the files rather than kept as a number to bump by hand, so that a deploy that
    changes a template, the stylesheet, the rules or WeasyPrint can never serve a stale PDF.
    """
    sources = [
        *(Path(settings.BASE_DIR) / "templates" / "drafts").glob("*.html"),
        static_root() / "css" / "drafts.css",
        *Path(__file__).parent.glob("*.py"),
        INTAKE / "readme.py",
        INTAKE / "warden_letter.py",
        INTAKE / "templatetags" / "drafting.py",
        *Path(courts.__file__).parent.glob("*.py"),
        *courts.DATA.glob("*.*"),
    ]
    # Ordered by folder and file name, not the full path, so that app servers deployed in
    # different directories share one key.
    digest = hashlib.sha256(weasyprint.__version__.encode())
    for path in sorted(sources, key=lambda p: (p.parent.name, p.name)):
        digest.update(path.read_bytes())
    return digest.hexdigest()
