"""The results page: the verdict, the date in words, what to do, who does what, the .ics file."""

import re
from datetime import date
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse

from eligibility.rules import screen, summary
from intake import next_steps
from intake.forms import HOW_TO_FIND_OUT
from intake.models import Case, CaseGround, RequestGround, WardenRequest
from tests.case_helpers import AS_OF, freeze_today
from tests.readability import grade

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def case(client) -> Case:
    client.post(reverse("case_start"))
    case = Case.objects.get()
    Case.objects.filter(pk=case.pk).update(
        sentencing_court="federal_district",
        custody_status="bop_facility",
        offense_ended_on=date(2009, 6, 30),
        person_name="Jane Doe",
        facility="BUT",
        district="nysd",
        finished_at="2026-11-29T12:00:00Z",
    )
    case.refresh_from_db()
    CaseGround.objects.create(case=case, category="medical_terminal", facts="Cancer")
    return case


def add_request(case, *, received_on, grounds=("medical_terminal",)):
    request = WardenRequest.objects.create(
        case=case,
        asked_for="sentence_reduction",
        sent_on=received_on,
        received_on=received_on,
        method="hand_delivered",
        facility="BUT",
        response="none",
    )
    for ground in grounds:
        RequestGround.objects.create(request=request, category=ground, facts="Facts")
    return request


