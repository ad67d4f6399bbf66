"""A case in the workspace: the review page, its actions, the drafts, edits through the
interview's steps, and the history they all write."""

from datetime import UTC, date, datetime

import pytest
from django.test import Client
from django.urls import reverse

from config import logfilter
from eligibility.facts import CaseFacts
from intake.access import share_for_request
from intake.drafts import caching
from intake.models import (
    AnswerChange,
    AuditAction,
    AuditEvent,
    Case,
    CaseShare,
    CaseStatus,
    ChangeRequest,
    Note,
    ShareOrigin,
)
from tests import workspace_helpers as make
from tests.case_helpers import (
    BACKGROUND,
    GROUNDS,
    PERSON,
    RELEASE_PLAN,
    SCREENING,
    SENTENCE,
    date_parts,
    request_form,
    requests_formset,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def share(org, ana):
    return make.share(make.ready_case(ana), org)


def page_url(share) -> str:
    return reverse("advocate_case", args=[share.case_id])


def action_url(share, name: str) -> str:
    return reverse(f"advocate_case_{name}", args=[share.case_id])


def advocate_step(client, case: Case, step: str, data: dict, *, query: str = "", **buttons):
    """Send one step of the interview as an advocate's browser would."""
    payload = {f"{step}-{key}": value for key, value in data.items()}
    payload[f"case_{case.id.hex}-current_step"] = step
    payload.update(buttons)
    url = reverse("advocate_case_step", kwargs={"case_id": case.id, "step": step})
    return client.post(url + query, payload)


def events(share, action: str) -> list[AuditEvent]:
    return list(share.audit_events.filter(action=action))


# -- the review page --------------------------------------------------------------------------


def test_it_shows_every_answer_by_section_with_the_rules_findings(client_mo, share):
    html = client_mo.get(page_url(share)).content.decode()

    for title in ("About you", "Where things stand", "The sentence", "The release plan"):
        assert title in html
    assert "1:12-cr-00123-ABC" in html
    assert "Ready to file" in html
    assert "Friday, October 2, 2026" in html
    assert "Metastatic prostate cancer" in html


def test_it_links_each_section_to_the_advocates_own_interview_step(client_mo, share):
    html = client_mo.get(page_url(share)).content.decode()

    assert f"/advocate/cases/{share.case_id}/step/sentence/?return=review" in html
    assert f"/cases/{share.case_id}/step/" not in html.replace("/advocate/cases/", "")


def test_it_offers_the_drafts_through_the_workspace(client_mo, share):
    html = client_mo.get(page_url(share)).content.decode()

    assert f"/advocate/cases/{share.case_id}/warden-request.pdf" in html
    assert f"/advocate/cases/{share.case_id}/motion.pdf" in html


def test_it_offers_no_drafts_when_the_law_does_not_apply(client_mo, org):
    share = make.share(make.case(custody={"sentencing_court": "state"}), org)

    html = client_mo.get(page_url(share)).content.decode()

    assert "No drafts: this law does not apply" in html
    assert ".pdf" not in html


def test_it_writes_each_view_in_the_history_with_the_advocates_name(client_mo, share):
    client_mo.get(page_url(share))
    response = client_mo.get(page_url(share))

    viewed = events(share, AuditAction.VIEWED)
    assert [e.actor_name for e in viewed] == ["Mo Advocate", "Mo Advocate"]
    assert "Viewed the case" in response.content.decode()


def test_it_shows_the_whole_history_on_its_own_page(client_mo, share):
    for _ in range(20):
        client_mo.get(page_url(share))

    html = client_mo.get(reverse("advocate_case_history", args=[share.case_id])).content.decode()

    assert html.count("Viewed the case") == 21


# -- status, assignment, notes -------------------------------------------------------------------


def test_it_moves_the_case_to_a_status_the_workflow_allows(client_mo, share):
    response = client_mo.post(action_url(share, "status"), {"status": CaseStatus.IN_REVIEW})

    assert response.status_code == 302
    share.refresh_from_db()
    assert share.status == CaseStatus.IN_REVIEW
    assert events(share, AuditAction.STATUS)[0].detail == "New → In review"


def test_it_refuses_a_status_the_workflow_does_not_allow_and_says_so(client_mo, share):
    response = client_mo.post(action_url(share, "status"), {"status": CaseStatus.GRANTED})

    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "cannot move there" in html
    share.refresh_from_db()
    assert share.status == CaseStatus.NEW


def test_it_says_when_a_decided_case_can_move_no_further(client_mo, share):
    CaseShare.objects.filter(pk=share.pk).update(status=CaseStatus.GRANTED)

    assert "that is final" in client_mo.get(page_url(share)).content.decode()


def test_it_assigns_the_case_to_an_advocate_of_the_organisation(client_mo, share, org):
    lee = make.advocate(org, "lee@example.org", "Lee Colleague")

    client_mo.post(action_url(share, "assign"), {"assigned_to": lee.pk})

    share.refresh_from_db()
    assert share.assigned_to == lee
    assert events(share, AuditAction.ASSIGNED)[0].detail == "Lee Colleague"


def test_it_never_assigns_the_case_to_an_advocate_of_another_organisation(client_mo, share):
    zed = make.advocate(make.organisation("Other Clinic"), "zed@example.org", "Zed")

    response = client_mo.post(action_url(share, "assign"), {"assigned_to": zed.pk})

    assert "Choose an advocate of your organization" in response.content.decode()
    share.refresh_from_db()
    assert share.assigned_to is None


def test_it_unassigns_the_case(client_mo, share, mo):
    CaseShare.objects.filter(pk=share.pk).update(assigned_to=mo)

    client_mo.post(action_url(share, "assign"), {"assigned_to": ""})

    share.refresh_from_db()
    assert share.assigned_to is None


def test_it_keeps_notes_inside_the_organisation(client_mo, client, share, ana):
    client_mo.post(action_url(share, "note"), {"text": "Call the daughter on Monday."})

    assert "Call the daughter on Monday." in client_mo.get(page_url(share)).content.decode()
    client.force_login(ana)
    family_page = client.get(reverse("case_results", args=[share.case_id])).content.decode()
    assert "Call the daughter" not in family_page
    assert Note.objects.get().author_name == "Mo Advocate"


def test_it_asks_for_the_text_of_an_empty_note(client_mo, share):
    response = client_mo.post(action_url(share, "note"), {"text": "  "})

    assert "Write the note before saving it" in response.content.decode()
    assert Note.objects.count() == 0


def test_it_escapes_what_people_write(client_mo, share):
    client_mo.post(action_url(share, "note"), {"text": "<script>alert(1)</script>"})

    html = client_mo.get(page_url(share)).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html


# -- requests for changes -----------------------------------------------------------------------


def test_it_shows_the_requested_change_to_the_family_on_their_case(client_mo, client, share, ana):
    client_mo.post(action_url(share, "request_changes"), {"message": "Add the date received."})

    client.force_login(ana)
    html = client.get(reverse("case_results", args=[share.case_id])).content.decode()
    assert "Add the date received." in html
    assert "Federal Defenders of New York" in html
    share.refresh_from_db()
    assert share.status == CaseStatus.CHANGES_REQUESTED


def test_it_shows_the_requested_change_on_the_familys_check_your_answers(
    client_mo, client, share, ana
):
    client_mo.post(action_url(share, "request_changes"), {"message": "Fix the sentence date."})

    client.force_login(ana)
    html = client.get(reverse("case_step", args=[share.case_id, "review"])).content.decode()
    assert "Fix the sentence date." in html
    assert "case_changes_done" not in html and "/done/" not in html


def test_it_sends_the_case_back_for_review_when_the_family_has_made_the_changes(
    client_mo, client, share, ana
):
    client_mo.post(action_url(share, "request_changes"), {"message": "Add the date received."})
    change = ChangeRequest.objects.get()

    client.force_login(ana)
    response = client.post(reverse("case_changes_done", args=[share.case_id, change.pk]))

    assert response.status_code == 302
    change.refresh_from_db()
    share.refresh_from_db()
    assert change.resolved_at is not None
    assert share.status == CaseStatus.IN_REVIEW
    assert events(share, AuditAction.CHANGES_DONE)[0].actor_name == "The family"
    html = client.get(reverse("case_results", args=[share.case_id])).content.decode()
    assert "Add the date received." not in html


def test_it_asks_for_the_message_of_a_change_request(client_mo, share):
    response = client_mo.post(action_url(share, "request_changes"), {"message": ""})

    assert "Write what the family should change" in response.content.decode()
    assert ChangeRequest.objects.count() == 0


# -- the drafts ----------------------------------------------------------------------------------


def draft_url(share, document: str) -> str:
    return reverse("advocate_case_draft", args=[share.case_id, document])


def test_it_downloads_a_draft_named_for_the_person_and_the_day(client_mo, share):
    response = client_mo.get(draft_url(share, "warden-request"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == (
        'attachment; filename="warden-request-example-2026-11-29.pdf"'
    )
    assert events(share, AuditAction.DOWNLOADED)[0].detail == "The request to the warden"


def test_it_gives_the_draft_the_cache_key_as_etag_and_a_304_when_unchanged(client_mo, share):
    facts: CaseFacts = share.case.to_facts(date(2026, 11, 29))
    etag = f'"{caching.cache_key(facts, "motion", date(2026, 11, 29), [])}"'

    first = client_mo.get(draft_url(share, "motion"))
    again = client_mo.get(draft_url(share, "motion"), HTTP_IF_NONE_MATCH=etag)

    assert first["ETag"] == etag
    assert again.status_code == 304
    assert again.content == b""
    assert len(events(share, AuditAction.DOWNLOADED)) == 1


def test_it_gives_a_new_etag_once_an_answer_changes(client_mo, share):
    first = client_mo.head(draft_url(share, "motion"), HTTP_IF_NONE_MATCH='"x"')
    Case.objects.filter(pk=share.case_id).update(judge="Hon. Someone Else")

    again = client_mo.get(draft_url(share, "motion"), HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


@pytest.mark.parametrize("document", ["nothing", "seal-motion-x", "case"])
def test_it_has_no_other_documents(client_mo, share, document):
    assert client_mo.get(draft_url(share, document)).status_code == 404


# -- editing answers through the interview's steps ---------------------------------------------


def test_it_records_each_answer_an_advocate_changes(client_mo, share, mo):
    person = {**PERSON, "person_name": "Robert Q. Example", "register_number": "12345-678"}

    response = advocate_step(client_mo, share.case, "person", person, query="?return=review")

    assert response["Location"] == page_url(share) + "#answers"
    changes = {c.field: (c.old, c.new) for c in AnswerChange.objects.all()}
    assert changes["Their full name"] == ("Robert Example", "Robert Q. Example")
    assert changes["Their date of birth"] == ("May 5, 1960", "March 2, 1957")
    assert {c.changed_by for c in AnswerChange.objects.all()} == {mo.user}
    assert "Their full name" in events(share, AuditAction.CHANGED)[0].detail


def test_it_records_nothing_when_a_step_is_saved_unchanged(client_mo, share):
    case = share.case
    data = {
        **PERSON,
        "person_name": case.person_name,
        "register_number": case.register_number,
        **date_parts("date_of_birth", case.date_of_birth),
        "unit": "",
    }

    advocate_step(client_mo, case, "person", data, query="?return=review")

    assert AnswerChange.objects.count() == 0
    assert events(share, AuditAction.CHANGED) == []


def test_it_rescreens_when_an_advocate_adds_the_request_to_the_warden(client_mo, org):
    share = make.share(make.no_request_case(), org)
    assert share.case.verdict == "needs_warden_request"

    advocate_step(client_mo, share.case, "requests", {"requests_sent": "yes"})
    advocate_step(
        client_mo,
        share.case,
        "request_details",
        requests_formset(request_form(0, sent_on=date(2026, 9, 1), received_on=date(2026, 9, 1))),
    )

    share.case.refresh_from_db()
    assert share.case.verdict == "ready_to_file"
    assert AnswerChange.objects.filter(step="request_details").exists()


def test_it_takes_the_advocate_back_to_the_case_never_to_a_family_page(client_mo, share):
    saved = advocate_step(client_mo, share.case, "release_plan", RELEASE_PLAN, save_later="1")
    screened_out = advocate_step(
        client_mo,
        share.case,
        "screening",
        {**dict(SCREENING), "sentencing_court": "state"},
    )

    assert saved["Location"] == page_url(share)
    assert screened_out["Location"] == reverse("advocate_case_step", args=[share.case_id, "person"])


def test_it_shows_the_advocate_the_check_step_with_workspace_links(client_mo, share):
    html = client_mo.get(
        reverse("advocate_case_step", args=[share.case_id, "review"])
    ).content.decode()

    assert f"/advocate/cases/{share.case_id}/step/person/?return=review" in html
    assert "Finish and go to the case" in html


def test_it_finishes_the_interview_on_the_case_page(client_mo, share):
    response = advocate_step(client_mo, share.case, "review", {})

    assert response["Location"] == page_url(share)


def test_it_starts_a_case_for_a_client_in_the_organisation(client_mo, mo):
    response = client_mo.post(reverse("advocate_case_start"))

    share = CaseShare.objects.get()
    assert response["Location"] == reverse("advocate_case_step", args=[share.case_id, "about_you"])
    assert (share.organisation, share.origin, share.assigned_to) == (
        mo.organisation,
        ShareOrigin.STARTED,
        mo,
    )
    assert (share.case.owner, share.case.session_key) == (None, "")
    assert events(share, AuditAction.STARTED)


def test_it_lets_an_advocate_walk_a_new_case_through_every_step(client_mo):
    client_mo.post(reverse("advocate_case_start"))
    share = CaseShare.objects.get()
    case = share.case
    steps = [
        ("about_you", {"role": "advocate", "name": "Mo Advocate", "relationship": "lawyer"}),
        ("screening", dict(SCREENING)),
        ("person", PERSON),
        ("sentence", dict(SENTENCE)),
        ("grounds", dict(GROUNDS)),
        ("requests", {"requests_sent": "yes"}),
        (
            "request_details",
            requests_formset(
                request_form(0, sent_on=date(2026, 9, 1), received_on=date(2026, 9, 1))
            ),
        ),
        ("release_plan", RELEASE_PLAN),
        ("background", BACKGROUND),
    ]
    for step, data in steps:
        response = advocate_step(client_mo, case, step, data)
        assert response.status_code == 302, (step, response.content[:1500])
        assert response["Location"].startswith("/advocate/"), step

    done = advocate_step(client_mo, case, "review", {})

    case.refresh_from_db()
    assert case.verdict == "ready_to_file"
    assert case.finished_at is not None
    assert done["Location"] == page_url(share)


def test_it_starts_no_case_for_a_family_account(client, ana):
    client.force_login(ana)

    assert client.post(reverse("advocate_case_start")).status_code == 404
    assert Case.objects.count() == 0


def test_it_keeps_a_case_started_by_an_advocate_out_of_family_pages(client, client_mo):
    client_mo.post(reverse("advocate_case_start"))
    case = Case.objects.get()

    stranger = Client()
    assert stranger.get(reverse("case_results", args=[case.id])).status_code == 404
    assert stranger.get(reverse("case_step", args=[case.id, "about_you"])).status_code == 404


def test_it_keeps_the_persons_name_out_of_the_logs_while_an_advocate_works(rf, share, mo):
    request = rf.get("/")
    request.user = mo.user
    logfilter.reset()

    share_for_request(request, share.case_id)

    assert logfilter.redact("Robert Example wrote 1:12-cr-00123-ABC") == (
        "[redacted] wrote [redacted]"
    )
    logfilter.reset()


def test_the_family_sees_the_day_a_change_was_asked_where_the_site_is_and_in_spanish(
    client_mo, client, share, ana, settings
):
    settings.TIME_ZONE = "America/New_York"
    client_mo.post(action_url(share, "request_changes"), {"message": "Add the date received."})
    # Just after midnight in London: still the evening of December 6 in New York.
    share.change_requests.update(created_at=datetime(2026, 12, 7, 0, 30, tzinfo=UTC))

    client.force_login(ana)
    client.post(reverse("set_language"), {"language": "es", "next": "/"})
    html = client.get(reverse("case_results", args=[share.case_id])).content.decode()

    assert "6 de diciembre de 2026" in html
    assert "diciembre 7" not in html and "December" not in html


# -- the advocate's interview carries the new answers (issue 13) ---------------------------------


def test_an_advocate_edits_the_new_answers_with_the_familys_questions(client_mo, share):
    case = share.case
    html = client_mo.get(
        reverse("advocate_case_step", kwargs={"case_id": case.id, "step": "grounds"})
    ).content.decode()
    assert "Is this reason a change in the law since sentencing?" in html
    grounds = {
        "ground_medical_terminal": "on",
        "facts_medical_terminal": "Metastatic prostate cancer",
        "ground_other": "on",
        "facts_other": "A new law",
        "change_in_law_other": "no",
    }

    assert advocate_step(client_mo, case, "grounds", grounds).status_code == 302

    assert case.grounds.get(category="other").change_in_law == "no"
    changes = {c.field: c.new for c in share.answer_changes.all()}
    question = (
        "Another reason just as serious: Is this reason a change in the law since sentencing?"
    )
    assert changes[question] == "No"
