"""Real files for the evidence tests, made on the spot: PDFs by WeasyPrint, images by Pillow,
and the broken ones the upload must refuse. Also a case to attach them to, and the personas."""

from __future__ import annotations

import io
from datetime import date
from functools import cache

import weasyprint
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from intake.models import Case, CaseGround, RequestGround, WardenRequest


@cache
def pdf_bytes(*texts: str) -> bytes:
    """A PDF with one page per text (a page that says "Page one" if none is given)."""
    pages = "".join(
        f'<p style="break-before: page">{text}</p>' for text in (texts or ("Page one",))
    )
    return weasyprint.HTML(string=f"<html><body>{pages}</body></html>").write_pdf()


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (300, 200), color="navy") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


def photo_bytes(fmt: str = "JPEG") -> bytes:
    """A noisy picture, like a real photo: its data cannot be squeezed into a few bytes."""
    out = io.BytesIO()
    Image.effect_noise((400, 300), 64).convert("RGB").save(out, fmt)
    return out.getvalue()


def cut_in_half(data: bytes) -> bytes:
    return data[: len(data) // 2]


HTML_NAMED_PDF = b"<!doctype html><html><body><h1>Not a PDF</h1></body></html>"


def truncated_pdf() -> bytes:
    data = pdf_bytes()
    return data[: len(data) // 2]


def upload(data: bytes, name: str = "file.pdf", content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def make_case(owner=None, **fields) -> Case:
    """A federal case with a terminal illness, a parent's incapacity and one counting request,
    received long enough ago to file."""
    case = Case.objects.create(
        owner=owner,
        sentencing_court="federal_district",
        custody_status="bop_facility",
        offense_ended_on=date(2009, 6, 30),
        person_name="Jane Q. Doe",
        register_number="12345-678",
        facility="BUT",
        district="nysd",
        case_number="1:10-cr-00123-ABC",
        imposed_on=date(2011, 1, 14),
        term_kind="years",
        term_months=240,
        custody_began=date(2009, 7, 1),
        residence="12 Elm Street, Durham, NC 27701",
        requests_sent="yes",
        **fields,
    )
    for category, facts in (
        ("medical_terminal", "Stage IV pancreatic cancer."),
        ("family_parent", "My mother is 91 and bedridden."),
    ):
        CaseGround.objects.create(case=case, category=category, facts=facts)
    request = WardenRequest.objects.create(
        case=case,
        position=0,
        asked_for="sentence_reduction",
        sent_on=date(2026, 8, 21),
        received_on=date(2026, 8, 21),
        method="hand_delivered",
        facility="BUT",
        response="denied",
        response_on=date(2026, 9, 2),
    )
    for category in ("medical_terminal", "family_parent"):
        RequestGround.objects.create(request=request, category=category, facts="Facts.")
    return case


def attach(case: Case, data: bytes | None = None, **fields):
    """An attachment stored through the service, as an upload would be."""
    from evidence import services, validation

    file = upload(data if data is not None else pdf_bytes())
    values = {"description": "Oncology records", "kind": "medical_record"}
    values.update(fields)
    supports = values.pop("supports", {"supports": "ground", "ground": "medical_terminal"})
    return services.attachment_create(
        case=case, user=None, file=file, inspected=validation.inspect(file), **values, **supports
    )
