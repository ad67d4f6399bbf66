"""Whether a page reflows (WCAG 2.1, 1.4.4 and 1.4.10): at 200% zoom, on a 320-pixel screen or
with the text twice as big, nothing scrolls sideways, nothing sticks out of the window or is cut
off inside its box, and the page's main button can be reached and pressed."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.family import steps_sent_back_with_errors

PROBLEM = {"en": "There is a problem", "es": "Hay un problema"}
LOG_IN = {"en": "Log in", "es": "Iniciar sesión"}

# Each problem as a sentence; at most a few of each kind, so a message stays readable.
PROBLEMS = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const problems = [];
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.classList.length ? '.' + [...el.classList].join('.') : '')
    + (el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : '');
  if (root.scrollWidth > width) {
    problems.push(`the page scrolls sideways: ${root.scrollWidth} pixels wide in ${width}`);
  }
  // A box that scrolls sideways by itself (a data table's, allowed by 1.4.10) is checked, not
  // what it holds.
  const all = [...document.body.querySelectorAll('*')];
  const scrollers = all.filter(el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX));
  for (const el of all) {
    if (el.closest('.visually-hidden, .skip-link, script, style, option, optgroup')) continue;
    if (scrollers.some(box => box !== el && box.contains(el))) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.left < -0.5 || box.right > width + 0.5) {
      problems.push(`${name(el)} sticks out: ${Math.round(box.left)} to ${Math.round(box.right)}`
        + ` in ${width}`);
    }
    const clips = ['hidden', 'clip'].includes(style.overflowX);
    if (clips && !el.matches('input, textarea, select') && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${name(el)} cuts off its content: ${el.scrollWidth} in ${el.clientWidth}`);
    }
    if (problems.length >= 8) break;
  }
  return problems;
}"""

PRIMARY_BUTTON = """() => {
  const button = [...document.querySelectorAll('main .button')]
    .find(el => getComputedStyle(el).display !== 'none' && el.getClientRects().length);
  if (!button) return null;
  button.scrollIntoView({block: 'center', inline: 'nearest'});
  const box = button.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const hit = document.elementFromPoint(x, y);
  const problems = [];
  if (box.left < 0 || box.right > document.documentElement.clientWidth) {
    problems.push(`"${button.textContent.trim()}" is not all in the window`);
  }
  if (!hit || !(hit === button || button.contains(hit))) {
    problems.push(`"${button.textContent.trim()}" is covered by ${hit && hit.tagName}`);
  }
  return problems;
}"""


def layout_problems(page, *, button: bool = True) -> list[str]:
    """What is wrong with the page's layout in its window, as sentences ([] when nothing)."""
    problems = page.evaluate(PROBLEMS)
    if button:
        problems += page.evaluate(PRIMARY_BUTTON) or []
    return problems


# (how the window is described, its size in CSS pixels, whether the text is twice as big)
# A 1280×800 window zoomed to 200% lays a page out in 640×400 CSS pixels (each drawn with
# two screen pixels: open its page with scale=2); a 320-pixel screen is also what that window
# shows at 400%; a browser's font size set to 200% makes the root font, which every rem-based
# size here follows, 32 pixels.
ZOOMED = ("at 200% zoom", {"width": 640, "height": 400}, False)
NARROW = ("at 320 pixels", {"width": 320, "height": 640}, False)
BIG_TEXT = ("with 200% text", {"width": 1280, "height": 800}, True)
WINDOWS = (ZOOMED, NARROW, BIG_TEXT)
TEXT_SIZE = "size => { document.documentElement.style.fontSize = size; }"


class Check:
    """Checks the layout of each page it is given in each window, keeping the problems to
    report them all. The page is loaded once, then resized: a page lays itself out again for
    each size, as it does when a window is resized or zoomed."""

    def __init__(self, *windows):
        self.windows = windows or WINDOWS
        self.problems: dict[str, list[str]] = {}
        self.checked = 0

    def __call__(self, page, name: str) -> None:
        for label, size, big_text in self.windows:
            page.set_viewport_size(size)
            if big_text:
                page.evaluate(TEXT_SIZE, "200%")
                assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == (
                    "32px"
                )
            found = layout_problems(page)
            if big_text:
                page.evaluate(TEXT_SIZE, "")
            if found:
                self.problems[f"{name} {label} ({page.url})"] = found
            self.checked += 1


def visit_every_family_page(page, family, language: str, check: Check) -> None:
    """Every step of the interview, each with its errors too, and the account's other pages."""
    for name, url in {**family.step_pages(), **family.case_pages()}.items():
        page.goto(url)
        expect(page.locator("html")).to_have_attribute("lang", language)
        check(page, name)
    for step in steps_sent_back_with_errors(page, family, language):
        check(page, f"{step} with errors")


def visit_the_pages_before_logging_in(page, language: str, check: Check) -> None:
    for url in ("/", "/accounts/login/", "/accounts/signup/"):
        page.goto(url)
        expect(page.locator("html")).to_have_attribute("lang", language)
        check(page, url)
    create = {"en": "Create account", "es": "Crear cuenta"}[language]
    page.get_by_role("button", name=create).click()
    expect(page.get_by_role("heading", name=PROBLEM[language])).to_be_visible()
    check(page, "create an account, with errors")
