"""Uploading documents to a case (evidence/): what is accepted, what is refused, and how."""

from __future__ import annotations

import pytest
from django.urls import reverse

from evidence.models import Attachment
from tests.evidence_files import (
    HTML_NAMED_PDF,
    cut_in_half,
    image_bytes,
    make_case,
    pdf_bytes,
    photo_bytes,
    truncated_pdf,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(ana):
    return make_case(owner=ana)


def send(client, case, data: bytes, name="records.pdf", **fields):
    form = {
        "description": "Oncology records from Dr. Lee",
        "supports": "ground:medical_terminal",
        "kind": "medical_record",
        "file": upload(data, name),
        **fields,
    }
    return client.post(reverse("case_documents", args=[case.id]), form)


def test_it_accepts_a_pdf_and_lists_it(family, case, media):
    response = send(family, case, pdf_bytes())

    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.content_type == "application/pdf"
    assert attachment.supports == "ground" and attachment.ground == "medical_terminal"
    assert (media / attachment.file.name).read_bytes() == pdf_bytes()
    page = family.get(reverse("case_documents", args=[case.id])).content.decode()
    assert "Exhibit B: Oncology records from Dr. Lee" in page


def test_it_accepts_photos_as_jpeg_and_png(family, case):
    send(family, case, image_bytes("JPEG"), "photo.jpg", description="Photo of the letter")
    send(family, case, image_bytes("PNG"), "scan.png", description="Scan of the letter")

    assert sorted(Attachment.objects.values_list("content_type", flat=True)) == [
        "image/jpeg",
        "image/png",
    ]


def test_it_stores_the_file_under_ids_only(family, case):
    send(family, case, pdf_bytes(), "Jane Doe medical records.pdf")

    attachment = Attachment.objects.get()
    assert attachment.file.name == f"evidence/{case.id}/{attachment.id}.pdf"


def test_it_keeps_the_digest_size_and_uploader(family, case, ana):
    send(family, case, pdf_bytes())

    attachment = Attachment.objects.get()
    assert attachment.size == len(pdf_bytes())
    assert len(attachment.sha256) == 64
    assert attachment.uploaded_by == ana


def test_it_attaches_a_document_to_a_request_with_its_role(family, case):
    request = case.warden_requests.get()
    send(family, case, pdf_bytes(), supports=f"request:{request.pk}:proof_of_receipt", kind="other")

    attachment = Attachment.objects.get()
    assert (attachment.request, attachment.request_role) == (request, "proof_of_receipt")


def test_it_refuses_a_request_of_another_case(family, case):
    other = make_case().warden_requests.get()
    response = send(family, case, pdf_bytes(), supports=f"request:{other.pk}:proof_of_receipt")

    refused(response, "Select a valid choice")


def refused(response, message: str) -> str:
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert not Attachment.objects.exists()
    return page


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (HTML_NAMED_PDF, "letter.pdf", "This file is not a PDF, a JPEG photo or a PNG picture"),
        (truncated_pdf(), "records.pdf", "This PDF cannot be opened"),
        (cut_in_half(photo_bytes("JPEG")), "photo.jpg", "This picture cannot be opened"),
        (cut_in_half(photo_bytes("PNG")), "scan.png", "This picture cannot be opened"),
        (image_bytes("PNG")[:-12], "scan.png", "This picture cannot be opened"),
        (b"GIF89a" + b"\0" * 40, "anim.pdf", "This file is not a PDF"),
    ],
    ids=["html-named-pdf", "truncated-pdf", "truncated-jpeg", "truncated-png", "png-no-end", "gif"],
)
def test_it_refuses_a_file_that_is_not_what_it_says_and_keeps_the_form(
    family, case, data, name, message
):
    page = refused(send(family, case, data, name), message)

    assert 'value="Oncology records from Dr. Lee"' in page
    assert '<option value="ground:medical_terminal" selected>' in page


def test_it_refuses_a_locked_pdf(family, case):
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt("secret", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)

    refused(send(family, case, locked.getvalue()), "This PDF is locked with a password")


