"""Serving and deleting stored documents: only through a view that checks access, and a
document's file goes with it, or with its case."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from django.db import transaction
from django.urls import reverse
from pypdf import PdfReader

from evidence.models import Attachment
from tests.evidence_files import (
    attach,
    image_bytes,
    make_case,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(ana):
    return make_case(owner=ana)


def stored(media: Path, attachment: Attachment) -> Path:
    return media / attachment.file.name


def test_it_serves_a_document_as_an_attachment_that_is_never_sniffed(family, case):
    attachment = attach(case, image_bytes("PNG"), description="Letter from Dr. Lee")

    response = family.get(reverse("case_document_download", args=[case.id, attachment.id]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == image_bytes("PNG")
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == ('attachment; filename="doe-letter-from-dr-lee.png"')
    assert "no-store" in response["Cache-Control"]


def test_it_does_not_serve_another_cases_document_under_this_case(family, case):
    other = attach(make_case(), description="Someone else's records")

    response = family.get(reverse("case_document_download", args=[case.id, other.id]))

    assert response.status_code == 404


def test_removing_a_document_deletes_its_file(
    family, case, media, django_capture_on_commit_callbacks
):
    attachment = attach(case)
    assert stored(media, attachment).exists()
    url = reverse("case_document_delete", args=[case.id, attachment.id])
    assert "cannot be undone" in family.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = family.post(url)

    assert response["Location"] == reverse("case_documents", args=[case.id])
    assert not Attachment.objects.exists()
    assert not stored(media, attachment).exists()


def test_deleting_the_case_through_the_family_page_deletes_its_files(
    family, case, media, django_capture_on_commit_callbacks
):
    files = [stored(media, attach(case)), stored(media, attach(case, image_bytes("JPEG")))]

    with django_capture_on_commit_callbacks(execute=True):
        response = family.post(reverse("case_delete", args=[case.id]))

    assert response["Location"] == reverse("my_cases")
    assert not Attachment.objects.exists()
    assert not any(path.exists() for path in files)


def test_deleting_the_account_deletes_its_cases_files(
    ana, case, media, django_capture_on_commit_callbacks
):
    path = stored(media, attach(case))

    with django_capture_on_commit_callbacks(execute=True):
        ana.delete()

    assert not path.exists()


def test_a_deletion_that_is_rolled_back_keeps_the_file(case, media):
    attachment = attach(case)
    pk, path = attachment.pk, stored(media, attachment)

    with pytest.raises(RuntimeError), transaction.atomic():
        attachment.delete()
        raise RuntimeError("the request failed after the delete")

    assert Attachment.objects.filter(pk=pk).exists()
    assert path.exists()


def test_the_filing_packet_holds_the_motion_and_the_uploaded_pages(family, case):
    attach(case, pdf_bytes("Oncology records from the hospital"))
    attach(
        case,
        image_bytes("JPEG"),
        description="Photo of the denial",
        kind="other",
        supports={"supports": "request", "request_position": 0, "request_role": "warden_response"},
    )

    response = family.get(reverse("case_filing_packet", args=[case.id]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="filing-packet-doe-2026-11-29.pdf"'
    )
    pdf = b"".join(response.streaming_content)
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "Oncology records from the hospital" in text
    assert "Exhibit A — Request to the Warden" in " ".join(text.split())
    total = len(PdfReader(io.BytesIO(pdf)).pages)
    assert f"Page {total} of {total}" in text

    again = family.get(
        reverse("case_filing_packet", args=[case.id]), HTTP_IF_NONE_MATCH=response["ETag"]
    )
    assert again.status_code == 304


def test_the_packets_etag_changes_when_a_document_is_added(family, case, monkeypatch):
    from evidence import packet, services
    from tests.case_helpers import AS_OF

    built = []

    def counting_build(*args, **kwargs):
        built.append(kwargs["evidence"])
        return packet.Packet(io.BytesIO(b"%PDF-1.7 stand-in"), 1)

    monkeypatch.setattr(packet, "build_packet", counting_build)
    url = reverse("case_filing_packet", args=[case.id])
    key = packet.packet_key(case.to_facts(AS_OF), AS_OF, services.evidence_for(case))
    assert family.get(url, HTTP_IF_NONE_MATCH=f'"{key}"').status_code == 304
    assert built == []

    attach(case)
    response = family.get(url, HTTP_IF_NONE_MATCH=f'"{key}"')

    assert response.status_code == 200
    assert response["ETag"] != f'"{key}"'
    assert len(built) == 1 and len(built[0]) == 1
