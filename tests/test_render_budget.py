"""One render's cost is bounded: a field holds at most MAX_LINES lines and a paper at most
`rendering.MAX_PAGES` pages, so a case with every long answer at its longest still drafts, and the
download of a longer paper is a plain page instead of a 500."""

from __future__ import annotations

import io

import pytest
from django.core.cache import cache
from pypdf import PdfReader

from eligibility.grounds import CATALOGUE
from intake.drafts import rendering
from intake.fields import MAX_LINES
from intake.models import Case, CaseGround, RequestGround
from intake.views.downloads import case_draft_response
from tests.case_helpers import freeze_today, post_step, start_case
from tests.evidence_files import make_case

pytestmark = pytest.mark.django_db

# The longest a long answer may be: 10,000 characters, as MAX_LINES short lines.
LONGEST = "\n".join(["word " * 9 + f"{n:4d}" for n in range(MAX_LINES)])[:10_000]
LONG_FIELDS = [f.name for f in Case._meta.get_fields() if f.get_internal_type() == "TextField"]


@pytest.fixture(autouse=True)
def isolated(settings, monkeypatch):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    freeze_today(monkeypatch)


def longest_case() -> Case:
    case = make_case()
    longest = dict.fromkeys(LONG_FIELDS, LONGEST)
    Case.objects.filter(pk=case.pk).update(**{**longest, "offense": LONGEST[:500]})
    case.refresh_from_db()
    case.grounds.all().delete()
    for info in CATALOGUE:
        if info.available:
            CaseGround.objects.create(
                case=case, category=info.id, facts=LONGEST, evidence_notes=LONGEST[:1000]
            )
    request = case.warden_requests.get()
    request.grounds.all().delete()
    for ground in case.grounds.all():
        RequestGround.objects.create(request=request, category=ground.category, facts=LONGEST)
    return case


def test_a_case_with_every_answer_at_its_longest_drafts_within_the_page_budget(rf):
    case = longest_case()

    response = case_draft_response(rf.get("/"), case, "motion")

    assert response.status_code == 200
    assert len(PdfReader(io.BytesIO(response.content)).pages) <= rendering.MAX_PAGES


def test_a_longer_paper_is_refused_with_a_plain_page(rf, settings, monkeypatch):
    monkeypatch.setattr(rendering, "MAX_PAGES", 1)
    case = make_case()

    response = case_draft_response(rf.get("/"), case, "motion")

    assert response.status_code == 422
    assert "This paper is too long" in response.content.decode()


def test_thousands_of_short_lines_are_refused_next_to_the_field_and_kept(client):
    case = start_case(client)
    lines = "x\n" * 5000

    response = post_step(client, case, "background", {"statement": lines, "work": "Kitchen"})

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Use at most {MAX_LINES} lines" in page
    assert "Kitchen" in page
    assert page.count("x\n") >= 5000
    case.refresh_from_db()
    assert case.statement == ""
