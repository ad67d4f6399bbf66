"""Who may reach a case's files: every file URL, for the family that owns the case, another
family, and someone not logged in; and for a case held by a browser session.

The URL names (case_documents, case_document_download, case_document_delete,
case_filing_packet) are the ones the advocate workspace's access matrix adds its own rows to.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from evidence.models import Attachment
from intake.models import Case
from tests.evidence_files import attach, make_case, pdf_bytes, upload

pytestmark = pytest.mark.django_db


def user(email: str):
    return get_user_model().objects.create_user(email, email, "x" * 16)


def logged_in(email: str) -> Client:
    client = Client()
    client.force_login(user(email))
    return client


@pytest.fixture
def family_a() -> Client:
    return logged_in("ana@example.com")


@pytest.fixture
def case(family_a) -> Case:
    return make_case(owner=get_user_model().objects.get(email="ana@example.com"))


@pytest.fixture
def document(case) -> Attachment:
    return attach(case)


def new_upload():
    return {
        "file": upload(pdf_bytes()),
        "description": "Another record",
        "supports": "background",
        "kind": "other",
    }


# (what, method, URL name, takes the document, data, status for the family that owns it)
FILE_URLS = [
    ("list", "get", "case_documents", False, None, 200),
    ("upload", "post", "case_documents", False, new_upload, 302),
    ("download", "get", "case_document_download", True, None, 200),
    ("delete-confirm", "get", "case_document_delete", True, None, 200),
    ("delete", "post", "case_document_delete", True, None, 302),
    ("packet", "get", "case_filing_packet", False, None, 200),
]
IDS = [row[0] for row in FILE_URLS]


def call(client: Client, method: str, name: str, case, document, with_document, data):
    args = [case.id, document.id] if with_document else [case.id]
    payload = data() if data else {}
    return getattr(client, method)(reverse(name, args=args), payload)


@pytest.mark.parametrize(("what", "method", "name", "with_doc", "data", "ok"), FILE_URLS, ids=IDS)
def test_the_family_that_owns_the_case_may(
    family_a, case, document, what, method, name, with_doc, data, ok
):
    response = call(family_a, method, name, case, document, with_doc, data)

    assert response.status_code == ok


@pytest.mark.parametrize("who", ["other family", "not logged in"])
@pytest.mark.parametrize(("what", "method", "name", "with_doc", "data", "ok"), FILE_URLS, ids=IDS)
def test_anyone_else_gets_404_and_changes_nothing(
    case, document, who, what, method, name, with_doc, data, ok
):
    client = logged_in("ben@example.com") if who == "other family" else Client()

    response = call(client, method, name, case, document, with_doc, data)

    assert response.status_code == 404
    assert list(Attachment.objects.values_list("id", flat=True)) == [document.id]


def test_a_case_held_by_a_browser_session_is_open_to_that_browser_only(client):
    client.post(reverse("case_start"))
    case = Case.objects.get()
    document = attach(case)
    stranger = Client()
    stranger.post(reverse("case_start"))

    for client_, expected in ((client, 200), (stranger, 404)):
        for name, args in (
            ("case_documents", [case.id]),
            ("case_document_download", [case.id, document.id]),
            ("case_document_delete", [case.id, document.id]),
        ):
            assert client_.get(reverse(name, args=args)).status_code == expected, name
