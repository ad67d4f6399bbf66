"""A case after the motion is mailed, as a family clicks through it (domain.md § 9): from the
results page to the timeline; the motion mailed, the government's answer with the reply date
from the order, the reply drafted, the denial, the notice of appeal; each date in words and each
PDF read back as text; axe on the page with its errors."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from tests import workspace_helpers as make
from tests.browser.conftest import DESKTOP
from tests.browser.interview import choose, fill_date, group
from tests.case_helpers import freeze_today
from tests.casebuilder import READY_ON
from tests.test_drafts import pdftotext

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DANGER = "I have had no write-ups in nine years. I teach the GED class in my unit."


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


def add_stage(page, what: str, on: date) -> None:
    page.get_by_label("What happened").select_option(label=what)
    fill_date(page, "On what date", on)


def submit(page) -> None:
    page.get_by_role("button", name="Add this step").click()


def downloaded_text(page, link_name: str) -> str:
    with page.expect_download() as download:
        page.get_by_role("link", name=link_name).click()
    with open(download.value.path(), "rb") as pdf:
        return re.sub(r"\s+", " ", pdftotext(pdf.read()))


def test_a_family_follows_the_case_from_filing_to_the_notice_of_appeal(new_page, axe_check):
    ana = make.user("ana@example.com")
    case = make.ready_case(ana, person={"name": "Jane Q. Doe"})
    page = new_page(DESKTOP, user=ana)
    page.goto(f"/cases/{case.id}/results/")
    page.get_by_role("link", name="After the motion is mailed: the steps and their dates").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("After the motion is mailed")

    # A date after today is refused next to its field, and the page passes axe with the error.
    add_stage(page, "Motion handed to staff for mailing", date(2026, 12, 25))
    submit(page)
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(group(page, "On what date")).to_contain_text("That date is in the future")
    axe_check(page)

    add_stage(page, "Motion handed to staff for mailing", READY_ON)
    submit(page)
    expect(page.locator("main")).to_contain_text("Friday, October 2, 2026")

    add_stage(page, "The government's answer came", date(2026, 10, 30))
    fill_date(page, "the date the court's order gives for the reply", date(2026, 12, 14))
    submit(page)
    expect(page.locator("main")).to_contain_text("the reply is due by Monday, December 14, 2026")

    page.get_by_role("link", name="Answer the government: draft a reply").click()
    page.get_by_label("Your loved one's past crimes, and danger to others").check()
    page.locator("#id_danger_answer").fill(DANGER)
    page.get_by_label("The 30 days had not passed, or the warden was not told the same").check()
    page.locator("#id_exhaustion_answer").fill("I waited more than 30 days before I mailed it.")
    page.get_by_role("button", name="Save the answers").click()
    axe_check(page)
    reply = downloaded_text(page, "Download the reply (PDF, in English)")
    assert DANGER in reply
    assert "received it on September 1, 2026. (Exhibit A.)" in reply
    assert "for mailing on October 2, 2026" in reply
    page.get_by_role("link", name="Back to the steps of your case").click()

    add_stage(page, "The judge decided", date(2026, 11, 20))
    choose(page, "If the judge decided", "Denied")
    submit(page)
    main = page.locator("main")
    expect(main).to_contain_text("by Friday, December 4, 2026")
    expect(main).to_contain_text("5 days left.")
    axe_check(page)

    notice = downloaded_text(page, "Notice of appeal (PDF)")
    assert (
        "Notice is hereby given that Jane Q. Doe, defendant, appeals to the United States Court "
        "of Appeals for the Second Circuit from the order entered on November 20, 2026"
    ) in notice
    assert "December 4, 2026" not in notice


@pytest.mark.parametrize(
    ("language", "link", "heading", "print_link", "due"),
    [
        (
            "en",
            "Read me first: how to sign and mail the reply",
            "Read me first: how to sign and mail the reply",
            "Download this page to print",
            "the reply is due by Monday, December 14, 2026",
        ),
        (
            "es",
            "Lea esto primero: cómo firmar y enviar la réplica",
            "Lea esto primero: cómo firmar y enviar la réplica",
            "Descargar esta página para imprimirla",
            "la réplica vence el lunes, 14 de diciembre de 2026",
        ),
    ],
)
def test_the_replys_sheet_passes_axe_and_prints_in_the_familys_language(
    new_page, axe_check, language, link, heading, print_link, due
):
    ana = make.user("ana@example.com")
    case = make.ready_case(ana, person={"name": "Jane Q. Doe"})
    case.stages.create(kind="filed", on=READY_ON)
    case.stages.create(
        kind="response",
        on=date(2026, 10, 30),
        reply_due_on=date(2026, 12, 14),
        objections={"danger": DANGER},
    )
    page = new_page(DESKTOP, user=ana, language=language)
    page.goto(f"/cases/{case.id}/reply/")
    page.get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.locator("main")).to_contain_text(due)
    axe_check(page)

    sheet = downloaded_text(page, print_link)
    assert due in sheet
    assert "United States Attorney's Office, Southern District of New York ____" in sheet
