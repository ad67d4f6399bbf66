"""The HTTP details every download shares, the family's drafts (intake/views/downloads.py) and
the uploaded documents and filing packet (evidence/views.py) alike: a file name safe in any
header and on any file system, and whether the browser already holds the file (its ETag).

A plain module of intake, not a view, so that evidence's views can use it without importing
intake's views (docs/architecture.md).
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.http import parse_etags

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def last_name(person_name: str | None) -> str:
    words = (person_name or "").split()
    while len(words) > 1 and words[-1].lower().strip(".,") in _SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def safe_filename(*parts: str) -> str:
    """ASCII words joined by hyphens, safe in any header and on any file system."""
    slugs = []
    for part in parts:
        ascii_part = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_part.lower()).strip("-")
        if slug:
            slugs.append(slug)
    return "-".join(slugs)


def not_modified(request, etag: str) -> bool:
    """Whether the request's If-None-Match already names `etag` (or any version, "*")."""
    held = parse_etags(request.headers.get("If-None-Match", ""))
    return etag in held or "*" in held