def test_it_refuses_a_file_over_the_size_limit(family, case, settings):
    settings.EVIDENCE_MAX_FILE_BYTES = 1000

    page = refused(send(family, case, pdf_bytes()), "This file is larger than 1000")

    assert 'value="Oncology records from Dr. Lee"' in page


def test_it_refuses_a_file_past_the_limit_per_case(family, case, settings):
    settings.EVIDENCE_MAX_FILES_PER_CASE = 2
    for _ in range(2):
        assert send(family, case, pdf_bytes()).status_code == 302

    response = send(family, case, pdf_bytes(), description="The third one")

    page = response.content.decode()
    assert "This case already has 2 documents, the most it can hold" in page
    assert 'value="The third one"' in page
    assert Attachment.objects.count() == 2


def test_the_service_holds_the_limit_even_when_the_form_was_passed(case, settings):
    """Two uploads sent at once both pass the form's count; the locked recount stops one."""
    from django.core.exceptions import ValidationError

    from evidence import services, validation

    settings.EVIDENCE_MAX_FILES_PER_CASE = 1
    file = upload(pdf_bytes())
    inspected = validation.inspect(file)
    fields = {"description": "One", "kind": "other", "supports": "background"}
    services.attachment_create(case=case, user=None, file=file, inspected=inspected, **fields)

    with pytest.raises(ValidationError):
        services.attachment_create(
            case=case, user=None, file=upload(pdf_bytes()), inspected=inspected, **fields
        )


def test_it_asks_for_a_file_a_description_and_what_it_is_for(family, case):
    response = family.post(reverse("case_documents", args=[case.id]), {})

    page = response.content.decode()
    for message in (
        "Choose a file to add",
        "Describe the document in a few words",
        "Choose what the document is for",
        "Choose what kind of paper it is",
    ):
        assert message in page


def test_the_page_offers_the_cases_own_grounds_and_requests(family, case):
    page = family.get(reverse("case_documents", args=[case.id])).content.decode()

    assert "Request 1, sent August 21, 2026: The warden&#x27;s answer" in page
    assert '<option value="ground:family_parent">' in page
    assert '<option value="release_plan">' in page


def test_a_link_from_a_step_chooses_what_it_is_for(family, case):
    url = reverse("case_documents", args=[case.id]) + "?for=release_plan"

    page = family.get(url).content.decode()

    assert '<option value="release_plan" selected>' in page


def test_the_form_is_labelled_and_works_without_javascript(family, case):
    page = family.get(reverse("case_documents", args=[case.id])).content.decode()

    assert 'enctype="multipart/form-data"' in page
    assert '<label class="label" for="id_file">' in page
    assert "<legend" in page
    assert "<script" not in page


def test_a_document_keeps_its_place_when_the_grounds_step_is_saved_again(family, case):
    """The interview recreates the ground rows on every save; the upload names the ground."""
    from intake.models import CaseGround

    send(family, case, pdf_bytes())
    CaseGround.objects.filter(case=case).delete()
    CaseGround.objects.create(case=case, category="medical_terminal", facts="Again.")
    CaseGround.objects.create(case=case, category="family_parent", facts="Again.")

    page = family.get(reverse("case_documents", args=[case.id])).content.decode()
    assert "Exhibit B: Oncology records from Dr. Lee" in page


def test_the_list_of_documents_is_all_in_spanish_for_a_spanish_reader(family, case):
    family.post(reverse("set_language"), {"language": "es", "next": "/"})
    send(family, case, pdf_bytes())
    send(family, case, image_bytes("PNG"), "scan.png")
    # A reason for release the family later took out of its answers.
    Attachment.objects.filter(content_type="image/png").update(ground="age")

    page = family.get(reverse("case_documents", args=[case.id])).content.decode()

    assert "Archivo PDF" in page and "Imagen" in page
    assert "Una parte de sus respuestas que ya no está" in page
    assert "Solicitud 1, enviada el 21 de agosto de 2026" in page
    for english in ("Picture", ". PDF,", "no longer there"):
        assert english not in page
