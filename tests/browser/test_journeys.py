"""Whole journeys in a real browser, from the home page to the papers downloaded and read back
as text: a family on a phone and on a desktop, a state prisoner (in Spanish and in English), a
request that never raised the new illness, and a denial before the 30 days passed."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser import interview as steps
from tests.browser.conftest import DESKTOP, PHONE
from tests.case_helpers import freeze_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MOTION = "The motion for the court"
MOTION_NOW = "The motion to file now, on some reasons only"
WARDEN_REQUEST = "The request to the warden"
READ_ME_FIRST = "Read me first: how to sign and mail the papers"
CANCER = "Metastatic lung cancer, spread to the bones and the liver. Months to live."


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)  # Sunday, November 29, 2026


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def interview(page, *, grounds=((steps.TERMINAL, CANCER),), **request) -> None:
    """From the home page through step 9 and on to the results: a mother whose son is at FCI
    Butner Medium I, sentenced in the Southern District of New York; one request to the warden,
    received on a date a staff-stamped copy shows."""
    page.goto("/")
    page.get_by_role("button", name="Start").click()
    steps.about_you(page, name="Maria Doe", relationship="mother")
    steps.screening(page)
    steps.person(page, name="James Doe")
    steps.sentence(page)
    steps.expect_step(page, 5, "The reasons for release")
    for ground in grounds:
        steps.ground(page, *ground)
    steps.save_and_continue(page)
    steps.one_request(page, sent=request["received"], **request)
    steps.release_plan_and_background(page)
    steps.expect_step(page, 10, "Check your answers", of=10)
    page.get_by_role("button", name="See the results").click()


def read_me_first(page, axe_check) -> str:
    """The family's sheet from the results page: its page passes axe; its PDF's text."""
    page.get_by_role("link", name=READ_ME_FIRST).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(READ_ME_FIRST)
    axe_check(page)
    name, text = steps.download(page, "Download this page to print")
    assert name == "read-me-first-doe-2026-11-29.pdf"
    return text


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_mother_files_for_her_son_with_cancer_at_butner(new_page, axe_check, viewport):
    page = new_page(viewport)
    interview(page, received=date(2026, 9, 1))

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your loved one can file the motion now"
    )
    expect(page.locator(".filing-date")).to_contain_text("Friday, October 2, 2026")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    axe_check(page)
    expect(page.get_by_role("link", name=MOTION_NOW)).to_have_count(0)

    name, motion = steps.download(page, MOTION)
    assert name == "motion-doe-2026-11-29.pdf"
    assert "SOUTHERN DISTRICT OF NEW YORK" in motion.upper()
    assert "Terminal Illness" in motion and "James Doe" in motion
    assert "Butner" in motion
    name, letter = steps.download(page, WARDEN_REQUEST)
    assert name == "warden-request-doe-2026-11-29.pdf"
    assert "Butner" in letter and "James Doe" in letter
    sheet = read_me_first(page, axe_check)
    assert "Read me first" in sheet


@pytest.mark.parametrize(
    "language, viewport", [("es", PHONE), ("en", DESKTOP)], ids=["spanish-phone", "desktop"]
)
def test_a_state_prisoner_is_told_at_once_about_the_state_s_own_law(
    new_page, axe_check, language, viewport
):
    words = {
        "es": {
            "start": "Empezar",
            "who": "¿Quién está llenando esto?",
            "family": "Un familiar o amigo",
            "name": "Su nombre completo",
            "save": "Guardar y continuar",
            "where": "¿Dónde está su ser querido ahora?",
            "state": "En una prisión estatal o una cárcel del condado (una sentencia estatal)",
            "instead": "Lo que puede hacer en su lugar",
            "law": "La mayoría de los estados tienen su propia ley",
        },
        "en": {
            "start": "Start",
            "who": "Who is filling this in?",
            "family": "A family member or friend",
            "name": "Your full name",
            "save": "Save and continue",
            "where": "Where is your loved one now?",
            "state": "In a state prison or county jail (a state sentence)",
            "instead": "What you can do instead",
            "law": "Most states have their own law",
        },
    }[language]
    page = new_page(viewport, language=language)
    page.goto("/")
    page.get_by_role("button", name=words["start"]).click()
    steps.choose(page, words["who"], words["family"])
    page.get_by_label(words["name"]).fill("Maria Doe")
    page.get_by_role("button", name=words["save"]).click()
    steps.choose(page, words["where"], words["state"])
    page.get_by_role("button", name=words["save"]).click()

    expect(page).to_have_url(re.compile(r"/not-eligible/$"))
    expect(page.get_by_role("heading", name=words["instead"])).to_be_visible()
    expect(page.get_by_text(words["law"])).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    axe_check(page)
    # No papers at all: not on the page, and not at their addresses.
    case = page.url.removesuffix("not-eligible/")
    expect(page.locator("a[download]")).to_have_count(0)
    for paper in ("motion.pdf", "motion-now.pdf", "warden-request.pdf", "read-me-first.pdf"):
        assert page.request.get(case + paper).status == 404, paper


def test_a_request_that_never_raised_the_new_illness(new_page, axe_check):
    page = new_page(DESKTOP)
    wife = "His wife had a stroke and cannot care for herself. He is her only caregiver."
    interview(
        page,
        grounds=((steps.TERMINAL, CANCER), (steps.SPOUSE, wife, "A doctor's letter")),
        received=date(2026, 9, 1),
        ground=steps.SPOUSE,
    )

    reason = page.locator(".finding").filter(has_text="The warden never saw this reason")
    expect(reason).to_contain_text('"A terminal illness"')
    expect(reason).to_contain_text("send the warden a new request today that lists this reason")
    expect(reason).to_contain_text("Two:")
    expect(page.locator(".filing-sooner")).to_contain_text(steps.SPOUSE)
    axe_check(page)
    expect(page.get_by_role("link", name=MOTION, exact=True)).to_have_count(0)

    name, motion = steps.download(page, MOTION_NOW)
    assert name == "motion-now-doe-2026-11-29.pdf"
    assert "SOUTHERN DISTRICT OF NEW YORK" in motion.upper()
    assert "Spouse" in motion and "Terminal Illness" not in motion
    _, letter = steps.download(page, WARDEN_REQUEST)
    assert "cancer" in letter.lower()
    assert "Read me first" in read_me_first(page, axe_check)


def test_a_denial_on_day_10_leaves_the_date_at_receipt_plus_31(new_page, axe_check):
    page = new_page(PHONE)
    interview(page, received=date(2026, 11, 1), denied_on=date(2026, 11, 11))

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your loved one can file on Wednesday, December 2, 2026"
    )
    early = page.locator(".finding").filter(has_text="before 30 days had passed")
    expect(early).to_contain_text("the earliest date is still Wednesday, December 2, 2026")
    expect(early).to_contain_text("(form BP-9) by Tuesday, December 1, 2026")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    axe_check(page)

    expect(page.locator("#drafts")).to_contain_text(
        "Do not sign, date or mail the motion before Wednesday, December 2, 2026."
    )
    _, motion = steps.download(page, MOTION)
    assert "SOUTHERN DISTRICT OF NEW YORK" in motion.upper()
    assert "Terminal Illness" in motion
    assert "Read me first" in read_me_first(page, axe_check)
