"""A document for a request to the warden points at the request's row. The interview's request
step edits those rows in place, so editing, adding or reordering requests never moves a
document to another request; deleting a request keeps its documents, shown as no longer
attached to a request and left out of the motion; and two places editing the list at once
never attach a document to the wrong request."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from evidence import services
from evidence.forms import UploadForm
from evidence.models import Attachment
from evidence.views import DETACHED
from intake.models import Case, WardenRequest
from tests import personas
from tests import workspace_helpers as make
from tests.case_helpers import (
    answer_first_steps,
    finish_interview,
    post_step,
    request_form,
    start_case,
    step_url,
)
from tests.evidence_files import attach, pdf_bytes, upload

pytestmark = pytest.mark.django_db

FIRST = {"sent_on": date(2026, 6, 1), "received_on": date(2026, 6, 3), "response": "denied"}
SECOND = {"sent_on": date(2026, 8, 21), "received_on": date(2026, 8, 21)}
THIRD = {"sent_on": date(2026, 9, 1), "received_on": date(2026, 9, 2)}
JUNE, AUGUST = "Stamped copy of the June request", "Stamped copy of the August request"


def proof_for(case: Case, request: WardenRequest, description: str) -> Attachment:
    return attach(
        case,
        description=description,
        kind="other",
        supports={
            "supports": "request",
            "request_id": request.pk,
            "request_role": "proof_of_receipt",
        },
    )


@pytest.fixture
def case(family):
    case = start_case(family)
    answer_first_steps(family, case)
    response = finish_interview(family, case, request_form(0, **FIRST), request_form(1, **SECOND))
    assert response.status_code == 302
    june, august = case.warden_requests.all()
    proof_for(case, june, JUNE)
    proof_for(case, august, AUGUST)
    return case


def sent_on(case: Case) -> dict[str, date | None]:
    """Each document's request, by the date the request was sent (None: no request)."""
    return {
        a.description: a.request.sent_on if a.request else None
        for a in case.attachments.select_related("request")
    }


def page_fields(client, url: str) -> dict[str, str]:
    """The hidden fields of the request step's page: each form's row id, the formset's counts
    and when the page was drawn, as the browser sends them back."""
    page = client.get(url).content.decode()
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))


def send_requests(client, case: Case, fields: dict, *forms: dict, query: str = "", url=None):
    """Send the request step as drawn (`fields`, from `page_fields`) with `forms` typed in."""
    payload = {**fields}
    for form in forms:
        payload.update({f"request_details-{key}": value for key, value in form.items()})
    payload["request_details-TOTAL_FORMS"] = str(len(forms))
    payload[f"case_{case.id.hex}-current_step"] = "request_details"
    return client.post((url or step_url(case, "request_details")) + query, payload)


def test_the_page_carries_each_saved_requests_row_id(family, case):
    fields = page_fields(family, step_url(case, "request_details"))

    june, august = case.warden_requests.all()
    assert fields["request_details-0-id"] == str(june.pk)
    assert fields["request_details-1-id"] == str(august.pk)
    assert fields["request_details-INITIAL_FORMS"] == "2"


def test_editing_a_request_keeps_its_row_and_its_documents(family, case):
    ids = list(case.warden_requests.values_list("pk", flat=True))
    fields = page_fields(family, step_url(case, "request_details"))
    edited = {**FIRST, "received_on": date(2026, 6, 5)}

    response = send_requests(
        family, case, fields, request_form(0, **edited), request_form(1, **SECOND)
    )

    assert response.status_code == 302, response.content[:2000]
    assert list(case.warden_requests.values_list("pk", flat=True)) == ids
    assert case.warden_requests.first().received_on == date(2026, 6, 5)
    assert sent_on(case) == {JUNE: FIRST["sent_on"], AUGUST: SECOND["sent_on"]}


def test_deleting_a_request_leaves_its_documents_no_longer_attached(family, case):
    august = case.warden_requests.last()
    fields = page_fields(family, step_url(case, "request_details"))
    removed = {**request_form(0, **FIRST), "0-DELETE": "on"}

    response = send_requests(family, case, fields, removed, request_form(1, **SECOND))

    assert response.status_code == 302, response.content[:2000]
    assert list(case.warden_requests.all()) == [august]
    assert case.warden_requests.get().position == 0
    assert sent_on(case) == {JUNE: None, AUGUST: SECOND["sent_on"]}
    assert case.attachments.count() == 2  # the document itself is kept
    by_description = {e.description: e.request for e in services.evidence_for(case)}
    assert by_description == {JUNE: None, AUGUST: 0}  # the motion leaves the June one out


def document_cards(client, case: Case) -> dict[str, str]:
    page = client.get(reverse("case_documents", kwargs={"case_id": case.id})).content.decode()
    cards = page.split('<section class="case-card"')[1:]
    return {(JUNE if "June" in c.split("</h3>")[0] else AUGUST): c for c in cards}


