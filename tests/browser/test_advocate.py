"""The advocate workspace in a real browser: an advocate finds a case ready to file and asks for
a change; the family, in another browser, sees the message and fixes the answer; the advocate
sees the new verdict. Every workspace page passes axe."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from intake.models import Case
from tests import workspace_helpers as make
from tests.browser import interview as steps
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.layout import WINDOWS, ZOOMED, Check
from tests.case_helpers import freeze_today
from workspace.models import Invitation, MemberRole, Membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a long pass phrase"
MESSAGE = (
    "The stamped copy shows the warden's office received the request on November 20, 2026. "
    "Please correct the date it was received."
)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def office():
    """An organisation with an advocate, and three shared cases, one of them ready to file."""
    org = make.organisation("Federal Defenders of New York")
    make.advocate(org, "mo@example.org", "Mo Advocate", admin=True, password=PASSWORD)
    ana = make.user("ana@example.com", password=PASSWORD)
    jane = make.ready_case(ana, person={"name": "Jane Q. Doe"})
    make.share(jane, org)
    make.share(make.waiting_case(person={"name": "John Roe"}), org)
    make.share(make.no_request_case(person={"name": "Mary Major"}), org)
    return org, jane


def log_in(page, email: str, next_url: str) -> None:
    page.goto(f"/accounts/login/?next={next_url}")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_an_advocate_asks_for_a_change_and_sees_the_familys_fix(new_page, axe_check, office):
    org, jane = office
    advocate = new_page(DESKTOP)
    log_in(advocate, "mo@example.org", "/advocate/")
    expect(advocate.get_by_role("heading", level=1)).to_have_text(f"Cases of {org.name}")
    axe_check(advocate)

    advocate.get_by_label("Result of the check").select_option(label="Ready to file")
    advocate.get_by_role("button", name="Show cases").click()
    rows = advocate.locator("table.cases tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Ready to file")
    axe_check(advocate)
    advocate.get_by_role("link", name="Jane Q. Doe").click()

    expect(advocate.get_by_role("heading", level=1)).to_have_text("Jane Q. Doe")
    expect(advocate.locator(".filing-date")).to_contain_text("Friday, October 2, 2026")
    axe_check(advocate)
    advocate.get_by_label("What should the family change?").fill(MESSAGE)
    advocate.get_by_role("button", name="Send to the family").click()
    expect(advocate.get_by_text("The family will see your message on their case.")).to_be_visible()
    expect(advocate.get_by_text("Waiting for the family.")).to_be_visible()

    family = new_page(PHONE)
    log_in(family, "ana@example.com", f"/cases/{jane.id}/")
    expect(family.get_by_text(MESSAGE)).to_be_visible()
    axe_check(family)
    family.get_by_role("link", name="Change your answers", exact=True).click()
    expect(family.get_by_text(MESSAGE)).to_be_visible()
    family.locator("a[href*='/step/request_details/']").click()
    steps.expect_step(family, 7, "The request to the warden", of=10)
    steps.fill_date(family, "The date the warden's office received it", date(2026, 11, 20))
    family.get_by_role("button", name="Save and go back to check your answers").click()
    steps.expect_step(family, 10, "Check your answers", of=10)
    family.get_by_role("button", name="See the results").click()
    expect(family.get_by_role("heading", level=1)).to_have_text(
        "Your loved one can file on Monday, December 21, 2026"
    )
    family.get_by_role("button", name=re.compile("I made these changes")).click()
    expect(family.get_by_text("Thank you. We told Federal Defenders")).to_be_visible()
    expect(family.get_by_text(MESSAGE)).to_have_count(0)
    axe_check(family)

    advocate.reload()
    expect(advocate.locator(".filing-date")).to_contain_text("in 22 days")
    expect(advocate.locator(".filing-date")).to_contain_text("Monday, December 21, 2026")
    expect(advocate.get_by_text("The family marked it done")).to_be_visible()
    expect(advocate.locator(".case-facts")).to_contain_text("In review")
    advocate.get_by_role("link", name="All cases").click()
    expect(advocate.locator("table.cases")).to_contain_text("in 22 days")


def test_every_workspace_page_passes_axe(new_page, axe_check, office):
    org, jane = office
    page = new_page(PHONE)
    log_in(page, "mo@example.org", "/advocate/")
    axe_check(page)  # the dashboard on a phone, table and all

    page.get_by_role("link", name="Jane Q. Doe").click()
    page.get_by_role("button", name="Change the status").click()  # nothing chosen: an error
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    axe_check(page)
    page.get_by_label("In review").check()
    page.get_by_role("button", name="Change the status").click()
    page.get_by_label("Add a note").fill("Call the daughter on Monday.")
    page.get_by_role("button", name="Save the note").click()
    axe_check(page)

    page.locator(f"a[href='/advocate/cases/{jane.id}/step/sentence/?return=review']").click()
    steps.expect_step(page, 4, "The sentence", of=10)  # the case has a request: ten steps
    axe_check(page)
    page.get_by_label("The criminal case number").fill("1:10-cr-00999-XYZ")
    page.get_by_role("button", name="Save and go back to check your answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jane Q. Doe")
    expect(page.locator("#history")).to_contain_text("1:10-cr-00999-XYZ")

    page.goto(f"/advocate/cases/{jane.id}/step/review/")
    axe_check(page)
    page.goto(f"/advocate/cases/{jane.id}/history/")
    axe_check(page)

    page.get_by_role("link", name="Import a case file").click()
    axe_check(page)
    page.get_by_role("button", name="Import the case").click()  # no file: an error
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    axe_check(page)
    page.get_by_label("Case file").set_input_files(
        files=[{"name": "bad.json", "mimeType": "application/json", "buffer": b"{nope"}]
    )
    page.get_by_role("button", name="Import the case").click()
    expect(page.locator("#id_case_file_error")).to_contain_text("not valid JSON")
    axe_check(page)

    page.get_by_role("link", name="Your team").click()
    axe_check(page)
    page.get_by_label("Their email address").fill("new@example.org")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("We emailed an invitation to new@example.org")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Edit the public profile families see").click()
    axe_check(page)
    page.get_by_label("Website").fill("ftp://files.example.org")
    page.get_by_role("button", name="Save the profile").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    axe_check(page)

    _, token = Invitation.issue(
        organisation=org, email="lee@example.org", role=MemberRole.ADVOCATE, invited_by=None
    )
    joining = new_page(DESKTOP)
    joining.goto(f"/advocate/join/{token}/")
    axe_check(joining)
    joining.get_by_role("button", name=f"Join {org.name}").click()
    expect(joining.get_by_role("heading", name="There is a problem")).to_be_visible()
    axe_check(joining)


def test_an_advocate_starts_a_case_for_a_client(new_page, axe_check, office):
    page = new_page(DESKTOP)
    log_in(page, "mo@example.org", "/advocate/")
    page.get_by_role("button", name="Start a case for a client").click()
    steps.expect_step(page, 1, "About you")
    steps.choose(page, "Who is filling this in?", "An advocate, paralegal or lawyer")
    page.get_by_label("Your full name").fill("Mo Advocate")
    steps.save_and_continue(page)
    steps.expect_step(page, 2, "Where things stand")
    page.get_by_role("button", name="Save and come back later").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Case started")
    axe_check(page)
    case = Case.objects.get(shares__origin="started")
    assert case.preparer_name == "Mo Advocate"


def test_the_workspace_stays_in_english_for_an_advocate_who_chose_spanish(
    new_page, axe_check, office
):
    """The workspace is in English only (advocates file in English). An advocate whose browser
    asks for Spanish, or who chose Español on a family page, still gets each workspace page in
    English, marked lang="en" so a screen reader reads it as English; each passes axe."""
    org, jane = office
    mo = Membership.objects.get(organisation=org).user
    _, token = Invitation.issue(
        organisation=org, email="lee@example.org", role=MemberRole.ADVOCATE, invited_by=None
    )
    page = new_page(DESKTOP, language="es", user=mo)
    page.set_extra_http_headers({"Accept-Language": "es-MX,es;q=0.9"})
    problems = {}
    for url, heading in (
        ("/advocate/", f"Cases of {org.name}"),
        (f"/advocate/cases/{jane.id}/", "Jane Q. Doe"),
        (f"/advocate/cases/{jane.id}/history/", None),
        (f"/advocate/cases/{jane.id}/step/sentence/", "The sentence"),
        (f"/advocate/cases/{jane.id}/step/review/", None),
        ("/advocate/import/", None),
        ("/advocate/team/", None),
        ("/advocate/team/profile/", f"Public profile of {org.name}"),
        (f"/advocate/join/{token}/", None),
    ):
        page.goto(url)
        expect(page.locator("html")).to_have_attribute("lang", "en")
        if heading:
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        expect(page.get_by_role("button", name="Log out")).to_be_visible()
        expect(page.get_by_role("button", name="Español")).to_have_count(0)  # no switch here
        try:
            axe_check(page)
        except AssertionError as problem:
            problems[url] = str(problem)
    page.goto("/advocate/import/")
    page.get_by_role("button", name="Import the case").click()  # no file: an error
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    axe_check(page)
    assert problems == {}

    page.goto("/cases/")  # a family page again: in the language chosen
    expect(page.locator("html")).to_have_attribute("lang", "es")


def test_every_workspace_page_reflows_at_200_percent_zoom_320_pixels_and_200_percent_text(
    new_page, office
):
    """WCAG 2.1, 1.4.4 and 1.4.10, as for the family pages (tests/browser/layout.py). Only the
    tables of cases and of events may scroll sideways, in a box of their own, as data tables
    are allowed to."""
    org, jane = office
    mo = Membership.objects.get(organisation=org).user
    check = Check(*WINDOWS)
    _, size, _ = ZOOMED
    page = new_page(size, user=mo, scale=2)
    for url in (
        "/advocate/",
        f"/advocate/cases/{jane.id}/",
        f"/advocate/cases/{jane.id}/history/",
        f"/advocate/cases/{jane.id}/step/request_details/",
        f"/advocate/cases/{jane.id}/step/review/",
        "/advocate/import/",
        "/advocate/team/",
        "/advocate/team/profile/",
    ):
        page.goto(url)
        check(page, url)
    assert check.problems == {}
