"""Deleting a case is for good: every row that hangs off it goes, nothing of it stays in the
session, and no browser that had it open can bring it back."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from intake.models import Case, CaseGround, RequestGround, WardenRequest
from tests.case_helpers import (
    PERSON,
    SENTENCE,
    answer_first_steps,
    finish_interview,
    freeze_today,
    post_step,
    request_form,
    start_case,
    step_url,
)

pytestmark = pytest.mark.django_db
PASSWORD = "a long pass phrase"


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def client(ana):
    client = Client(raise_request_exception=False)
    client.force_login(ana)
    return client


def finished_case(client) -> Case:
    case = start_case(client)
    answer_first_steps(client, case)
    finish_interview(client, case, request_form(0, sent_on=date(2026, 9, 1)))
    return case


def delete(client, case):
    return client.post(reverse("case_delete", args=[case.id]))


def rows_referring_to(case_id) -> dict[str, int]:
    """Rows of every model with a foreign key to Case (and the requests' grounds)."""
    counts = {
        rel.related_model.__name__: rel.related_model.objects.filter(
            **{rel.field.name: case_id}
        ).count()
        for rel in Case._meta.related_objects
    }
    counts["RequestGround"] = RequestGround.objects.filter(request__case_id=case_id).count()
    return counts


def test_it_deletes_the_case_and_every_row_that_hangs_off_it(client):
    case = finished_case(client)
    assert CaseGround.objects.filter(case=case).exists()
    assert RequestGround.objects.filter(request__case=case).exists()

    response = delete(client, case)

    assert response["Location"] == reverse("my_cases")
    assert not Case.objects.filter(pk=case.pk).exists()
    assert set(rows_referring_to(case.id).values()) == {0}


def test_it_leaves_the_accounts_other_cases_alone(client):
    kept = finished_case(client)
    gone = finished_case(client)

    delete(client, gone)

    assert Case.objects.filter(pk=kept.pk).exists()
    assert kept.grounds.count() == 1
    assert WardenRequest.objects.filter(case=kept).count() == 1


def test_the_browser_that_had_it_open_cannot_bring_it_back(client):
    case = finished_case(client)
    delete(client, case)

    posted = post_step(client, case, "person", PERSON)

    assert posted.status_code == 404
    assert client.get(step_url(case, "person")).status_code == 404
    assert client.get(reverse("case_resume", args=[case.id])).status_code == 404
    assert client.get(reverse("case_file", args=[case.id])).status_code == 404
    assert not Case.objects.filter(pk=case.pk).exists()


def test_another_device_with_it_open_cannot_bring_it_back(client, ana):
    case = finished_case(client)
    other = Client(raise_request_exception=False)
    other.force_login(ana)
    post_step(
        other, case, "sentence", {**SENTENCE, "term_years": "many"}, wizard_goto_step="person"
    )

    delete(client, case)

    assert post_step(other, case, "sentence", SENTENCE).status_code == 404
    assert not Case.objects.filter(pk=case.pk).exists()


def test_it_forgets_what_was_typed_on_the_case_but_never_sent(client):
    case = finished_case(client)
    post_step(
        client,
        case,
        "sentence",
        {**SENTENCE, "judge": "Judge Typed", "term_years": "many"},
        wizard_goto_step="person",
    )
    storage = f"wizard_case_{case.id.hex}"
    assert storage in client.session

    delete(client, case)

    assert storage not in client.session


def test_it_gives_everything_the_case_file_holds_before_deleting(client):
    case = finished_case(client)

    response = client.get(reverse("case_file", args=[case.id]))

    assert response.status_code == 200
    assert "Jane Q. Doe" in response.content.decode()
    assert "Stage IV pancreatic cancer" in response.content.decode()


def test_a_family_without_an_account_can_delete_its_case_for_good():
    """The browser that started a case owns it until someone signs up; it can erase it too."""
    client = Client()
    start = client.post(reverse("case_start"))
    case = Case.objects.get(pk=start["Location"].split("/")[2])
    assert case.owner_id is None

    results = client.get(reverse("case_results", args=[case.id])).content.decode()
    assert reverse("case_delete", args=[case.id]) in results
    response = client.post(reverse("case_delete", args=[case.id]))

    assert response["Location"] == reverse("home")
    assert not Case.objects.filter(pk=case.pk).exists()