def test_the_documents_page_says_which_document_is_no_longer_attached(family, case):
    fields = page_fields(family, step_url(case, "request_details"))
    removed = {**request_form(0, **FIRST), "0-DELETE": "on"}
    send_requests(family, case, fields, removed, request_form(1, **SECOND))

    cards = document_cards(family, case)

    assert f"For: {DETACHED}." in cards[JUNE]
    assert "Exhibit" not in cards[JUNE].split("</h3>")[0]  # not lettered: the motion leaves it out
    assert str(DETACHED) not in cards[AUGUST]
    assert "Request 1, sent" in cards[AUGUST]  # now the only request


def test_no_longer_attached_is_said_in_spanish(family, case):
    case.warden_requests.filter(sent_on=FIRST["sent_on"]).delete()
    family.cookies["django_language"] = "es"

    cards = document_cards(family, case)

    assert "Ya no está unido a una solicitud" in cards[JUNE]


def test_answering_that_no_request_was_sent_keeps_the_documents_apart(family, case):
    assert post_step(family, case, "requests", {"requests_sent": "no"}).status_code == 302

    assert not case.warden_requests.exists()
    assert sent_on(case) == {JUNE: None, AUGUST: None}
    assert all(e.request is None for e in services.evidence_for(case))


def test_adding_a_request_moves_no_document(family, case):
    ids = list(case.warden_requests.values_list("pk", flat=True))
    fields = page_fields(family, step_url(case, "request_details") + "?add=1")
    assert fields["request_details-INITIAL_FORMS"] == "2"
    assert fields["request_details-TOTAL_FORMS"] == "3"  # the saved two and a blank one

    response = send_requests(
        family,
        case,
        fields,
        request_form(0, **FIRST),
        request_form(1, **SECOND),
        request_form(2, **THIRD),
        query="?add=1",
    )

    assert response.status_code == 302, response.content[:2000]
    requests = list(case.warden_requests.all())
    assert [r.pk for r in requests[:2]] == ids
    assert [r.sent_on for r in requests] == [FIRST["sent_on"], SECOND["sent_on"], THIRD["sent_on"]]
    assert sent_on(case) == {JUNE: FIRST["sent_on"], AUGUST: SECOND["sent_on"]}
    assert [e.request for e in services.evidence_for(case)] == [0, 1]


def test_deleting_a_request_on_the_add_another_request_page(family, case):
    fields = page_fields(family, step_url(case, "request_details") + "?add=1")
    removed = {**request_form(0, **FIRST), "0-DELETE": "on"}

    response = send_requests(
        family, case, fields, removed, request_form(1, **SECOND), request_form(2, **THIRD)
    )

    assert response.status_code == 302, response.content[:2000]
    assert [r.sent_on for r in case.warden_requests.all()] == [
        SECOND["sent_on"],
        THIRD["sent_on"],
    ]
    assert sent_on(case) == {JUNE: None, AUGUST: SECOND["sent_on"]}
    assert [e.request for e in services.evidence_for(case)] == [None, 0]


# -- two places editing the list at once -------------------------------------------------------


@pytest.fixture
def laptop(ana):
    return personas.browser_of(ana)


def test_a_page_drawn_before_a_request_was_deleted_elsewhere_changes_nothing(family, laptop, case):
    """The laptop drew both requests; the phone deletes June's; the laptop's page, sent after,
    is refused (the step changed since it was drawn): nothing is written, no document moves."""
    on_laptop = page_fields(laptop, step_url(case, "request_details"))
    on_phone = page_fields(family, step_url(case, "request_details"))
    removed = {**request_form(0, **FIRST), "0-DELETE": "on"}
    assert (
        send_requests(family, case, on_phone, removed, request_form(1, **SECOND)).status_code == 302
    )

    edited = {**FIRST, "received_on": date(2026, 6, 5)}
    late = send_requests(
        laptop, case, on_laptop, request_form(0, **edited), request_form(1, **SECOND)
    )

    assert late.status_code == 200
    assert "A request on this page was removed on another device" in late.content.decode()
    assert [r.sent_on for r in case.warden_requests.all()] == [SECOND["sent_on"]]
    assert sent_on(case) == {JUNE: None, AUGUST: SECOND["sent_on"]}


def test_a_page_drawn_before_a_request_was_added_elsewhere_is_refused(family, laptop, case):
    """The laptop drew two requests; the phone adds a third; the laptop's page, sent after,
    is refused as drawn before the step changed, and every document stays where it was."""
    on_laptop = page_fields(laptop, step_url(case, "request_details"))
    on_phone = page_fields(family, step_url(case, "request_details") + "?add=1")
    forms = (request_form(0, **FIRST), request_form(1, **SECOND), request_form(2, **THIRD))
    assert send_requests(family, case, on_phone, *forms).status_code == 302
    removed = {**request_form(0, **FIRST), "0-DELETE": "on"}

    late = send_requests(laptop, case, on_laptop, removed, request_form(1, **SECOND))

    assert late.status_code == 200
    assert "These answers were changed on another device" in late.content.decode()
    assert case.warden_requests.count() == 3
    assert sent_on(case) == {JUNE: FIRST["sent_on"], AUGUST: SECOND["sent_on"]}


