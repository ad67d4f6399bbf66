"""Filling in the interview as a person does: by the labels and legends on the page."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.test_drafts import pdftotext


def group(page: Page, legend: str):
    return page.get_by_role("group", name=re.compile(re.escape(legend)))


def choose(page: Page, legend: str, answer: str) -> None:
    group(page, legend).get_by_label(answer, exact=True).check()


def fill_date(page: Page, legend: str, value: date) -> None:
    box = group(page, legend)
    box.get_by_label("Month").fill(str(value.month))
    box.get_by_label("Day").fill(str(value.day))
    box.get_by_label("Year").fill(str(value.year))


def save_and_continue(page: Page) -> None:
    page.get_by_role("button", name="Save and continue").click()


def expect_step(page: Page, number: int, title: str, *, of: int = 9) -> None:
    """'Step 7 of 10': ten steps once a request to the warden was sent (its details page)."""
    expect(page.locator(".progress")).to_contain_text(f"Step {number} of {of}")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def about_you(page: Page, *, name: str = "Ana Doe", relationship: str = "daughter") -> None:
    expect_step(page, 1, "About you")
    choose(page, "Who is filling this in?", "A family member or friend")
    page.get_by_label("Your full name").fill(name)
    page.get_by_label("Your relationship to the person in prison").fill(relationship)
    save_and_continue(page)


def screening(page: Page) -> None:
    expect_step(page, 2, "Where things stand")
    choose(page, "Which court gave the sentence?", "A U.S. district court (a federal court)")
    choose(
        page,
        "Where is your loved one now?",
        "In a federal prison (run by the Bureau of Prisons)",
    )
    choose(
        page,
        "Did the crime end before November 1, 1987?",
        "No, it ended on or after November 1, 1987",
    )
    fill_date(page, "The date the crime ended", date(2009, 6, 30))
    choose(page, "Is an appeal of the conviction", "No")
    choose(page, "serving sentences from more than one federal court", "No")
    choose(page, "breaking the rules of supervised release", "No")
    choose(page, "asked the court for compassionate release before", "No")
    save_and_continue(page)


def person(page: Page, *, name: str = "Jane Q. Doe") -> None:
    expect_step(page, 3, "Your loved one")
    page.get_by_label("Their full name").fill(name)
    page.get_by_label("Their BOP register number").fill("12345678")
    fill_date(page, "Their date of birth", date(1957, 3, 2))
    page.get_by_label("Search the list of facilities").fill("butner medium")
    expect(page.get_by_text("2 matches in the list below")).to_be_visible()
    page.get_by_label("The prison or office where they are now").select_option("BUT")
    save_and_continue(page)


def sentence(page: Page) -> None:
    expect_step(page, 4, "The sentence")
    page.get_by_label("The federal court that gave the sentence").select_option("nysd")
    page.get_by_label("The criminal case number").fill("1:10-cr-00123-ABC")
    fill_date(page, "The date of the sentence", date(2011, 1, 14))
    choose(page, "How long is the prison sentence?", "A number of years and months")
    page.get_by_label("Years", exact=True).fill("20")
    page.get_by_label("Months", exact=True).fill("0")
    fill_date(page, "The date federal custody began", date(2009, 7, 1))
    page.get_by_label("The crime, in a few words").fill("Conspiracy to distribute cocaine")
    save_and_continue(page)


TERMINAL = "A terminal illness"
SPOUSE = "Their spouse or partner can no longer care for themselves"


def grounds(page: Page, facts: str = "Stage IV pancreatic cancer, diagnosed in August.") -> None:
    expect_step(page, 5, "The reasons for release")
    ground(page, TERMINAL, facts)


def ground(page: Page, title: str, facts: str, proof: str = "BOP medical records") -> None:
    """Ticks one reason on step 5 and answers the questions it reveals."""
    page.get_by_label(title).check()
    panel = page.locator(".reveal").filter(has_text=title).first
    panel.get_by_label("What is happening?").fill(facts)
    panel.get_by_label(proof).check()


def one_request(page: Page, *, sent: date, received: date, **details) -> None:
    requests_sent(page)
    request_details(page, sent=sent, received=received, **details)


def requests_sent(page: Page) -> None:
    expect_step(page, 6, "The request to the warden")
    choose(page, "Has anyone asked the warden", "Yes, at least one request was sent")
    save_and_continue(page)


def request_details(
    page: Page,
    *,
    sent: date,
    received: date,
    ground: str = TERMINAL,
    denied_on: date | None = None,
) -> None:
    """One request, received on a date shown by a staff-stamped copy, that listed `ground`;
    unanswered, or denied on `denied_on`."""
    expect_step(page, 7, "The request to the warden", of=10)
    request = page.get_by_role("group", name="Request 1")
    choose(page, "What did the request ask for?", RequestKinds.REDUCTION)
    fill_date(page, "The date it was sent or handed in", sent)
    choose(page, "How was it sent?", "Handed to prison staff")
    fill_date(page, "The date the warden's office received it", received)
    choose(page, "What shows the date it was received?", RequestKinds.STAMPED)
    # Chosen already: the prison the person step named.
    expect(request.get_by_label("The prison whose warden it went to")).to_have_value("BUT")
    request.get_by_label(ground).check()
    if denied_on is None:
        choose(page, "Did the warden answer?", "No answer yet")
    else:
        choose(page, "Did the warden answer?", "The warden said no")
        fill_date(page, "The date of the warden's answer", denied_on)
    save_and_continue(page)


def download(page: Page, link: str) -> tuple[str, str]:
    """Clicks the download link named `link`: the file's suggested name and its text."""
    with page.expect_download() as started:
        page.get_by_role("link", name=link, exact=True).click()
    saved = started.value
    return saved.suggested_filename, " ".join(pdftotext(Path(saved.path()).read_bytes()).split())


class RequestKinds:
    REDUCTION = "Compassionate release (a motion to reduce the sentence)"
    STAMPED = "A copy stamped or signed by staff with the date"


def release_plan_and_background(page: Page) -> None:
    expect_step(page, 8, "The release plan", of=10)
    page.get_by_label("Where would they live?").fill("With her daughter in Queens, New York")
    save_and_continue(page)
    expect_step(page, 9, "Background for the judge", of=10)
    page.get_by_label("Their conduct record").fill("No write-ups in 10 years")
    save_and_continue(page)
