"""The notice of appeal after a denial (domain.md § 9): the order and its date, the district's
court of appeals for every district, the Rule 4(c)(1) declaration, the optional motion to
proceed without prepaying fees; read back from the PDF as text."""

import json
import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from eligibility import courts
from eligibility.facts import read_case
from intake import after_filing_papers
from intake.models import CaseStage
from tests.case_helpers import freeze_today
from tests.casebuilder import case
from tests.test_drafts import pdftotext
from tests.test_timeline import add, make_case

ENTERED = date(2026, 11, 20)


def facts_in(district: str | None):
    return read_case(json.loads(json.dumps(case(sentence={"district": district}))))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def notice() -> str:
    return flat(pdftotext(after_filing_papers.render_notice(facts_in("nysd"), entered_on=ENTERED)))


def test_it_names_the_person_the_order_and_its_date(notice):
    assert (
        "Notice is hereby given that Robert Example, defendant, appeals to the United States "
        "Court of Appeals for the Second Circuit from the order entered on November 20, 2026 "
        "denying the motion for a sentence reduction under 18 U.S.C. § 3582(c)(1)(A)."
    ) in notice


def test_it_has_the_caption_and_the_case_number(notice):
    assert "SOUTHERN DISTRICT OF NEW YORK" in notice
    assert "UNITED STATES OF AMERICA" in notice
    assert "1:12-cr-00123-ABC" in notice


def test_it_declares_the_day_it_is_handed_to_staff_on_a_blank_line(notice):
    assert "DECLARATION OF INMATE FILING" in notice
    assert "Fed. R. App. P. 4(c)(1)" in notice
    assert re.search(r"Today, _{5,}, I am depositing this notice of appeal", notice)
    assert "28 U.S.C. § 1746" in notice


def test_the_court_paper_holds_no_deadline_or_instruction(notice):
    assert "14 days" not in notice
    assert "December 4, 2026" not in notice
    assert "your loved one" not in notice.lower()


def test_the_motion_to_proceed_without_fees_is_only_there_when_asked(notice):
    with_ifp = flat(
        pdftotext(
            after_filing_papers.render_notice(facts_in("nysd"), entered_on=ENTERED, with_ifp=True)
        )
    )

    assert "In Forma Pauperis" not in notice
    assert "Motion for Leave to Proceed on Appeal In Forma Pauperis" in with_ifp
    assert "Fed. R. App. P. 24(a)(1)" in with_ifp
    # Nothing sworn that the family did not give: the money facts are blanks to fill in.
    assert re.search(r"Money in my inmate trust account today: _{5,}", with_ifp)


def test_an_unknown_district_leaves_the_court_of_appeals_blank():
    text = flat(pdftotext(after_filing_papers.render_notice(facts_in(None), entered_on=ENTERED)))

    assert re.search(r"United States Court of Appeals for the _{5,} Circuit", text)


@pytest.mark.parametrize("district", courts.districts(), ids=lambda d: d.id)
def test_every_district_names_its_own_court_of_appeals(district):
    pdf = after_filing_papers.render_notice(facts_in(district.id), entered_on=ENTERED)

    text = flat(pdftotext(pdf))

    assert f"appeals to the {district.court_of_appeals} from the order" in text


def test_there_are_94_districts():
    assert len(courts.districts()) == 94


# -- the download --------------------------------------------------------------------------------


@pytest.fixture
def timeline_case(client):
    return make_case(client)


@pytest.mark.django_db
def test_the_download_is_there_after_a_denial(client, timeline_case, monkeypatch):
    freeze_today(monkeypatch)
    url = reverse("case_notice_of_appeal_pdf", args=[timeline_case.id])
    assert client.get(url).status_code == 404

    add(client, timeline_case, "filed", date(2026, 10, 5))
    add(client, timeline_case, "decided", ENTERED, outcome="denied")
    response = client.get(url + "?ifp=1")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = flat(pdftotext(response.content))
    assert "order entered on November 20, 2026" in text
    assert "In Forma Pauperis" in text
    assert Client().get(url).status_code == 404


@pytest.mark.django_db
def test_the_timeline_links_the_notice_only_after_a_denial(client, timeline_case, monkeypatch):
    freeze_today(monkeypatch)
    page = reverse("case_timeline", args=[timeline_case.id])
    pdf = reverse("case_notice_of_appeal_pdf", args=[timeline_case.id])
    add(client, timeline_case, "filed", date(2026, 10, 5))
    assert pdf not in client.get(page).content.decode()

    CaseStage.objects.create(case=timeline_case, kind="decided", on=ENTERED, outcome="denied")

    assert pdf in client.get(page).content.decode()