def test_a_page_naming_a_request_deleted_elsewhere_says_so(family, laptop, case):
    """Even a page that does not say when it was drawn cannot write into a deleted request."""
    on_laptop = page_fields(laptop, step_url(case, "request_details"))
    del on_laptop["drawn_at_version"]
    case.warden_requests.filter(sent_on=FIRST["sent_on"]).delete()

    late = send_requests(
        laptop, case, on_laptop, request_form(0, **FIRST), request_form(1, **SECOND)
    )

    assert late.status_code == 200
    assert "A request on this page was removed on another device" in late.content.decode()
    assert [r.sent_on for r in case.warden_requests.all()] == [SECOND["sent_on"]]
    assert sent_on(case) == {JUNE: None, AUGUST: SECOND["sent_on"]}


def test_a_request_added_elsewhere_is_kept_with_its_documents(family, laptop, case):
    """The laptop drew two requests; the phone adds a third and files a document for it; the
    laptop's page (not saying when it was drawn) then edits the first: the third request and
    its document stay as they are."""
    on_laptop = page_fields(laptop, step_url(case, "request_details"))
    del on_laptop["drawn_at_version"]
    on_phone = page_fields(family, step_url(case, "request_details") + "?add=1")
    forms = (request_form(0, **FIRST), request_form(1, **SECOND), request_form(2, **THIRD))
    assert send_requests(family, case, on_phone, *forms).status_code == 302
    third = case.warden_requests.get(sent_on=THIRD["sent_on"])
    proof_for(case, third, "Stamped copy of the September request")

    edited = {**FIRST, "received_on": date(2026, 6, 5)}
    response = send_requests(
        laptop, case, on_laptop, request_form(0, **edited), request_form(1, **SECOND)
    )

    assert response.status_code == 302, response.content[:2000]
    requests = list(case.warden_requests.all())
    assert [r.sent_on for r in requests] == [FIRST["sent_on"], SECOND["sent_on"], THIRD["sent_on"]]
    assert requests[0].received_on == date(2026, 6, 5)
    assert sent_on(case) == {
        JUNE: FIRST["sent_on"],
        AUGUST: SECOND["sent_on"],
        "Stamped copy of the September request": THIRD["sent_on"],
    }


def test_an_upload_for_a_request_deleted_meanwhile_is_refused(case):
    """The upload form was checked with June's request on its list; the request is deleted
    before the document is stored: it is refused, never attached to another request."""
    june = case.warden_requests.first()
    form = UploadForm(
        {
            "description": "The warden's answer",
            "supports": f"request:{june.pk}:warden_response",
            "kind": "other",
        },
        {"file": upload(pdf_bytes())},
        case=case,
    )
    assert form.is_valid(), form.errors
    june.delete()

    with pytest.raises(ValidationError) as refused:
        services.attachment_create(
            case=case,
            user=None,
            file=form.cleaned_data["file"],
            inspected=form.inspected,
            description=form.cleaned_data["description"],
            kind=form.cleaned_data["kind"],
            **form.cleaned_data["supports"],
        )

    assert refused.value.code == "request_deleted"
    assert case.attachments.count() == 2


def test_an_advocate_editing_the_requests_keeps_their_documents(case):
    """The advocate's copy of the step edits the same rows, in place."""
    org = personas.organisation(personas.ORGANISATION)
    advocate = personas.browser_of(personas.mo(org))
    make.share(case, org)
    url = reverse("advocate_case_step", kwargs={"case_id": case.id, "step": "request_details"})
    ids = list(case.warden_requests.values_list("pk", flat=True))
    fields = page_fields(advocate, url)
    removed = {**request_form(1, **SECOND), "1-DELETE": "on"}
    edited = {**FIRST, "received_on": date(2026, 6, 5)}

    response = send_requests(advocate, case, fields, request_form(0, **edited), removed, url=url)

    assert response.status_code == 302, response.content[:2000]
    assert list(case.warden_requests.values_list("pk", flat=True)) == ids[:1]
    assert case.warden_requests.get().received_on == date(2026, 6, 5)
    assert sent_on(case) == {JUNE: FIRST["sent_on"], AUGUST: None}


def test_a_page_naming_another_cases_request_cannot_change_it(family, case):
    """Each form edits only a request of the case its address names: another case's row id,
    typed into the page, makes a new request of this case and leaves the other as it was."""
    other = start_case(family)
    answer_first_steps(family, other)
    finish_interview(family, other, request_form(0, **THIRD))
    theirs = other.warden_requests.get()
    fields = page_fields(family, step_url(case, "request_details"))
    fields["request_details-1-id"] = str(theirs.pk)
    edited = {**SECOND, "received_on": date(2026, 8, 25)}

    response = send_requests(
        family, case, fields, request_form(0, **FIRST), request_form(1, **edited)
    )

    assert response.status_code == 302, response.content[:2000]
    assert other.warden_requests.get() == theirs
    theirs.refresh_from_db()
    assert (theirs.case, theirs.received_on) == (other, THIRD["received_on"])
    assert case.warden_requests.filter(pk=theirs.pk).count() == 0
