"""A document names its request to the warden by position; saving the interview's requests
again must keep each document with its own request (evidence/signals.py), and a removed
request's documents must be kept, never filed as the proof of another request."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from evidence import services
from evidence.models import Attachment
from evidence.views import GONE
from intake.models import Case
from tests.case_helpers import (
    answer_first_steps,
    finish_interview,
    post_step,
    request_form,
    requests_formset,
    start_case,
    step_url,
)
from tests.evidence_files import attach

pytestmark = pytest.mark.django_db

FIRST = {"sent_on": date(2026, 6, 1), "received_on": date(2026, 6, 3), "response": "denied"}
SECOND = {"sent_on": date(2026, 8, 21), "received_on": date(2026, 8, 21)}


def proof_for(case: Case, position: int, description: str) -> Attachment:
    return attach(
        case,
        description=description,
        kind="other",
        supports={
            "supports": "request",
            "request_position": position,
            "request_role": "proof_of_receipt",
        },
    )


@pytest.fixture
def case(family):
    case = start_case(family)
    answer_first_steps(family, case)
    response = finish_interview(family, case, request_form(0, **FIRST), request_form(1, **SECOND))
    assert response.status_code == 302
    proof_for(case, 0, "Stamped copy of the June request")
    proof_for(case, 1, "Stamped copy of the August request")
    return case


def positions(case: Case) -> dict[str, int | None]:
    return dict(case.attachments.values_list("description", "request_position"))


def resend_requests(client, case: Case, *forms: dict, initial: int = 2):
    data = requests_formset(*forms)
    data["INITIAL_FORMS"] = str(initial)
    return post_step(client, case, "request_details", data)


def test_removing_the_first_request_moves_the_seconds_documents_with_it(family, case):
    removed = {**request_form(0, **FIRST), "0-DELETE": "on"}
    response = resend_requests(family, case, removed, request_form(1, **SECOND))
    assert response.status_code == 302, response.content[:2000]

    assert case.warden_requests.get().sent_on == SECOND["sent_on"]
    assert positions(case) == {
        "Stamped copy of the June request": Attachment.REQUEST_REMOVED,
        "Stamped copy of the August request": 0,
    }
    by_description = {e.description: e.request for e in services.evidence_for(case)}
    assert by_description == {
        "Stamped copy of the June request": None,  # the motion does not use it
        "Stamped copy of the August request": 0,
    }


def test_a_removed_requests_document_is_kept_and_shown_as_no_longer_there(family, case):
    removed = {**request_form(0, **FIRST), "0-DELETE": "on"}
    resend_requests(family, case, removed, request_form(1, **SECOND))
    page = family.get(reverse("case_documents", kwargs={"case_id": case.id}))
    cards = {
        card.split("</h3>")[0]: card
        for card in page.content.decode().split('<section class="case-card"')[1:]
    }
    june = next(c for title, c in cards.items() if "June" in title)
    august = next(c for title, c in cards.items() if "August" in title)
    assert f"For: {GONE}." in june
    assert "Exhibit" not in june.split("</h3>")[0]  # not lettered: the motion leaves it out
    assert str(GONE) not in august
    assert case.attachments.count() == 2


def test_answering_that_no_request_was_sent_keeps_the_documents_apart(family, case):
    assert post_step(family, case, "requests", {"requests_sent": "no"}).status_code == 302
    assert set(positions(case).values()) == {Attachment.REQUEST_REMOVED}
    assert all(e.request is None for e in services.evidence_for(case))


def test_saving_the_requests_unchanged_moves_nothing(family, case):
    response = resend_requests(family, case, request_form(0, **FIRST), request_form(1, **SECOND))
    assert response.status_code == 302
    assert positions(case) == {
        "Stamped copy of the June request": 0,
        "Stamped copy of the August request": 1,
    }


def test_a_page_drawn_before_another_device_changed_the_requests_moves_nothing(family, case):
    """The form says it started from one request, but two are saved: which is which is not
    known, so the documents stay where they are rather than move to a guess."""
    response = resend_requests(family, case, request_form(0, **SECOND), initial=1)
    assert response.status_code == 302
    assert positions(case) == {
        "Stamped copy of the June request": 0,
        "Stamped copy of the August request": 1,
    }


def test_removing_a_request_on_the_add_another_request_page_moves_the_documents(family, case):
    """That page draws the saved requests and a blank one (three forms for two requests)."""
    page = family.get(step_url(case, "request_details") + "?add=1").content.decode()
    assert 'name="request_details-INITIAL_FORMS" value="3"' in page
    third = {"sent_on": date(2026, 9, 1), "received_on": date(2026, 9, 2)}
    removed = {**request_form(0, **FIRST), "0-DELETE": "on"}
    data = requests_formset(removed, request_form(1, **SECOND), request_form(2, **third))
    data["INITIAL_FORMS"] = "3"

    response = post_step(family, case, "request_details", data, query="?add=1")

    assert response.status_code == 302, response.content[:2000]
    assert positions(case) == {
        "Stamped copy of the June request": Attachment.REQUEST_REMOVED,
        "Stamped copy of the August request": 0,
    }
