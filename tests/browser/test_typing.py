"""Typing in the interview in a real browser: a long answer's live count, and the language
switch that keeps what was typed."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import interview as steps
from tests.browser.conftest import PHONE
from tests.case_helpers import freeze_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


def start_at_the_release_plan(page) -> str:
    page.goto("/")
    page.get_by_role("button", name="Start").click()
    case_url = page.url.split("/step/")[0]
    page.goto(f"{case_url}/step/release_plan/")
    return case_url


def test_a_long_answer_counts_its_characters_and_pasted_text_is_not_cut(new_page, axe_check):
    page = new_page(PHONE)
    start_at_the_release_plan(page)
    box = page.get_by_label("Where would they live?")

    expect(page.locator("#id_release_plan-residence_count")).to_have_text("0 of 10,000 characters")
    box.fill("With her daughter")
    expect(page.locator("#id_release_plan-residence_count")).to_have_text("17 of 10,000 characters")
    box.fill("x" * 10_005)
    expect(box).to_have_value("x" * 10_005)
    expect(page.locator("#id_release_plan-residence_count")).to_have_text(
        "5 characters too many: make it shorter before you save"
    )
    axe_check(page)
    steps.save_and_continue(page)
    expect(page.get_by_text("This is 10,005 characters long").first).to_be_visible()
    expect(page.get_by_label("Where would they live?")).to_have_value("x" * 10_005)


def test_switching_to_spanish_keeps_what_was_typed(new_page, axe_check):
    page = new_page(PHONE)
    start_at_the_release_plan(page)
    page.get_by_label("Where would they live?").fill("Con su hija en Queens")

    page.get_by_role("button", name="Español").click()

    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("textarea[name='release_plan-residence']")).to_have_value(
        "Con su hija en Queens"
    )
    expect(page.locator("#id_release_plan-residence_count")).to_contain_text("de 10.000 caracteres")
    axe_check(page)


def test_the_motions_words_are_previewed_as_they_are_typed(new_page, axe_check):
    page = new_page(PHONE)
    case_url = start_at_the_release_plan(page)
    page.goto(f"{case_url}/step/background/")
    preview = page.locator("#id_background-work_preview")

    expect(preview).to_be_hidden()
    page.get_by_label("Jobs held in prison").fill("I work in the  kitchen\nevery day.")

    expect(preview).to_have_text("In the motion: \u201cI work in the kitchen every day.\u201d")
    axe_check(page)
