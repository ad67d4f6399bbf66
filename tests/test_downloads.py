"""The family's downloads of the drafts (intake/views/downloads.py): who may, the headers, the
ETag and 304, the content-keyed cache, and the "Your papers" section of the results page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from pypdf import PdfReader

from eligibility.rules import screen
from intake.drafts import caching, offering, rendering
from intake.models import CaseGround
from intake.views import downloads
from tests.case_helpers import AS_OF, freeze_today
from tests.evidence_files import attach, make_case

pytestmark = pytest.mark.django_db

DRAFT_URLS = (
    "case_warden_request_pdf",
    "case_motion_pdf",
    "case_motion_now_pdf",
    "case_seal_motion_pdf",
    "case_seal_motion_now_pdf",
    "case_family_declaration_pdf",
    "case_read_me_first_pdf",
)


@pytest.fixture(autouse=True)
def isolated(settings, tmp_path) -> Path:
    """A private memory cache and media folder for each test."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.MEDIA_ROOT = str(tmp_path / "media")
    cache.clear()
    return tmp_path


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def renders(monkeypatch) -> list:
    """Every real render, counted."""
    calls = []
    real = rendering.render

    def counting(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(rendering, "render", counting)
    return calls


def user(email: str):
    return get_user_model().objects.create_user(email, email, "x" * 16)


@pytest.fixture
def ana():
    return user("ana@example.com")


@pytest.fixture
def case(ana):
    return make_case(owner=ana)


@pytest.fixture
def family(client, ana):
    client.force_login(ana)
    return client


def test_it_sends_the_motion_as_a_named_attachment_with_its_etag(family, case, renders):
    response = family.get(reverse("case_motion_pdf", args=[case.id]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="motion-doe-2026-11-29.pdf"'
    key = caching.cache_key(case.to_facts(AS_OF), "motion", AS_OF, ())
    assert response["ETag"] == f'"{key}"'
    assert response["Cache-Control"] == "no-store"
    reader = PdfReader(io.BytesIO(response.content))
    assert "MOTION FOR SENTENCE REDUCTION" in reader.pages[0].extract_text().upper()


@pytest.mark.parametrize(
    ("name", "document"),
    [("case_warden_request_pdf", "warden-request"), ("case_seal_motion_pdf", "seal-motion")],
)
def test_it_sends_the_other_drafts(family, case, name, document):
    response = family.get(reverse(name, args=[case.id]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="{document}-doe-2026-11-29.pdf"'
    )
    assert len(PdfReader(io.BytesIO(response.content)).pages) >= 1


def test_a_second_download_of_unchanged_data_is_not_rendered_again(family, case, renders):
    url = reverse("case_warden_request_pdf", args=[case.id])

    first = family.get(url)
    second = family.get(url)

    assert renders == ["warden-request"]
    assert first.content == second.content


def test_it_answers_304_to_a_browser_that_already_has_it(family, case, renders):
    url = reverse("case_motion_pdf", args=[case.id])
    etag = family.get(url)["ETag"]
    cache.clear()

    response = family.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response.content == b""
    assert renders == ["motion"]


def test_a_changed_answer_or_upload_gives_a_new_etag(family, case):
    url = reverse("case_motion_pdf", args=[case.id])
    etag = family.get(url)["ETag"]

    attach(case, description="Oncology records")
    with_upload = family.get(url, HTTP_IF_NONE_MATCH=etag)

    assert with_upload.status_code == 200
    assert with_upload["ETag"] != etag
    assert b"Oncology records" in _text(with_upload.content)
    CaseGround.objects.filter(case=case, category="family_parent").update(facts="Changed.")
    assert family.get(url)["ETag"] != with_upload["ETag"]


def _text(pdf: bytes) -> bytes:
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).encode()


def test_a_document_the_screening_does_not_allow_is_404(family, ana):
    """No request counts yet: the request to the warden only; every motion is 404."""
    case = make_case(owner=ana)
    case.warden_requests.all().delete()

    assert family.get(reverse("case_warden_request_pdf", args=[case.id])).status_code == 200
    for name in (
        "case_motion_pdf",
        "case_motion_now_pdf",
        "case_seal_motion_pdf",
        "case_seal_motion_now_pdf",
        "case_family_declaration_pdf",
    ):
        assert family.get(reverse(name, args=[case.id])).status_code == 404, name


def test_filing_sooner_on_some_grounds_is_motion_now_pdf(family, ana):
    """A ground the warden never saw: motion.pdf is 404, motion-now.pdf carries the rest."""
    case = make_case(owner=ana)
    CaseGround.objects.create(case=case, category="family_spouse_partner", facts="My wife.")

    assert family.get(reverse("case_motion_pdf", args=[case.id])).status_code == 404
    response = family.get(reverse("case_motion_now_pdf", args=[case.id]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="motion-now-doe-2026-11-29.pdf"'
    )
    text = _text(response.content)
    assert b"Terminal Illness" in text and b"Spouse" not in text
    seal = family.get(reverse("case_seal_motion_now_pdf", args=[case.id]))
    assert seal.status_code == 200


def test_a_family_member_gets_their_declaration_to_sign(family, ana):
    case = make_case(
        owner=ana,
        preparer_role="family",
        preparer_name="Ana Doe",
        preparer_relationship="daughter",
        household="Me and my two sons",
    )
    response = family.get(reverse("case_family_declaration_pdf", args=[case.id]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="family-declaration-doe-2026-11-29.pdf"'
    )
    assert b"Declaration of Ana Doe" in _text(response.content)
    motion = _text(family.get(reverse("case_motion_pdf", args=[case.id])).content)
    assert b"Me and my two sons" not in motion
    case.preparer_role = "self"
    case.save()
    assert family.get(reverse("case_family_declaration_pdf", args=[case.id])).status_code == 404


def test_there_are_no_drafts_for_a_sentence_this_law_does_not_cover(family, ana):
    case = make_case(owner=ana)
    case.sentencing_court = "state"
    case.save()

    for name in DRAFT_URLS:
        assert family.get(reverse(name, args=[case.id])).status_code == 404


@pytest.mark.parametrize("name", DRAFT_URLS)
def test_another_family_gets_404(case, name):
    other = Client()
    other.force_login(user("ben@example.com"))

    assert other.get(reverse(name, args=[case.id])).status_code == 404


@pytest.mark.parametrize("name", DRAFT_URLS)
def test_someone_not_logged_in_gets_404(case, name):
    assert Client().get(reverse(name, args=[case.id])).status_code == 404


def test_the_browser_that_started_a_case_downloads_it_and_no_other(client):
    client.post(reverse("case_start"))
    from intake.models import Case

    case = Case.objects.get()
    started = make_case()
    Case.objects.filter(pk=started.pk).update(session_key=case.session_key)

    assert client.get(reverse("case_motion_pdf", args=[started.id])).status_code == 200
    assert Client().get(reverse("case_motion_pdf", args=[started.id])).status_code == 404


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jane Q. Doe", "motion-doe-2026-11-29.pdf"),
        ("José Núñez Jr.", "motion-nunez-2026-11-29.pdf"),
        ('Ann "Bobby" O\'Brien-Smith', "motion-o-brien-smith-2026-11-29.pdf"),
        ("李", "motion-2026-11-29.pdf"),
        ("", "motion-2026-11-29.pdf"),
    ],
)
def test_the_filename_is_plain_ascii_with_the_last_name_and_the_day(name, expected):
    assert downloads.draft_filename("motion", name, AS_OF) == expected


def test_the_results_page_links_the_papers_and_says_who_signs_what(family, case):
    from intake.models import Case

    Case.objects.filter(pk=case.pk).update(finished_at="2026-11-29T12:00:00Z")

    page = family.get(reverse("case_results", args=[case.id])).content.decode()

    papers = page[page.index('id="drafts-title"') :]
    offered = ("case_warden_request_pdf", "case_motion_pdf", "case_seal_motion_pdf")
    for name in (*offered, "case_filing_packet", "case_documents"):
        assert reverse(name, args=[case.id]) in papers, name
    # Only what the screening allows: a ready case has no motion to file sooner.
    assert reverse("case_motion_now_pdf", args=[case.id]) not in papers
    assert "Only your loved one signs it" in papers
    assert "The person it speaks for signs it" in papers
    assert "You cannot sign or file it for them" in papers
    for reminder in offering.FILING_REMINDERS:
        assert reminder.replace("'", "&#x27;") in papers
    assert "initials" in papers and "no filing fee" in papers and "local rules" in papers


def test_with_no_motion_the_results_page_says_why_and_offers_no_packet(family, case):
    from intake.models import Case

    case.warden_requests.all().delete()
    Case.objects.filter(pk=case.pk).update(finished_at="2026-11-29T12:00:00Z")
    page = family.get(reverse("case_results", args=[case.id])).content.decode()
    papers = page[page.index('id="drafts-title"') :]
    assert reverse("case_warden_request_pdf", args=[case.id]) in papers
    assert reverse("case_motion_pdf", args=[case.id]) not in papers
    assert reverse("case_filing_packet", args=[case.id]) not in papers
    screening = screen(case.to_facts(AS_OF), AS_OF)
    assert screening.no_motion_reason
    assert escape(screening.no_motion_reason) in papers


def test_the_results_page_warns_not_to_sign_before_the_filing_date(family, case, monkeypatch):
    freeze_today(monkeypatch, AS_OF.replace(month=9, day=5))

    page = family.get(reverse("case_results", args=[case.id])).content.decode()

    assert "Do not sign, date or mail the motion before Monday, September 21, 2026" in page


def test_no_filing_packet_when_the_screening_allows_no_motion(family, ana):
    case = make_case(owner=ana)
    case.warden_requests.all().delete()

    assert family.get(reverse("case_filing_packet", args=[case.id])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_filing_packet_of_motion_now_is_named_so(family, ana):
    """A ground the warden never saw: the packet holds motion-now, on the matched grounds."""
    from tests.evidence.test_evidence_packet_builds import run_worker

    case = make_case(owner=ana)
    CaseGround.objects.create(case=case, category="family_spouse_partner", facts="My wife.")
    url = reverse("case_filing_packet", args=[case.id])
    family.get(url)
    run_worker()

    response = family.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="filing-packet-now-doe-2026-11-29.pdf"'
    )
    text = b"".join(response.streaming_content)
    assert b"Spouse" not in _text(text)
    assert b"Terminal Illness" in _text(text)


def test_the_family_sheet_downloads_beside_the_papers(family, case):
    response = family.get(reverse("case_read_me_first_pdf", args=[case.id]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="read-me-first-doe-2026-11-29.pdf"'
    )
