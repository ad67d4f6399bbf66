"""The filing packet's progress page in a real browser: its script follows the worker without a
reload and says when the packet is ready, and a packet that failed is explained in a page that
passes axe, in English and in Spanish."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from evidence.models import PacketBuild
from tests.browser import family as families
from tests.browser.conftest import DESKTOP, axe_violations
from tests.case_helpers import freeze_today
from tests.evidence.test_evidence_packet_builds import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def test_the_page_follows_the_worker_and_says_when_the_packet_is_ready(new_page):
    family = families.family()
    page = new_page(DESKTOP, user=family.user)
    page.goto(family.case_pages()["filing packet, being put together"])
    expect(page.get_by_role("heading", level=1)).to_have_text("We are putting your packet together")
    expect(page.get_by_role("status")).to_have_text("Waiting to start.")

    run_worker()

    expect(page.get_by_role("status")).to_have_text("Your packet is ready.", timeout=15_000)
    expect(page.locator("#packet-progress")).to_have_attribute("value", "100")
    link = page.get_by_role("link", name="Download the filing packet")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "filing-packet-doe-2026-11-29.pdf"


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_packet_that_failed_is_explained_in_a_page_axe_passes(new_page, language):
    family = families.family()
    url = family.case_pages()["filing packet, being put together"]
    page = new_page(DESKTOP, language=language, user=family.user)
    page.goto(url)
    PacketBuild.objects.update(status=PacketBuild.Status.FAILED)

    page.reload()

    try_again = {"en": "Try again", "es": "Intentar de nuevo"}[language]
    expect(page.get_by_role("button", name=try_again)).to_be_visible()
    expect(page.get_by_role("alert")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name=try_again).click()
    expect(page.get_by_role("status")).to_be_visible()
    assert PacketBuild.objects.get().status == PacketBuild.Status.QUEUED
