"""Real files for the evidence tests, made on the spot: PDFs by WeasyPrint, images by Pillow,
and the broken ones the upload must refuse. Also a case to attach them to, and the personas."""

from __future__ import annotations

import io
import zlib
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


def pdf_with_contents(*contents: bytes) -> bytes:
    """A PDF written by hand, one page per content stream, each stream compressed: a few
    kilobytes on disk that unpack to whatever the streams hold (a decompression bomb)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * n} 0 R" for n in range(len(contents)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(contents)} >>".encode())
    for n, content in enumerate(contents):
        packed = zlib.compress(content, 9)
        page = f"/Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * n} 0 R"
        objects.append(f"<< {page} >>".encode())
        objects.append(
            f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
            + packed
            + b"\nendstream"
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def huge_png(size: tuple[int, int] = (10_000, 8_800)) -> bytes:
    """88 megapixels of one colour: under 100 KB as a PNG, hundreds of MB once decoded."""
    out = io.BytesIO()
    Image.new("1", size).save(out, "PNG", optimize=True)
    return out.getvalue()
