"""Playwright driving Debian's Chromium against pytest-django's live server.

Chromium comes from the system (`apt-get install chromium`), never from `playwright install`.
Without it the browser tests are skipped on a developer's machine, but fail under CI, so a
missing install can never pass quietly.
"""

import functools
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must install it: see .ci/run)")
    pytest.skip(reason)


# Module scope, not package: `make test` keeps the tests sharing a fixture on one worker of
# `pytest -n` (tests/conftest.py), and a browser per module lets the modules spread over the
# workers; a launch costs about a second.
@pytest.fixture(scope="module", autouse=True)
def allow_database_calls_beside_playwright():
    """Playwright's sync API runs an event loop in the main thread, where the tests also use the
    database; Django refuses that unless told. Only for this package's modules, so that nothing
    after them (a `manage.py check --deploy` subprocess, say) inherits the setting."""
    key = "DJANGO_ALLOW_ASYNC_UNSAFE"
    previous = os.environ.get(key)
    os.environ[key] = "true"
    yield
    if previous is None:
        os.environ.pop(key, None)
    else:
        os.environ[key] = previous


@pytest.fixture(scope="module")
def browser(allow_database_calls_beside_playwright):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed")
    executable = shutil.which("chromium")
    if executable is None:
        _missing("Debian's chromium is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """new_page(viewport) -> a page in a fresh browser context (its own cookies).

    language="es" sets the language switch's cookie; user=... signs that account in (a session
    made by the test client, much faster than the log-in form); scale=2 makes each CSS pixel
    two screen pixels, as a browser zoomed to 200% does.
    """
    contexts = []

    def make(viewport=DESKTOP, *, language=None, user=None, scale=None):
        options = {"device_scale_factor": scale} if scale else {}
        context = browser.new_context(viewport=viewport, base_url=live_server.url, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        cookies = []
        if language:
            cookies.append({"name": settings.LANGUAGE_COOKIE_NAME, "value": language})
        if user is not None:
            client = Client()
            client.force_login(user)
            key = client.cookies[settings.SESSION_COOKIE_NAME].value
            cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": key})
        if cookies:
            context.add_cookies([dict(cookie, url=live_server.url) for cookie in cookies])
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def axe_violations(page) -> list[dict]:
    """What the WCAG 2.0 and 2.1 A and AA rules of axe-core find on the page."""
    # evaluate() is not an inline <script>, so the site's Content-Security-Policy stays on.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    return page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: "tag",
                values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
            return r.violations.map(v => ({id: v.id, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}));
        }"""
    )


@functools.cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def axe_check():
    """axe_check(page): the WCAG 2.1 A and AA rules of axe-core find nothing on the page."""

    def check(page):
        result = axe_violations(page)
        assert result == [], f"axe found problems on {page.url}: {result}"

    return check
