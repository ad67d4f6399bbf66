"""The reply to the government's response (domain.md § 9, § 6 "Papers that are safe to sign"):
the family ticks the objections raised and answers each in the person's words; the reply PDF
carries those words, the screening's exhaustion facts, the exhibits' letters, the § 1746
declaration and the certificate of service."""

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from intake.models import CaseStage
from tests.case_helpers import freeze_today
from tests.test_drafts import pdftotext
from tests.test_timeline import add, make_case

pytestmark = pytest.mark.django_db

DANGER = "I have had no write-ups in nine years. I teach the GED class in my unit."


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def case(client):
    case = make_case(client)
    add(client, case, "filed", date(2026, 10, 5))
    add(client, case, "response", date(2026, 11, 2), reply_due_on=date(2026, 12, 2))
    return case


def url(case) -> str:
    return reverse("case_reply", args=[case.id])


def pdf_url(case) -> str:
    return reverse("case_reply_pdf", args=[case.id])


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def answer(client, case, **answers):
    data = {}
    for key, text in answers.items():
        data[key] = "on"
        data[f"{key}_answer"] = text
    return client.post(url(case), data)


def test_the_answers_are_kept(client, case):
    response = answer(client, case, danger=DANGER)

    assert response.status_code == 302
    assert CaseStage.objects.get(kind="response").objections == {"danger": DANGER}


def test_a_ticked_point_needs_an_answer(client, case):
    response = client.post(url(case), {"danger": "on", "danger_answer": ""})

    assert response.status_code == 200
    assert "answer to this, or untick it." in response.content.decode()
    assert CaseStage.objects.get(kind="response").objections == {}


def test_the_page_says_the_answers_are_the_loved_ones_own_words(client, case):
    html = client.get(url(case)).content.decode()

    assert "own words" in html
    assert "signed under oath" in html


def test_the_reply_pdf_carries_the_persons_words_and_the_screenings_facts(client, case):
    answer(client, case, danger=DANGER, exhaustion="I waited the full 30 days.")

    text = flat(pdftotext(client.get(pdf_url(case)).content))

    assert "I Am Not a Danger to the Safety of Any Person or the Community".upper() in text.upper()
    assert DANGER in text
    assert "received it on September 1, 2026. (Exhibit A.)" in text
    assert "had lapsed by October 2, 2026" in text
    assert "for mailing on October 5, 2026" in text
    assert "28 U.S.C. § 1746" in text
    assert "CERTIFICATE OF SERVICE" in text.upper()


def test_an_objection_not_ticked_is_not_in_the_reply(client, case):
    answer(client, case, danger=DANGER)

    text = flat(pdftotext(client.get(pdf_url(case)).content))

    assert "Exhaustion Requirement".upper() not in text.upper()
    assert "Caregiver".upper() not in text.upper()


def test_people_s_words_are_escaped(client, case):
    answer(client, case, danger="<b>bold</b> & more")

    html = client.get(url(case)).content.decode()

    assert "<b>bold</b>" not in html


def test_no_reply_before_an_answer(client):
    case = make_case(client)

    assert client.get(url(case)).status_code == 302
    assert client.get(pdf_url(case)).status_code == 404


def test_someone_else_gets_404(client, case):
    answer(client, case, danger=DANGER)

    assert Client().get(url(case)).status_code == 404
    assert Client().get(pdf_url(case)).status_code == 404


def test_the_timeline_links_the_reply_once_the_answer_came(client, case):
    html = client.get(reverse("case_timeline", args=[case.id])).content.decode()

    assert url(case) in html


def test_the_reply_page_speaks_spanish(client, case):
    client.cookies.load({"django_language": "es"})

    html = client.get(url(case), HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "Responder al gobierno" in html
    assert "Otra persona puede cuidar al familiar" in html
