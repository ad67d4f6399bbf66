"""The family's sheet for the reply to the government's response (domain.md § 9, § 6 "Papers
that are safe to sign" and "Where it goes"): who signs, the reply's date as the court's order
gave it, the clerk's office, the copy to the U.S. Attorney, the mailbox rule and what comes next;
read back from its PDF in English and Spanish, and never inside the reply itself."""

import html
import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from intake import readme
from intake.models import Case, CaseStage
from tests.case_helpers import freeze_today
from tests.readability import grade
from tests.test_drafts import pdftotext
from tests.test_timeline import add, make_case

pytestmark = pytest.mark.django_db

DANGER = "I have had no write-ups in nine years."


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)  # November 29, 2026


def replied(client, *, reply_due_on=date(2026, 12, 2)) -> Case:
    case = make_case(client)
    Case.objects.filter(pk=case.pk).update(preparer_role="family", preparer_name="Maria Doe")
    add(client, case, "filed", date(2026, 10, 5))
    due = {"reply_due_on": reply_due_on} if reply_due_on else {}
    add(client, case, "response", date(2026, 11, 2), **due)
    client.post(reverse("case_reply", args=[case.id]), {"danger": "on", "danger_answer": DANGER})
    return case


@pytest.fixture
def case(client) -> Case:
    return replied(client)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def sheet_pdf(client, case, language="en") -> str:
    client.cookies["django_language"] = language
    response = client.get(reverse("case_reply_read_me_first_pdf", args=[case.id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return flat(pdftotext(response.content))


def page(client, case, language="en") -> str:
    client.cookies["django_language"] = language
    response = client.get(reverse("case_reply_read_me_first", args=[case.id]))
    assert response.status_code == 200
    return flat(html.unescape(response.content.decode()))


# -- the PDF ----------------------------------------------------------------------------------


def test_the_pdf_says_who_signs_and_the_date_from_the_order(client, case):
    text = sheet_pdf(client, case)

    assert "Read me first: how to sign and mail the reply" in text
    assert "For the papers of Jane Doe." in text
    assert "Only your loved one signs it: the reply, the statement under penalty of perjury" in (
        text
    )
    assert "The court's order says the reply is due by Wednesday, December 2, 2026." in text
    assert "The date is close: mail the reply now." in text


def test_the_pdf_names_the_clerks_office_and_leaves_the_us_attorney_blank(client, case):
    text = sheet_pdf(client, case)

    clerk = text[text.index("The reply goes to the clerk's office") :]
    assert "Clerk of Court United States District Court for the Southern District of New York" in (
        clerk
    )
    assert "300 Quarropas Street White Plains, NY 10601" in clerk
    assert "Check this address on the court's website before mailing." in clerk
    usao = text[text.index("A copy of the reply goes to the U.S. Attorney's Office") :]
    assert "United States Attorney's Office, Southern District of New York ____" in usao
    assert "justice.gov/usao" in usao


def test_a_person_writing_for_himself_is_told_he_alone_signs(client, case):
    Case.objects.filter(pk=case.pk).update(preparer_role="self", preparer_name="")

    text = sheet_pdf(client, case)

    assert "Only you sign it: the reply" in text


def test_the_pdf_gives_the_mailbox_rule_and_what_comes_next(client, case):
    text = sheet_pdf(client, case)

    assert "hands both sealed envelopes to prison staff for mailing" in text
    assert "writes down that day" in text
    assert "(the mailbox rule)" in text
    assert "write the U.S. Attorney's Office address on the certificate of service" in text
    assert "a notice of appeal must be filed within 14 days after the order is entered" in text


def test_the_pdf_speaks_spanish_and_keeps_the_envelope_in_english(client, case):
    text = sheet_pdf(client, case, "es")

    assert "Lea esto primero: cómo firmar y enviar la réplica" in text
    assert "miércoles, 2 de diciembre de 2026" in text
    assert "(la regla del buzón)" in text
    assert "Clerk of Court United States District Court for the Southern District of New York" in (
        text
    )
    assert "United States Attorney's Office, Southern District of New York ____" in text
    assert "Read me first" not in text
    assert "Página 1 de 2" in text


def test_without_the_orders_date_the_sheet_asks_for_it_and_guesses_none(client):
    case = replied(client, reply_due_on=None)

    text = sheet_pdf(client, case)

    assert "We do not guess that date. Find it in the order" in text
    assert "is due by" not in text


def test_a_date_already_past_says_so(client, case, monkeypatch):
    freeze_today(monkeypatch, date(2026, 12, 3))

    text = sheet_pdf(client, case)

    assert "That date has passed." in text
    assert "mail the reply now" not in text


def test_the_reply_itself_holds_no_instructions(client, case):
    reply = flat(pdftotext(client.get(reverse("case_reply_pdf", args=[case.id])).content))

    for instruction in ("Read me first", "mailbox rule", "envelope", "justice.gov", "loved one"):
        assert instruction not in reply


# -- the page, and where it is offered ---------------------------------------------------------


def test_the_page_gives_the_same_sheet_in_english(client, case):
    html = page(client, case)

    assert "Read me first: how to sign and mail the reply" in html
    assert "The court's order says the reply is due by Wednesday, December 2, 2026." in html
    assert "justice.gov/usao" in html
    pdf = reverse("case_reply_read_me_first_pdf", args=[case.id])
    assert f'<a href="{pdf}" download>Download this page to print</a>' in html


def test_the_page_speaks_spanish(client, case):
    html = page(client, case, "es")

    assert "Lea esto primero: cómo firmar y enviar la réplica" in html
    assert "miércoles, 2 de diciembre de 2026" in html
    assert '<span lang="en">Clerk of Court</span>' in html


def test_it_is_offered_beside_the_reply_and_on_the_timeline(client, case):
    sheet = reverse("case_reply_read_me_first", args=[case.id])

    assert sheet in client.get(reverse("case_reply", args=[case.id])).content.decode()
    assert sheet in client.get(reverse("case_timeline", args=[case.id])).content.decode()


def test_no_sheet_before_the_reply_has_an_answer(client):
    case = make_case(client)
    add(client, case, "filed", date(2026, 10, 5))
    add(client, case, "response", date(2026, 11, 2), reply_due_on=date(2026, 12, 2))

    assert client.get(reverse("case_reply_read_me_first", args=[case.id])).status_code == 404
    assert client.get(reverse("case_reply_read_me_first_pdf", args=[case.id])).status_code == 404
    timeline = client.get(reverse("case_timeline", args=[case.id])).content.decode()
    assert reverse("case_reply_read_me_first", args=[case.id]) not in timeline


def test_someone_else_gets_404(case):
    stranger = Client()

    assert stranger.get(reverse("case_reply_read_me_first", args=[case.id])).status_code == 404
    assert stranger.get(reverse("case_reply_read_me_first_pdf", args=[case.id])).status_code == 404


def test_the_persons_name_is_escaped(client, case):
    Case.objects.filter(pk=case.pk).update(person_name="<b>Jane</b> Doe")

    assert (
        "<b>Jane</b>"
        not in client.get(reverse("case_reply_read_me_first", args=[case.id])).content.decode()
    )
    assert "For the papers of <b>Jane</b> Doe." in sheet_pdf(client, case)


def test_every_sentence_of_the_sheet_reads_at_grade_8_or_below(case):
    stage = CaseStage.objects.get(kind="response")
    for due in (stage.reply_due_on, None, date(2026, 11, 1)):
        sheet = readme.build_reply(
            case.to_facts(date(2026, 11, 29)), reply_due_on=due, as_of=date(2026, 11, 29)
        )
        prose = [p.about for p in sheet.papers] + [p.who_signs for p in sheet.papers]
        prose += [p.where for p in sheet.papers] + [a.find_it for a in sheet.addresses]
        prose += list(sheet.dates)
        prose += [point for section in sheet.sections for point in section.points]
        for text in prose:
            assert grade(text) <= 8.0, text