def page(client, case) -> str:
    response = client.get(reverse("case_results", args=[case.id]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_verdict_the_rules_give(client, case):
    add_request(case, received_on=date(2026, 9, 1))
    expected = summary(screen(case.to_facts(), AS_OF))

    html = page(client, case)

    assert expected.headline in html
    assert expected.explanation in html


def test_it_gives_the_filing_date_in_words(client, case):
    add_request(case, received_on=date(2026, 11, 3))

    html = page(client, case)

    assert "Friday, December 4, 2026" in html


def test_it_always_says_this_is_not_legal_advice(client, case):
    html = page(client, case)

    assert "This is information, not legal advice" in html
    assert "federal defender" in html


def test_it_lists_what_to_do_for_each_finding(client, case):
    html = page(client, case)

    assert "What to do" in html
    assert "ask the warden" in html.lower()


def test_it_says_who_signs_and_who_hands_in(client, case):
    html = page(client, case)

    assert "Only your loved one (or a lawyer) can sign the motion" in html
    assert "Sign it and hand it to staff" in html
    assert "Keep proof of the date the warden received it" in html


def test_it_offers_a_calendar_file_for_a_date_still_to_come(client, case):
    add_request(case, received_on=date(2026, 11, 3))

    assert reverse("case_calendar", args=[case.id]) in page(client, case)
    response = client.get(reverse("case_calendar", args=[case.id]))

    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "DTSTART;VALUE=DATE:20261204\r\n" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert "Jane" not in body


def test_it_has_no_calendar_file_without_a_date(client, case):
    assert client.get(reverse("case_calendar", args=[case.id])).status_code == 404


def test_it_explains_kindly_a_reason_that_does_not_count(client, case):
    Case.objects.filter(pk=case.pk).update(not_grounds=["conviction_wrong"])

    html = page(client, case)

    assert "28 U.S.C. § 2255" in html


def test_it_explains_a_reason_that_can_no_longer_be_used(client, case):
    CaseGround.objects.create(case=case, category="unusually_long_sentence")

    html = page(client, case)

    assert "Rutherford" in html


def test_it_names_the_reasons_the_warden_never_saw(client, case):
    CaseGround.objects.create(case=case, category="family_parent", facts="Mother")
    add_request(case, received_on=date(2026, 9, 1))

    html = page(client, case)

    assert "A new request to the warden is needed" in html
    assert "Their parent can no longer care for themselves" in html
    assert "Friday, October 2, 2026" in html  # on the other reasons alone


def test_it_keeps_a_place_for_the_drafts(client, case):
    html = page(client, case)

    assert 'id="drafts"' in html


def test_it_updates_the_kept_verdict_when_the_page_is_seen(client, case):
    add_request(case, received_on=date(2026, 9, 1))

    page(client, case)

    case.refresh_from_db()
    assert case.verdict == "ready_to_file"


def test_it_hides_results_from_another_visitor(case):
    assert Client().get(reverse("case_results", args=[case.id])).status_code == 404


@pytest.mark.parametrize("verdict", ["needs_warden_request", "new_request_needed", "waiting"])
@pytest.mark.parametrize("own", [False, True])
def test_it_words_the_next_steps_at_grade_8_or_below(verdict, own):
    result = SimpleNamespace(verdict=verdict, earliest_filing_date=date(2026, 12, 4))
    text = " ".join(f"{s.title}. {s.text}" for s in next_steps.next_steps(result, own=own))

    assert grade(text) <= 8


@pytest.mark.parametrize(
    "verdict",
    [
        "needs_warden_request",
        "new_request_needed",
        "waiting",
        "no_qualifying_ground",
        "needs_information",
        "ready_to_file",
    ],
)
def test_the_person_in_prison_is_you_in_every_next_step(verdict):
    result = SimpleNamespace(verdict=verdict, earliest_filing_date=date(2026, 12, 4))

    for step in next_steps.next_steps(result, own=True):
        words = f"{step.who} {step.title} {step.text}"
        assert "loved one" not in words and "it for them" not in words, words


def test_the_results_call_a_person_filling_it_in_for_himself_you(client, case):
    Case.objects.filter(pk=case.pk).update(preparer_role="self")

    page = client.get(reverse("case_results", args=[case.id])).content.decode()
    steps_and_papers = page[page.index("Next steps: who does what") : page.index("Before filing")]

    assert "Who: You (or your lawyer)" in steps_and_papers
    assert "Only you sign it" in steps_and_papers
    assert "loved one" not in steps_and_papers
    Case.objects.filter(pk=case.pk).update(preparer_role="family")
    page = client.get(reverse("case_results", args=[case.id])).content.decode()
    assert "Who: Your loved one (or their lawyer)" in page


def test_it_words_how_to_find_out_at_grade_8_or_below():
    for text in HOW_TO_FIND_OUT.values():
        assert grade(text) <= 8, text


def test_it_shows_each_page_text_without_raw_markup(client, case):
    html = page(client, case)

    assert not re.search(r"\{\{|\{%", html)


# -- issue 13: the interview's new answers reach the results -------------------------------------


def test_a_remembered_receipt_date_gives_an_estimated_date(client, case):
    add_request(case, received_on=date(2026, 10, 1))
    WardenRequest.objects.update(receipt_proof="none")

    html = page(client, case)

    assert "Estimated first day to file, once you have proof:" in html
    assert "First day to file:" not in html


def test_a_receipt_shown_by_a_staff_stamp_gives_a_firm_date(client, case):
    add_request(case, received_on=date(2026, 10, 1))
    WardenRequest.objects.update(receipt_proof="staff_stamp")

    html = page(client, case)

    assert "First day to file:" in html
    assert "Estimated first day to file" not in html


def test_a_new_law_answer_without_the_date_still_gives_a_filing_date(client, case):
    Case.objects.filter(pk=case.pk).update(offense_before_1987="no", offense_ended_on=None)
    add_request(case, received_on=date(2026, 10, 1))

    html = page(client, case)

    assert "First day to file:" in html
    assert "November 1, 2026" in html


def test_it_says_which_reasons_can_be_filed_on_now_while_others_wait(client, case):
    CaseGround.objects.create(case=case, category="family_child_caregiver", facts="Twins")
    add_request(case, received_on=date(2026, 9, 1))
    add_request(case, received_on=date(2026, 11, 20), grounds=("family_child_caregiver",))
    screening = case.screen(AS_OF)
    assert screening.verdict == "waiting" and screening.partial_grounds == ("medical_terminal",)

    html = page(client, case)

    assert "You can file now on these reasons alone" in html
    assert "<li>A terminal illness</li>" in html
    assert "October 2, 2026" in html
