"""The whole interview with the keyboard alone (issue: accessibility).

Every action the interview helpers take (fill, check, choose from a list, press a button) is
done here with keys only: Tab to reach a control, arrow keys inside a group of radio buttons
or a list, Space to tick, Enter to press a button. A control that cannot be reached with Tab
fails the test. Each focused control must also show a visible focus ring.
"""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Locator, expect

from tests.browser import interview as steps
from tests.browser.conftest import DESKTOP
from tests.case_helpers import freeze_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MAX_PRESSES = 400

IS_FOCUSED = "el => el === document.activeElement"
FOCUS_RING = """el => {
  const style = getComputedStyle(el);
  return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
    || style.boxShadow !== 'none';
}"""


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


def reach(locator: Locator, *, same_group: bool = False) -> None:
    """Press Tab until the control has the focus (or, for a radio, its group has it)."""
    page = locator.page
    target = locator.element_handle()
    name = target.get_attribute("name")
    for _ in range(MAX_PRESSES):
        if target.evaluate(IS_FOCUSED):
            break
        if same_group and page.evaluate(
            "n => document.activeElement && document.activeElement.name === n", name
        ):
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError(f"could not reach {name or locator} with the Tab key")
    assert page.evaluate(f"({FOCUS_RING})(document.activeElement)"), "no visible focus ring"


def keyboard_fill(self: Locator, value: str, **_kwargs) -> None:
    reach(self)
    self.page.keyboard.press("Control+A")
    self.page.keyboard.press("Delete")
    self.page.keyboard.type(value)


def keyboard_check(self: Locator, **_kwargs) -> None:
    target = self.element_handle()
    if target.get_attribute("type") == "radio":
        reach(self, same_group=True)
        for _ in range(20):
            if target.evaluate(IS_FOCUSED):
                break
            self.page.keyboard.press("ArrowDown")
        else:
            raise AssertionError("could not reach the radio button with the arrow keys")
    else:
        reach(self)
    if not target.is_checked():
        self.page.keyboard.press("Space")
    assert target.is_checked()


def keyboard_select(self: Locator, value: str, **_kwargs) -> list[str]:
    reach(self)
    target = self.element_handle()
    for key in ("Home", *["ArrowDown"] * MAX_PRESSES):
        if target.evaluate("el => el.value") == value:
            return [value]
        self.page.keyboard.press(key)
    raise AssertionError(f"could not choose {value!r} with the arrow keys")


def keyboard_click(self: Locator, **_kwargs) -> None:
    reach(self)
    self.page.keyboard.press("Enter")


@pytest.fixture
def keyboard_only(monkeypatch):
    monkeypatch.setattr(Locator, "fill", keyboard_fill)
    monkeypatch.setattr(Locator, "check", keyboard_check)
    monkeypatch.setattr(Locator, "select_option", keyboard_select)
    monkeypatch.setattr(Locator, "click", keyboard_click)


def test_a_family_completes_the_interview_with_the_keyboard_alone(new_page, keyboard_only):
    page = new_page(DESKTOP)
    page.goto("/")
    page.get_by_role("button", name="Start").click()
    for fill in (steps.about_you, steps.screening, steps.person, steps.sentence, steps.grounds):
        fill(page)
    steps.save_and_continue(page)
    steps.one_request(page, sent=date(2026, 9, 1), received=date(2026, 9, 1))
    steps.release_plan_and_background(page)
    steps.expect_step(page, 10, "Check your answers", of=10)
    page.get_by_role("button", name="See the results").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your loved one can file the motion now"
    )
    expect(page.locator(".filing-date")).to_contain_text("Friday, October 2, 2026")
