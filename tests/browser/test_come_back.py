"""Start on a phone without an account, ask for a link by email (through a real SMTP server),
open it on a desktop and finish there."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser import interview as steps
from tests.browser.conftest import DESKTOP, PHONE
from tests.case_helpers import freeze_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


def test_a_family_starts_on_a_phone_and_finishes_on_a_desktop(new_page, axe_check, smtp_server):
    phone = new_page(PHONE)
    phone.goto("/")
    phone.get_by_role("button", name="Start").click()
    for fill in (steps.about_you, steps.screening, steps.person, steps.sentence):
        fill(phone)
    steps.expect_step(phone, 5, "The reasons for release")
    phone.get_by_label("Your email address").fill("ana@example.com")
    phone.get_by_role("button", name="Email me a link").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Check your email")
    axe_check(phone)

    [message] = smtp_server.inbox.to("ana@example.com")
    link = re.search(r"https?://\S+/back/\S+/", message.get_body().get_content())[0]
    desktop = new_page(DESKTOP)
    desktop.goto(link)
    axe_check(desktop)
    desktop.get_by_role("button", name="Open my case").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Your case is open")
    axe_check(desktop)
    desktop.get_by_role("link", name="Carry on now").click()

    steps.expect_step(desktop, 5, "The reasons for release")
    steps.grounds(desktop)
    steps.save_and_continue(desktop)
    steps.one_request(desktop, sent=date(2026, 9, 1), received=date(2026, 9, 1))
    steps.release_plan_and_background(desktop)
    desktop.get_by_role("button", name="See the results").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text(
        "Your loved one can file the motion now"
    )
    axe_check(desktop)

    # The link worked once: opened again, it opens nothing.
    again = new_page(DESKTOP)
    again.goto(link)
    again.get_by_role("button", name="Open my case").click()
    expect(again.get_by_role("heading", level=1)).to_have_text("This link does not work any more")
