"""Active content taken out of an uploaded PDF before it is stored, so the filing packet, which
copies every page, never carries it to a clerk's or a judge's computer.

Removed: what runs when the document or a page opens or closes (/OpenAction as an action, /AA),
document-level JavaScript (/Names /JavaScript), embedded files (/Names /EmbeddedFiles), XFA
forms, and every action that runs script, starts a program, sends or imports form data, or
opens a `javascript:` link, wherever it hangs (a link, a form field, an outline entry, another
action's /Next). Pages, text, pictures and ordinary links stay as they were.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

DANGEROUS_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/RichMediaExecute",
    "/Rendition",
    "/GoToE",
}
# Keys whose value is an action (or, for /OpenAction, possibly a plain destination).
ACTION_KEYS = ("/A", "/OpenAction", "/Next")
# Keys removed wherever they appear.
ALWAYS_REMOVED = ("/AA", "/JS", "/XFA")
NAME_TREES_REMOVED = ("/JavaScript", "/EmbeddedFiles")


def clean_pdf(source: PdfReader | bytes) -> bytes:
    """The PDF without its active content (the same pages otherwise), as bytes."""
    reader = source if isinstance(source, PdfReader) else PdfReader(io.BytesIO(source))
    writer = PdfWriter(clone_from=reader)
    _clean(writer.root_object, set())
    # What was taken out is no longer referenced; leave it out of the file too.
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def has_active_content(reader: PdfReader) -> bool:
    """Whether `clean_pdf` would take anything out."""
    return _clean(reader.trailer["/Root"], set(), dry_run=True)


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _dangerous(action) -> bool:
    action = _resolve(action)
    if isinstance(action, ArrayObject):  # a /Next may be a list of actions
        return any(_dangerous(a) for a in action)
    if not isinstance(action, DictionaryObject):
        return False
    kind = action.get("/S")
    if kind in DANGEROUS_ACTIONS:
        return True
    uri = _resolve(action.get("/URI"))
    if kind == "/URI" and str(uri or "").strip().lower().startswith(("javascript:", "file:")):
        return True
    return "/Next" in action and _dangerous(action["/Next"])


def _clean(value, seen: set[int], *, dry_run: bool = False) -> bool:
    """Remove active content reachable from `value`; whether there was any."""
    if isinstance(value, IndirectObject):
        key = (value.idnum, value.generation)
        if key in seen:
            return False
        seen.add(key)
        value = value.get_object()
    found = False
    if isinstance(value, DictionaryObject):
        for name in ALWAYS_REMOVED:
            if name in value:
                found = True
                if not dry_run:
                    del value[name]
        for name in ACTION_KEYS:
            if name in value and _dangerous(value[name]):
                found = True
                if not dry_run:
                    del value[name]
        if "/Names" in value and isinstance(_resolve(value["/Names"]), DictionaryObject):
            names = _resolve(value["/Names"])
            for tree in NAME_TREES_REMOVED:
                if tree in names:
                    found = True
                    if not dry_run:
                        del names[NameObject(tree)]
        for name, item in list(value.items()):
            if name != "/Parent":
                found |= _clean(item, seen, dry_run=dry_run)
    elif isinstance(value, ArrayObject):
        for item in value:
            found |= _clean(item, seen, dry_run=dry_run)
    return found
