"""Files that are small on disk but huge once unpacked are refused at upload, next to the file
field, before they cost the check (or later the filing packet) more than the stated bounds:
an unpacked stream, a PDF's pages and their contents in all, a picture's pixels, and the pages
and bytes of a case's documents together."""

from __future__ import annotations

import pytest
from django.urls import reverse

from evidence import validation
from evidence.models import Attachment
from tests.evidence_files import huge_png, make_case, pdf_bytes, pdf_with_contents, upload

pytestmark = pytest.mark.django_db

TOO_MUCH = "This PDF holds more than a court filing can"


@pytest.fixture
def case(ana):
    return make_case(owner=ana)


def send(client, case, data: bytes, name="records.pdf", description="Records"):
    form = {
        "description": description,
        "supports": "ground:medical_terminal",
        "kind": "medical_record",
        "file": upload(data, name),
    }
    return client.post(reverse("case_documents", args=[case.id]), form)


def refused(response, words: str) -> None:
    assert response.status_code == 200
    page = response.content.decode()
    assert words in page
    assert 'value="Records"' in page or "Records" in page
    assert Attachment.objects.count() == 0


def test_a_pdf_whose_stream_unpacks_past_the_bound_is_refused(family, case):
    bomb = pdf_with_contents(b" " * (validation.MAX_STREAM_BYTES + 1))
    assert len(bomb) < 100_000

    refused(send(family, case, bomb), TOO_MUCH)


def test_a_pdf_whose_pages_unpack_past_the_bound_in_all_is_refused(family, case, monkeypatch):
    monkeypatch.setattr(validation, "MAX_CONTENT_BYTES", 100_000)
    page = b"q Q\n" * 10_000  # 40 KB of drawing commands a page

    assert send(family, case, pdf_with_contents(page, page)).status_code == 302
    Attachment.objects.all().delete()
    refused(send(family, case, pdf_with_contents(page, page, page)), TOO_MUCH)


def test_a_pdf_of_more_pages_than_a_file_may_have_is_refused(family, case, settings):
    settings.EVIDENCE_MAX_PAGES_PER_FILE = 2

    refused(send(family, case, pdf_bytes("One", "Two", "Three")), TOO_MUCH)


def test_a_picture_of_too_many_pixels_is_refused_before_it_is_decoded(family, case):
    bomb = huge_png()
    assert len(bomb) < 200_000

    refused(send(family, case, bomb, "scan.png"), "This picture is too large to print")


def test_a_case_holds_a_bounded_number_of_pages_in_all(family, case, settings):
    settings.EVIDENCE_MAX_PAGES_PER_CASE = 3
    assert send(family, case, pdf_bytes("One", "Two")).status_code == 302

    response = send(family, case, pdf_bytes("Three", "Four"), description="More")

    page = response.content.decode()
    assert "would have more than 3 pages" in page
    assert Attachment.objects.get().pages == 2


def test_a_case_holds_a_bounded_number_of_bytes_in_all(family, case, settings):
    first, second = pdf_bytes("One"), pdf_bytes("Two")
    settings.EVIDENCE_MAX_BYTES_PER_CASE = len(first) + len(second) - 1
    assert send(family, case, first).status_code == 302

    response = send(family, case, second, description="More")

    assert "would be larger than" in response.content.decode()
    assert Attachment.objects.count() == 1
