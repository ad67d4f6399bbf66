"""Playwright driving Debian's Chromium against pytest-django's live server.

Chromium comes from the system (`apt-get install chromium`), never from `playwright install`.
Without it the browser tests are skipped on a developer's machine, but fail under CI, so a
missing install can never pass quietly.
"""

import os
import shutil
from pathlib import Path

import pytest

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


@pytest.fixture(scope="package", autouse=True)
def allow_database_calls_beside_playwright():
    """Playwright's sync API runs an event loop in the main thread, where the tests also use the
    database; Django refuses that unless told. Only for this package, so that nothing after it
    (a `manage.py check --deploy` subprocess, say) inherits the setting."""
    key = "DJANGO_ALLOW_ASYNC_UNSAFE"
    previous = os.environ.get(key)
    os.environ[key] = "true"
    yield
    if previous is None:
        os.environ.pop(key, None)
    else:
        os.environ[key] = previous


@pytest.fixture(scope="package")
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
    """new_page(viewport) -> a page in a fresh browser context (its own cookies)."""
    contexts = []

    def make(viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, base_url=live_server.url)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def axe_check():
    """axe_check(page): the WCAG 2 A and AA rules of axe-core find nothing on the page."""
    source = AXE.read_text(encoding="utf-8")

    def check(page):
        # evaluate() is not an inline <script>, so the site's Content-Security-Policy stays on.
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.evaluate(source)
        result = page.evaluate(
            """async () => {
                const r = await axe.run(document, {runOnly: {type: "tag",
                                                   values: ["wcag2a", "wcag2aa"]}});
                return r.violations.map(v => ({id: v.id, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}));
            }"""
        )
        assert result == [], f"axe found problems on {page.url}: {result}"

    return check
