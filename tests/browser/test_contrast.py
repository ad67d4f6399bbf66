"""Non-text contrast (WCAG 2.1, 1.4.11, level AA), which axe does not measure: the edge of every
text box, list and date box, the colour of every radio button and tick box, and the focus ring
of every control and link must stand out from what is behind them by 3:1 or more. Measured on
every step of the interview and the family pages, from the colours the browser computed."""

from __future__ import annotations

import pytest

from tests.browser import family as families
from tests.browser.conftest import DESKTOP
from tests.case_helpers import freeze_today
from workspace.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MEASURE = """() => {
  const rgba = (text) => {
    const m = text.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {r, g, b, a};
  };
  const luminance = ({r, g, b}) => {
    const [R, G, B] = [r, g, b].map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const ratio = (x, y) => {
    const [a, b] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (a + 0.05) / (b + 0.05);
  };
  const behind = (element) => {
    for (let e = element.parentElement; e; e = e.parentElement) {
      const colour = rgba(getComputedStyle(e).backgroundColor);
      if (colour && colour.a > 0) return colour;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    (e.name ? "[name=" + e.name + "]" : "") +
    (e.href ? "[href=" + e.getAttribute("href") + "]" : "");
  const visible = (e) =>
    e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
  const problems = [];
  const boxes = "input:not([type=radio]):not([type=checkbox]):not([type=hidden])" +
    ":not([type=submit]), select, textarea";
  for (const e of document.querySelectorAll(boxes)) {
    if (!visible(e)) continue;
    // A file box is its button: the button's edge is what shows it.
    const style = getComputedStyle(e, e.type === "file" ? "::file-selector-button" : null);
    const edge = rgba(style.borderTopColor);
    if (parseFloat(style.borderTopWidth) < 1 || ratio(edge, behind(e)) < 3) {
      problems.push(`${name(e)}: edge ${style.borderTopWidth} ${style.borderTopColor}`);
    }
  }
  for (const e of document.querySelectorAll("input[type=radio], input[type=checkbox]")) {
    if (!visible(e)) continue;
    const colour = rgba(getComputedStyle(e).accentColor);
    if (colour && ratio(colour, behind(e)) < 3) {
      problems.push(`${name(e)}: accent ${getComputedStyle(e).accentColor}`);
    }
  }
  const focusable = "main a[href], main button, main input:not([type=hidden]), main select," +
    " main textarea, main summary, main [tabindex='0'], header a[href], header button";
  for (const e of document.querySelectorAll(focusable)) {
    if (!visible(e)) continue;
    e.focus();
    if (document.activeElement !== e) continue;
    const style = getComputedStyle(e);
    const back = behind(e);
    // The ring is a yellow outline around a dark band (site.css): one of the two must stand
    // out from the page, and be at least 2 pixels wide.
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 &&
      ratio(rgba(style.outlineColor), back) >= 3;
    const shadow = style.boxShadow.match(/(rgba?\\([^)]+\\)) 0px 0px 0px (\\d+(?:\\.\\d+)?)px/);
    const band = shadow !== null && parseFloat(shadow[2]) >= 2 &&
      ratio(rgba(shadow[1]), back) >= 3;
    if (!outline && !band) {
      problems.push(`${name(e)}: focus ring ${style.outlineStyle} ${style.outlineWidth} ` +
                    `${style.outlineColor} / ${style.boxShadow}`);
    }
    e.blur();
  }
  return problems;
}"""


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def measure(page, pages: dict[str, str]) -> tuple[dict[str, list[str]], int]:
    found, measured = {}, 0
    for name, path in pages.items():
        page.goto(path)
        measured += page.locator("input, select, textarea, a[href], button").count()
        problems = page.evaluate(MEASURE)
        if problems:
            found[name] = problems
    return found, measured


def test_every_control_and_focus_ring_stands_out_by_3_to_1(new_page):
    family = families.family()
    page = new_page(DESKTOP, user=family.user)
    found, measured = measure(page, {**family.step_pages(), **family.case_pages()})
    assert measured > 300, measured  # the pages have their controls
    assert found == {}, found


def test_the_workspaces_controls_and_focus_rings_stand_out_by_3_to_1(new_page):
    family = families.family()
    mo = Membership.objects.get(organisation__name=families.ORGANISATION, name="Mo Advocate")
    page = new_page(DESKTOP, user=mo.user)
    case = f"/advocate/cases/{family.ready.id}"
    pages = {
        "dashboard": "/advocate/",
        "case": f"{case}/",
        "history": f"{case}/history/",
        "team": "/advocate/team/",
        "import": "/advocate/import/",
    }
    found, measured = measure(page, pages)
    assert measured > 40, measured
    assert found == {}, found


def test_the_measure_finds_a_faint_edge_and_a_missing_focus_ring(new_page):
    family = families.family()
    page = new_page(DESKTOP, user=family.user)
    page.goto(family.step_pages()["person"])
    # Inline styles set through the DOM, which the site's Content-Security-Policy allows.
    page.evaluate(
        """() => {
        for (const e of document.querySelectorAll("input")) {
          e.style.setProperty("border-color", "#ddd", "important");
        }
        for (const e of document.querySelectorAll("a")) {
          e.style.setProperty("outline", "none", "important");
          e.style.setProperty("box-shadow", "none", "important");
        }
      }"""
    )
    problems = " ".join(page.evaluate(MEASURE))
    assert "edge" in problems
    assert "focus ring none" in problems
