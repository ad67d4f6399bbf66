"""Every interview page fits a 320-pixel-wide screen, which is also what a 1280-pixel window
shows at 400% zoom (and a 640-pixel one at 200%): nothing scrolls sideways."""

from __future__ import annotations

from datetime import date

import pytest

from tests.browser import interview as steps
from tests.case_helpers import freeze_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NARROW = {"width": 320, "height": 640}


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


def fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"{page.url} is {width} pixels wide"


def test_every_step_fits_320_pixels(new_page):
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
    steps.one_request(page, sent=date(2026, 9, 1), received=date(2026, 9, 1))
    fits(page)
    steps.release_plan_and_background(page)
    fits(page)
    page.get_by_role("button", name="See the results").click()
    fits(page)
