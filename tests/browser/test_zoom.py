"""Every family page reflows, in English and in Spanish (WCAG 2.1, 1.4.4 and 1.4.10): in a
1280×800 window zoomed to 200% (640×400 CSS pixels, two screen pixels each), on a 320-pixel
screen, and in the 1280×800 window with only the text twice as big.

On every step of the interview (and each step sent back with its errors), the results and the
other family pages, nothing may scroll sideways, stick out of the window or be cut off, and
the page's main button must be in view and not covered (tests/browser/layout.py).
"""

from __future__ import annotations

import pytest

from tests.browser import family as families
from tests.browser.layout import (
    WINDOWS,
    ZOOMED,
    Check,
    visit_every_family_page,
    visit_the_pages_before_logging_in,
)
from tests.case_helpers import freeze_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_family_page_reflows_at_200_percent_zoom_320_pixels_and_200_percent_text(
    new_page, language
):
    family = families.family()
    check = Check(*WINDOWS)
    _, size, _ = ZOOMED
    page = new_page(size, language=language, user=family.user, scale=2)
    assert page.evaluate("devicePixelRatio") == 2
    visit_every_family_page(page, family, language, check)
    visit_the_pages_before_logging_in(new_page(size, language=language, scale=2), language, check)
    assert check.checked >= 3 * 30
    assert check.problems == {}, f"in {language}: {check.problems}"
