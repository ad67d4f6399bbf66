"""Every step fits a 320-pixel-wide screen, which is also what a 1280-pixel window shows at
400% zoom (WCAG 2.1, 1.4.10), as a family fills the interview in on it: nothing scrolls
sideways, sticks out or is cut off, and the main button can be pressed
(tests/browser/layout.py). Every family page, in both languages and also at 200% zoom, is
checked the same way in test_zoom.py."""

from __future__ import annotations

from datetime import date

import pytest

from tests.browser import interview as steps
from tests.browser.layout import layout_problems
from tests.case_helpers import freeze_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NARROW = {"width": 320, "height": 640}


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


def fits(page) -> None:
    problems = layout_problems(page)
    assert problems == [], f"{page.url} at 320 pixels: {problems}"


def test_every_step_fits_320_pixels_as_a_family_fills_it_in(new_page):
    page = new_page(NARROW)
    page.goto("/")
    fits(page)
    page.get_by_role("button", name="Start").click()
    for fill in (steps.about_you, steps.screening, steps.person, steps.sentence, steps.grounds):
        fits(page)
        fill(page)
    fits(page)
    steps.save_and_continue(page)
    fits(page)
    steps.requests_sent(page)
    fits(page)  # the request's details: dates, a list of prisons, the reasons again
    steps.request_details(page, sent=date(2026, 9, 1), received=date(2026, 9, 1))
    fits(page)
    steps.release_plan_and_background(page)
    fits(page)
    page.get_by_role("button", name="See the results").click()
    fits(page)
