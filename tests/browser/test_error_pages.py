"""The pages a family sees when something fails (tests/test_error_pages.py checks their words)
pass an axe scan and fit a phone, in English and in Spanish: a bug (500), a request that could
not be used (400), a page that is not theirs (403), and a form sent after its security cookie
was lost (CSRF)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from tests.browser.conftest import PHONE, axe_violations
from tests.browser.layout import layout_problems

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.error_urls"),
]
HEADINGS = {
    "/fails/server/": ("Something went wrong", "Algo salió mal"),
    "/fails/bad-request/": ("We could not use that", "No pudimos usar eso"),
    "/fails/forbidden/": ("You cannot open this page", "No puede abrir esta página"),
}
SEND_AGAIN = ("Please send the page again", "Por favor, envíe la página otra vez")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_error_pages_pass_axe_and_fit_a_phone(new_page, language):
    page = new_page(PHONE, language=language)
    found = {}
    for path, (english, spanish) in HEADINGS.items():
        page.goto(path)
        heading = page.get_by_role("heading", level=1).inner_text()
        assert heading == (spanish if language == "es" else english), path
        found[path] = axe_violations(page) + layout_problems(page, button=False)

    # A log-in form sent after the browser lost its cookies (the security token with them).
    page.goto(reverse("login"))
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": page.url}]
    )
    page.locator("main form button[type=submit]").click()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == (SEND_AGAIN[1] if language == "es" else SEND_AGAIN[0])
    found["csrf"] = axe_violations(page) + layout_problems(page, button=False)

    assert all(v == [] for v in found.values()), found
