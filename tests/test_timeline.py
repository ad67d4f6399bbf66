"""The case's timeline after the request (domain.md § 9): the stages the family records, what
comes next after each and by when, in words; refused dates next to their field."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from intake.models import Case, CaseGround, CaseStage, RequestGround, WardenRequest
from tests.case_helpers import AS_OF, date_parts, freeze_today

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def case(client) -> Case:
    return make_case(client)


def make_case(client) -> Case:
    """The family's finished case: a request received on September 1, 2026."""
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
    request = WardenRequest.objects.create(
        case=case,
        asked_for="sentence_reduction",
        sent_on=date(2026, 9, 1),
        received_on=date(2026, 9, 1),
        method="hand_delivered",
        facility="BUT",
        response="none",
    )
    RequestGround.objects.create(request=request, category="medical_terminal", facts="Facts")
    return case


def url(case) -> str:
    return reverse("case_timeline", args=[case.id])


def add(client, case, kind, on, **extra):
    data = {"kind": kind, **date_parts("on", on), **date_parts("reply_due_on", None)}
    for key, value in extra.items():
        if isinstance(value, date):
            data.update(date_parts(key, value))
        else:
            data[key] = value
    return client.post(url(case), data)


def test_it_records_a_stage_and_redirects(client, case):
    response = add(client, case, "filed", date(2026, 10, 5))

    assert response.status_code == 302
    assert case.stages.get().on == date(2026, 10, 5)


def test_a_denial_shows_the_appeal_deadline_in_words(client, case):
    add(client, case, "filed", date(2026, 10, 5))
    add(client, case, "decided", date(2026, 11, 20), outcome="denied")

    html = client.get(url(case)).content.decode()

    assert "Friday, December 4, 2026" in html  # November 20 + 14 days
    assert "5 days left" in html


def test_a_close_deadline_says_so(client, case, monkeypatch):
    add(client, case, "filed", date(2026, 10, 5))
    add(client, case, "decided", date(2026, 11, 20), outcome="denied")
    freeze_today(monkeypatch, date(2026, 12, 2))

    html = client.get(url(case)).content.decode()

    assert "The date is close" in html


def test_the_reply_date_is_the_one_given(client, case):
    add(client, case, "filed", date(2026, 10, 5))
    add(client, case, "response", date(2026, 11, 20), reply_due_on=date(2026, 12, 21))

    html = client.get(url(case)).content.decode()

    assert "Monday, December 21, 2026" in html
    assert case.stages.get(kind="response").reply_due_on == date(2026, 12, 21)


def test_a_response_without_a_reply_date_asks_for_it(client, case):
    add(client, case, "response", date(2026, 11, 20))

    html = client.get(url(case)).content.decode()

    assert "We do not guess that date" in html


def test_a_dismissal_gives_the_date_to_file_again(client, case, monkeypatch):
    freeze_today(monkeypatch, date(2026, 9, 25))
    add(client, case, "filed", date(2026, 9, 10))
    add(client, case, "decided", date(2026, 9, 24), outcome="dismissed_unexhausted")

    html = client.get(url(case)).content.decode()

    assert "Friday, October 2, 2026" in html  # the request's receipt + 31 days


def test_a_date_after_today_is_refused_next_to_the_field(client, case):
    response = add(client, case, "filed", AS_OF.replace(day=30))

    assert response.status_code == 200
    assert "That date is in the future" in response.content.decode()
    assert not CaseStage.objects.exists()


def test_a_decision_before_the_filing_is_refused(client, case):
    add(client, case, "filed", date(2026, 10, 5))

    response = add(client, case, "decided", date(2026, 10, 1), outcome="denied")

    assert response.status_code == 200
    assert "is before the date of" in response.content.decode()
    assert case.stages.count() == 1


def test_a_decision_needs_its_outcome(client, case):
    response = add(client, case, "decided", date(2026, 11, 1))

    assert "Choose what the judge decided" in response.content.decode()
    assert not CaseStage.objects.exists()


def test_an_unknown_stage_is_refused_not_a_500(client, case):
    response = add(client, case, "<script>", date(2026, 11, 1))

    assert response.status_code == 200
    assert not CaseStage.objects.exists()


def test_someone_else_gets_404(client, case):
    assert Client().get(url(case)).status_code == 404
    assert add(Client(), case, "filed", date(2026, 10, 5)).status_code == 404


def test_the_results_page_links_to_the_timeline(client, case):
    html = client.get(reverse("case_results", args=[case.id])).content.decode()

    assert url(case) in html


def test_the_timeline_speaks_spanish(case, client):
    add(client, case, "filed", date(2026, 10, 5))
    add(client, case, "decided", date(2026, 11, 20), outcome="denied")
    client.cookies.load({"django_language": "es"})

    html = client.get(url(case), HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "viernes, 4 de diciembre de 2026" in html
    assert "The judge decided" not in html


def test_a_stage_written_by_mistake_can_be_removed(client, case):
    add(client, case, "filed", date(2026, 11, 20))  # the wrong day: the decision came before
    assert (
        "is before"
        in add(client, case, "decided", date(2026, 11, 2), outcome="denied").content.decode()
    )
    wrong = case.stages.get()

    response = client.post(reverse("case_stage_remove", args=[case.id, wrong.id]))

    assert response.status_code == 302
    assert not case.stages.exists()
    assert add(client, case, "decided", date(2026, 11, 2), outcome="denied").status_code == 302


def test_someone_else_cannot_remove_a_stage(client, case):
    add(client, case, "filed", date(2026, 10, 5))
    stage = case.stages.get()

    response = Client().post(reverse("case_stage_remove", args=[case.id, stage.id]))

    assert response.status_code == 404
    assert case.stages.exists()
