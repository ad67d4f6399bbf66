"""The interview in a real browser, on a phone and a desktop, with an axe scan of every page."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import AddressCheck
from tests.browser import interview as steps
from tests.browser.conftest import DESKTOP, PHONE
from tests.case_helpers import freeze_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a long pass phrase"


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


def start(page, axe_check) -> None:
    page.goto("/")
    axe_check(page)
    page.get_by_role("button", name="Start").click()


def test_it_takes_a_family_on_a_phone_to_the_date_they_can_file(new_page, axe_check):
    page = new_page(PHONE)
    start(page, axe_check)
    for fill in (steps.about_you, steps.screening, steps.person, steps.sentence):
        axe_check(page)
        fill(page)
    axe_check(page)
    steps.grounds(page)
    axe_check(page)  # with the reason's questions revealed
    steps.save_and_continue(page)
    steps.one_request(page, sent=date(2026, 9, 1), received=date(2026, 9, 1))
    axe_check(page)
    steps.release_plan_and_background(page)

    steps.expect_step(page, 10, "Check your answers", of=10)
    expect(page.get_by_text("Jane Q. Doe")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="See the results").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your loved one can file the motion now"
    )
    expect(page.locator(".filing-date")).to_contain_text("Friday, October 2, 2026")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    axe_check(page)


def test_it_takes_a_family_on_a_desktop_to_the_date_to_wait_for(new_page, axe_check):
    page = new_page(DESKTOP)
    start(page, axe_check)
    for fill in (steps.about_you, steps.screening, steps.person, steps.sentence, steps.grounds):
        fill(page)
    steps.save_and_continue(page)
    steps.one_request(page, sent=date(2026, 11, 2), received=date(2026, 11, 3))
    steps.release_plan_and_background(page)
    page.get_by_role("button", name="See the results").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your loved one can file on Friday, December 4, 2026"
    )
    expect(page.get_by_role("link", name="Add this date to your calendar")).to_be_visible()
    axe_check(page)


def test_it_resumes_on_another_browser_with_every_answer(new_page, axe_check):
    page = new_page(PHONE)
    start(page, axe_check)
    for fill in (steps.about_you, steps.screening, steps.person, steps.sentence):
        fill(page)
    steps.grounds(page, facts="Typed on step 5 before stopping.")
    page.get_by_role("button", name="Save and come back later").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your answers are saved")
    axe_check(page)
    page.get_by_label("Email address").fill("ana@example.com")
    page.get_by_label("Choose a password").fill(PASSWORD)
    page.get_by_label("Type the password again").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Now log in with your email address and password")).to_be_visible()
    page.get_by_label("Email address").fill("ana@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are these cases yours?")
    axe_check(page)
    page.get_by_role("button", name="Yes, they are mine: add them").click()
    steps.expect_step(page, 5, "The reasons for release")
    page.get_by_role("button", name="Log out").click()
    # Another browser may log in once the address is confirmed (tests/test_account_email.py).
    AddressCheck.objects.update(confirmed_at=timezone.now())

    elsewhere = new_page(DESKTOP)
    elsewhere.goto("/accounts/login/")
    axe_check(elsewhere)
    elsewhere.get_by_label("Email address").fill("ana@example.com")
    elsewhere.get_by_label("Password").fill(PASSWORD)
    elsewhere.get_by_role("button", name="Log in").click()
    expect(elsewhere.get_by_text("Step 5 of 9: The reasons for release")).to_be_visible()
    axe_check(elsewhere)
    elsewhere.get_by_role("link", name="Continue").click()

    steps.expect_step(elsewhere, 5, "The reasons for release")
    expect(elsewhere.get_by_label("A terminal illness")).to_be_checked()
    expect(elsewhere.get_by_label("What is happening?").first).to_have_value(
        "Typed on step 5 before stopping."
    )
    elsewhere.get_by_role("button", name="Back", exact=True).click()
    steps.expect_step(elsewhere, 4, "The sentence")
    expect(elsewhere.get_by_label("The criminal case number")).to_have_value("1:10-cr-00123-ABC")
    elsewhere.get_by_role("button", name="Back", exact=True).click()
    expect(elsewhere.get_by_label("Their BOP register number")).to_have_value("12345-678")


def test_it_passes_axe_on_the_other_pages(new_page, axe_check):
    page = new_page(PHONE)
    start(page, axe_check)
    steps.save_and_continue(page)  # nothing chosen: the error summary
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    axe_check(page)
    steps.about_you(page)
    steps.choose(page, "Which court gave the sentence?", "Not sure")
    steps.save_and_continue(page)  # other answers missing
    axe_check(page)
    for legend in (
        "Where is your loved one now?",
        "Did the crime end before November 1, 1987?",
        "Is an appeal of the conviction",
        "serving sentences from more than one federal court",
        "breaking the rules of supervised release",
        "asked the court for compassionate release before",
    ):
        steps.choose(page, legend, "Not sure")
    steps.save_and_continue(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("How to find out")
    axe_check(page)
    page.get_by_role("link", name="Change my answers").click()
    steps.choose(page, "Which court gave the sentence?", "A state court")
    steps.save_and_continue(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("not open to your loved one")
    axe_check(page)
    page.goto("/accounts/signup/")
    axe_check(page)
