"""The family's "Read me first" sheet (intake/readme.py): read-me-first.pdf read back as text,
the results page in English and Spanish, and the court papers left without instructions."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from eligibility.facts import FORMAT, loads
from eligibility.rules import screen
from intake import readme
from intake.drafts import lettering, rendering
from intake.models import Case, CaseGround, RequestGround, WardenRequest
from tests.case_helpers import AS_OF, freeze_today
from tests.readability import grade

PERSON = {
    "name": "Robert Example",
    "register_number": "12345-678",
    "date_of_birth": "1955-05-05",
    "facility": "BUT",
}
GROUNDS = [{"category": "medical_terminal", "facts": "Stage IV cancer."}]


def case_data(**parts) -> dict:
    return {
        "format": FORMAT,
        "person": PERSON,
        "custody": {
            "sentencing_court": "federal_district",
            "status": "bop_facility",
            "offense_date": "2012-03-01",
        },
        "sentence": {"district": "nysd", "imposed_on": "2013-05-01", "term_months": 240},
        "grounds": GROUNDS,
        "warden_requests": [
            {
                "sent_on": "2026-11-10",
                "asked_for": "sentence_reduction",
                "method": "hand_delivered",
                "received_on": "2026-11-10",
                "facility": "BUT",
                "grounds": GROUNDS,
                "response": "denied",
                "response_on": "2026-11-15",
            }
        ],
        **parts,
    }


def pdftotext(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(done.stdout.decode().split())


def sheet_text(data: dict) -> str:
    facts = loads(json.dumps(data))
    return pdftotext(rendering.render(facts, "read-me-first", as_of=AS_OF))


@pytest.fixture(scope="module")
def waiting() -> str:
    return sheet_text(case_data())


# -- read-me-first.pdf -------------------------------------------------------------------------


def test_the_sheet_gives_the_wardens_street_address(waiting):
    assert (
        "The request to the warden goes here FCI Butner Medium I Attn: Warden Old NC Hwy 75 "
        "Butner, NC 27509"
    ) in waiting


def test_the_sheet_gives_the_clerks_office_and_says_to_check_it(waiting):
    clerk = waiting[waiting.index("The motion goes to the clerk's office") :]
    assert "Clerk of Court United States District Court for the Southern District of New York" in (
        clerk
    )
    assert "300 Quarropas Street White Plains, NY 10601" in clerk
    assert "This is the court's office in White Plains." in clerk
    assert "Check this address on the court's website before mailing." in clerk
    assert "nysd.uscourts.gov" in clerk


def test_the_us_attorneys_address_is_a_visible_blank_with_where_to_find_it(waiting):
    usao = waiting[waiting.index("A copy of the motion goes to the U.S. Attorney's Office") :]
    assert "United States Attorney's Office, Southern District of New York ____" in usao
    assert "justice.gov/usao" in usao


def test_the_sheet_gives_the_dates_in_words_and_forbids_signing_before(waiting):
    assert "the first day to file is Friday, December 11, 2026" in waiting
    assert "Nothing in it may be signed, dated or mailed before Friday, December 11, 2026" in (
        waiting
    )
    assert "(form BP-9) by Saturday, December 5, 2026" in waiting


def test_the_sheet_tells_how_papers_reach_the_prison_and_the_mailbox_rule(waiting):
    assert "prison address you already use for letters" in waiting
    assert "hands the sealed envelope to prison staff for mailing" in waiting
    assert "(the mailbox rule)" in waiting
    assert "black out" in waiting
    assert "notice of appeal must be filed within 14 days" in waiting
    assert "There is no fee to file this motion." in waiting
    assert "starts with “Emergency”" in waiting


def test_a_family_sender_is_told_to_have_the_person_sign_too():
    family = sheet_text(case_data(preparer={"name": "Maria Example", "relationship": "sister"}))
    assert "Ask your loved one to sign a copy of the request too" in family
    assert "You sign it at the end" in family


def test_a_person_writing_for_himself_is_not_told_to_co_sign(waiting):
    assert "Ask your loved one to sign a copy of the request too" not in waiting


def test_home_confinement_names_the_rrm_office_or_leaves_a_blank():
    text = sheet_text(
        case_data(
            custody={
                "sentencing_court": "federal_district",
                "status": "home_confinement",
                "offense_date": "2012-03-01",
            }
        )
    )
    warden = text[text.index("goes to the Residential Reentry Manager") :]
    assert "Attn: Residential Reentry Manager ____" in warden
    assert "inmate locator" in warden
    assert "RRM, " not in text


def test_every_sentence_of_the_sheet_reads_at_grade_8_or_below():
    facts = loads(json.dumps(case_data(preparer={"name": "Maria Example"})))
    sheet = readme.build(
        facts,
        screen(facts, AS_OF),
        papers=(
            "warden-request",
            "motion",
            "motion-now",
            "seal-motion",
            "seal-motion-now",
            "family-declaration",
        ),
    )
    prose = [p.about for p in sheet.papers] + [p.who_signs for p in sheet.papers]
    prose += [p.where for p in sheet.papers] + [a.find_it for a in sheet.addresses]
    prose += [point for section in sheet.sections for point in section.points]
    for text in prose:
        assert grade(text) <= 8.0, text


# -- the court papers hold no instructions ----------------------------------------------------


def test_the_exhibit_index_and_covers_hold_no_instructions():
    facts = loads(json.dumps(case_data()))
    screening = screen(facts, AS_OF)
    exhibits = lettering.exhibit_list(facts, screening)
    index = rendering.render_exhibit_index(facts, screening, exhibits, first_pages={})
    covers = rendering.render_exhibit_covers(facts, exhibits)
    text = pdftotext(index.write_pdf()) + pdftotext(covers.write_pdf())
    for instruction in ("Before mailing", "black out", "Put copies", "to be added"):
        assert instruction not in text
    assert "Index of Exhibits" in text


# -- the page ----------------------------------------------------------------------------------


@pytest.fixture
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def case(client, today) -> Case:
    client.post(reverse("case_start"))
    case = Case.objects.get()
    Case.objects.filter(pk=case.pk).update(
        preparer_role="family",
        preparer_name="Maria Example",
        sentencing_court="federal_district",
        custody_status="bop_facility",
        offense_ended_on=date(2009, 6, 30),
        person_name="Robert Example",
        facility="BUT",
        district="nysd",
        term_kind="years",
        term_months=240,
        finished_at="2026-11-29T12:00:00Z",
    )
    case.refresh_from_db()
    CaseGround.objects.create(case=case, category="medical_terminal", facts="Cancer")
    request = WardenRequest.objects.create(
        case=case,
        asked_for="sentence_reduction",
        sent_on=date(2026, 11, 10),
        received_on=date(2026, 11, 10),
        method="hand_delivered",
        facility="BUT",
        response="none",
    )
    RequestGround.objects.create(request=request, category="medical_terminal", facts="Cancer")
    return case


def page(client, case, language: str = "en") -> str:
    url = reverse("case_read_me_first", args=[case.id])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


@pytest.mark.django_db
def test_the_page_gives_the_same_sheet_in_english(client, case):
    html = page(client, case)
    assert "Read me first: how to sign and mail the papers" in html
    assert "FCI Butner Medium I<br>Attn: Warden<br>Old NC Hwy 75<br>Butner, NC 27509" in html
    assert "the first day to file is Friday, December 11, 2026" in html
    assert "Ask your loved one to sign a copy of the request too" in html
    assert "justice.gov/usao" in html


@pytest.mark.django_db
def test_the_page_speaks_spanish_and_keeps_the_envelope_in_english(client, case):
    html = page(client, case, "es")
    assert "Lea esto primero" in html
    assert "viernes, 11 de diciembre de 2026" in html
    assert "Attn: Warden" in html
    assert "Read me first" not in html


@pytest.mark.django_db
def test_the_results_page_links_to_the_sheet(client, case):
    response = client.get(reverse("case_results", args=[case.id]))
    assert reverse("case_read_me_first", args=[case.id]) in response.content.decode()


@pytest.mark.django_db
def test_the_page_offers_its_pdf_to_print(client, case):
    pdf = reverse("case_read_me_first_pdf", args=[case.id])
    assert f'<a href="{pdf}" download>Download this page to print</a>' in page(client, case)
    assert "Descargar esta página para imprimirla" in page(client, case, "es")
    assert client.get(pdf)["Content-Type"] == "application/pdf"


@pytest.mark.django_db
def test_another_persons_case_is_a_404(client, case):
    stranger = Client()
    response = stranger.get(reverse("case_read_me_first", args=[case.id]))
    assert response.status_code == 404


def test_without_a_motion_the_sheet_says_why_and_gives_no_court_address():
    facts = loads(json.dumps(case_data(warden_requests=[])))
    screening = screen(facts, AS_OF)
    sheet = readme.build(facts, screening, papers=("warden-request",))
    assert screening.no_motion_reason in sheet.dates
    assert [a.key for a in sheet.addresses] == ["warden"]


def test_a_date_resting_on_a_guessed_receipt_is_called_a_guess():
    request = {**case_data()["warden_requests"][0], "receipt_proof": "none", "response": "none"}
    facts = loads(json.dumps(case_data(warden_requests=[request])))
    screening = screen(facts, AS_OF)
    assert screening.verdict == "waiting"
    sheet = readme.build(facts, screening, papers=("warden-request", "motion"))
    assert any("This date is a guess" in line for line in sheet.dates)


def test_the_family_members_own_statement_is_theirs_to_sign():
    facts = loads(json.dumps(case_data(preparer={"name": "Maria Example"})))
    sheet = readme.build(
        facts, screen(facts, AS_OF), papers=("warden-request", "motion", "family-declaration")
    )
    statement = next(p for p in sheet.papers if p.document == "family-declaration")
    assert statement.who_signs.startswith("You sign it")


def test_a_case_that_can_file_is_told_a_new_warden_request_is_not_needed():
    facts = loads(json.dumps(case_data()))
    screening = screen(facts, AS_OF)
    assert screening.verdict == "waiting"
    sheet = readme.build(facts, screening, papers=("warden-request", "motion"))
    about = next(p for p in sheet.papers if p.document == "warden-request").about
    assert "so this one is not needed to file" in about
    assert "The 30 days of waiting start" not in about
    first = readme.build(
        loads(json.dumps(case_data(warden_requests=[]))),
        screen(loads(json.dumps(case_data(warden_requests=[]))), AS_OF),
        papers=("warden-request",),
    )
    assert "The 30 days of waiting start" in first.papers[0].about
