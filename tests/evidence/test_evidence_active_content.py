"""Active content in an uploaded PDF (script run on opening, program launches, script links,
page actions, document JavaScript) is taken out before the file is stored, so the filing packet
never sees it; the pages themselves stay as they were (evidence/sanitize.py)."""

from __future__ import annotations

import io
import subprocess

import pytest
from django.urls import reverse
from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from evidence import sanitize
from evidence.models import Attachment
from tests.evidence_files import make_case, pdf_bytes, upload

pytestmark = pytest.mark.django_db

# PDF names, written as they are (strings such as a script's text are escaped in the file).
MARKERS = (b"/JavaScript", b"/Launch", b"/AA", b"/EmbeddedFiles", b"/OpenAction")


def action(kind: str, **entries) -> DictionaryObject:
    out = DictionaryObject(
        {NameObject("/Type"): NameObject("/Action"), NameObject("/S"): NameObject(kind)}
    )
    for key, value in entries.items():
        out[NameObject(f"/{key}")] = TextStringObject(value)
    return out


def link(target: DictionaryObject) -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject(
                [FloatObject(0), FloatObject(0), FloatObject(99), FloatObject(99)]
            ),
            NameObject("/A"): target,
        }
    )


def armed_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("Dr. Lee's letter"))))
    writer.add_open_action(JavaScript("app.alert('document script');"))
    writer.add_attachment("run.bat", b"format c:")
    writer.root_object[NameObject("/OpenAction")] = action("/JavaScript", JS="app.alert(1)")
    # Page-level /AA and link annotations, as other PDF tools write them.
    page = writer.pages[0]
    page[NameObject("/AA")] = DictionaryObject(
        {NameObject("/O"): action("/JavaScript", JS="app.alert(2)")}
    )
    writer.add_annotation(0, link(action("/Launch", F="cmd.exe")))
    writer.add_annotation(0, link(action("/URI", URI="javascript:app.alert(3)")))
    writer.add_annotation(0, link(action("/URI", URI="https://www.uscourts.gov/")))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def links(data: bytes) -> list[str]:
    page = PdfReader(io.BytesIO(data)).pages[0]
    targets = [a.get_object().get("/A") for a in page.get("/Annots", [])]
    return [str(t["/URI"]) for t in targets if t is not None and "/URI" in t]


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "stored.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


def test_the_test_file_really_is_armed():
    data = armed_pdf()

    assert all(marker in data for marker in MARKERS)
    assert "javascript:app.alert(3)" in links(data)
    assert sanitize.has_active_content(PdfReader(io.BytesIO(data)))


def test_an_uploaded_pdf_is_stored_without_its_active_content(family, ana, media, tmp_path):
    case = make_case(owner=ana)
    form = {
        "description": "Letter from Dr. Lee",
        "supports": "ground:medical_terminal",
        "kind": "doctor_letter",
        "file": upload(armed_pdf(), "letter.pdf"),
    }

    assert family.post(reverse("case_documents", args=[case.id]), form).status_code == 302

    stored = (media / Attachment.objects.get().file.name).read_bytes()
    assert [m for m in MARKERS if m in stored] == []
    assert links(stored) == ["https://www.uscourts.gov/"]
    assert "Dr. Lee's letter" in pdf_text(stored, tmp_path)
    assert Attachment.objects.get().size == len(stored)


def test_a_pdf_without_active_content_is_stored_as_it_came(family, ana, media):
    case = make_case(owner=ana)
    form = {
        "description": "Records",
        "supports": "ground:medical_terminal",
        "kind": "medical_record",
        "file": upload(pdf_bytes(), "records.pdf"),
    }

    family.post(reverse("case_documents", args=[case.id]), form)

    assert (media / Attachment.objects.get().file.name).read_bytes() == pdf_bytes()
