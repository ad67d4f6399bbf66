"""Serving and deleting stored documents: only through a view that checks access, and a
document's file goes with it, or with its case."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import transaction
from django.urls import reverse

from evidence.models import Attachment
from tests.evidence_files import (
    attach,
    image_bytes,
    make_case,
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
