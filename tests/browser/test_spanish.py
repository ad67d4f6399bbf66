"""The pages in Spanish in a real browser: the switch, an error state, and an axe scan of each."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.case_helpers import freeze_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


def test_a_spanish_browser_gets_spanish_on_its_first_visit(new_page, axe_check):
    page = new_page(PHONE)
    page.set_extra_http_headers({"Accept-Language": "es-MX,es;q=0.9"})
    page.goto("/")

    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ayude a un ser querido")
    axe_check(page)


def test_a_family_switches_to_spanish_and_meets_an_error_in_spanish(new_page, axe_check):
    page = new_page(DESKTOP)
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("button", name="Español").click()

    expect(page.locator("html")).to_have_attribute("lang", "es")
    axe_check(page)
    page.get_by_role("button", name="Empezar").click()

    expect(page.locator(".progress")).to_contain_text("Paso 1 de 9")
    axe_check(page)
    page.get_by_role("button", name="Guardar y continuar").click()  # nothing chosen

    expect(page.get_by_role("heading", name="Hay un problema")).to_be_visible()
    expect(page.get_by_role("link", name="Elija quién está llenando esto")).to_be_visible()
    axe_check(page)
    page.get_by_role("group", name="¿Quién está llenando esto?").get_by_label(
        "Un familiar o amigo", exact=True
    ).check()
    page.get_by_label("Su nombre completo").fill("Ana Doe")
    page.get_by_role("button", name="Guardar y continuar").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Cómo están las cosas")
    axe_check(page)

    page.goto("/accounts/login/")
    page.get_by_role("button", name="Iniciar sesión").last.click()  # nothing typed
    expect(page.get_by_role("heading", name="Hay un problema")).to_be_visible()
    axe_check(page)

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")


def test_every_interview_page_passes_axe_in_spanish_with_and_without_errors(new_page, axe_check):
    """The interview filled in English, then every step, its error state and the results
    visited again in Spanish, each scanned."""
    from datetime import date

    from tests.browser import interview as steps

    page = new_page(DESKTOP)
    page.goto("/")
    page.get_by_role("button", name="Start").click()
    for fill in (steps.about_you, steps.screening, steps.person, steps.sentence, steps.grounds):
        fill(page)
    steps.save_and_continue(page)
    steps.one_request(page, sent=date(2026, 9, 1), received=date(2026, 9, 1))
    steps.release_plan_and_background(page)
    case_url = page.url.split("/step/")[0]

    page.get_by_role("button", name="Español").click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    for step in (
        "about_you",
        "screening",
        "person",
        "sentence",
        "grounds",
        "requests",
        "request_details",
        "release_plan",
        "background",
        "review",
    ):
        page.goto(f"{case_url}/step/{step}/")
        expect(page.locator(".progress")).to_contain_text("de 10")
        axe_check(page)
    page.goto(f"{case_url}/step/person/")
    page.get_by_label("Su nombre completo", exact=False).first.fill("")
    page.get_by_role("button", name="Guardar y continuar").click()
    expect(page.get_by_role("heading", name="Hay un problema")).to_be_visible()
    axe_check(page)
    page.goto(f"{case_url}/results/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    axe_check(page)
