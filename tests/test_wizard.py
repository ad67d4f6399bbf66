"""The interview through the test client: every branch, and nothing lost on the way."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse

from intake.models import Case
from intake.steps import STEPS
from intake.wizard import FORMS, CaseStorage
from tests.case_helpers import (
    GROUNDS,
    PERSON,
    SCREENING,
    SENTENCE,
    answer_first_steps,
    finish_interview,
    freeze_today,
    post_step,
    request_form,
    requests_formset,
    start_case,
    step_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def case(client) -> Case:
    return start_case(client)


def results_of(client, case) -> str:
    return client.get(reverse("case_results", args=[case.id])).content.decode()


# -- the whole interview ---------------------------------------------------------------------


def test_it_has_one_form_per_step_in_order():
    assert tuple(name for name, _ in FORMS) == STEPS


def test_it_walks_through_every_step_to_a_ready_to_file_result(client, case):
    answer_first_steps(client, case)

    response = finish_interview(
        client, case, request_form(0, sent_on=date(2026, 9, 1), received_on=date(2026, 9, 1))
    )

    assert response["Location"] == reverse("case_results", args=[case.id])
    case.refresh_from_db()
    assert case.verdict == "ready_to_file"
    assert case.earliest_filing_date == date(2026, 10, 2)
    assert "Friday, October 2, 2026" in results_of(client, case)


def test_it_saves_each_step_to_the_database_at_once(client, case):
    post_step(client, case, "about_you", {"role": "family", "name": "Ana"})
    post_step(client, case, "screening", SCREENING)
    post_step(client, case, "person", PERSON)

    case.refresh_from_db()
    assert case.preparer_name == "Ana"
    assert case.offense_ended_on == date(2009, 6, 30)
    assert case.register_number == "12345-678"
    assert case.completed_steps == ["about_you", "screening", "person"]
    assert case.current_step == "sentence"


def test_it_shows_the_step_number_and_title(client, case):
    response = client.get(step_url(case, "sentence"))

    assert "Step 4 of 9" in response.content.decode()
    assert "<title>Step 4 of 9: The sentence" in response.content.decode()


def test_every_page_the_family_sees_has_its_own_step_number(client, case):
    post_step(client, case, "requests", {"requests_sent": "yes"})

    numbers = {
        step: re.search(r"Step (\d+) of (\d+)", client.get(step_url(case, step)).content.decode())
        for step in STEPS
    }

    assert {step: found.groups() for step, found in numbers.items()} == {
        step: (str(n), "10") for n, step in enumerate(STEPS, start=1)
    }
    case.refresh_from_db()
    case.current_step = "release_plan"
    assert case.current_step_label == "Step 8 of 10: The release plan"


def test_without_requests_the_steps_after_them_move_up_by_one(client, case):
    post_step(client, case, "requests", {"requests_sent": "no"})

    assert "Step 6 of 9" in client.get(step_url(case, "requests")).content.decode()
    assert "Step 7 of 9" in client.get(step_url(case, "release_plan")).content.decode()
    assert "Step 9 of 9" in client.get(step_url(case, "review")).content.decode()


def test_it_shows_errors_next_to_the_field_and_in_a_summary(client, case):
    response = post_step(client, case, "person", {**PERSON, "register_number": "12"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_person-register_number"' in html
    assert 'id="id_person-register_number_error"' in html
    assert "<title>Error: Step 3 of 9" in html


def test_it_keeps_what_was_typed_when_a_step_has_errors(client, case):
    response = post_step(client, case, "person", {**PERSON, "register_number": "12"})

    assert 'value="Jane Q. Doe"' in response.content.decode()


# -- screen-outs and "not sure" --------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"sentencing_court": "state"}, "state court"),
        ({"sentencing_court": "dc_superior"}, "24-403.04"),
        ({"sentencing_court": "court_martial"}, "court-martial"),
        ({"custody_status": "supervised_release"}, "end supervision early"),
        ({"custody_status": "pretrial"}, "not been sentenced"),
        ({"custody_status": "immigration_detention"}, "Immigration detention"),
        (
            {
                "offense_before_1987": "yes",
                "offense_ended_on_0": "5",
                "offense_ended_on_1": "1",
                "offense_ended_on_2": "1986",
            },
            "4205(g)",
        ),
    ],
)
def test_it_screens_out_kindly_and_keeps_the_case(client, case, changes, words):
    post_step(client, case, "about_you", {"role": "family"})

    response = post_step(client, case, "screening", {**SCREENING, **changes})

    assert response["Location"] == reverse("case_screened_out", args=[case.id])
    page = client.get(response["Location"]).content.decode()
    assert words in page
    assert "We have kept your answers" in page
    case.refresh_from_db()
    assert case.verdict == "not_eligible"


def test_it_sends_an_eligible_case_away_from_the_screen_out_page(client, case):
    post_step(client, case, "screening", SCREENING)

    response = client.get(reverse("case_screened_out", args=[case.id]))

    assert response.status_code == 302


def test_it_explains_how_to_find_out_after_a_not_sure(client, case):
    response = post_step(client, case, "screening", {**SCREENING, "sentencing_court": "not_sure"})

    assert response["Location"] == reverse("case_find_out", args=[case.id])
    page = client.get(response["Location"]).content.decode()
    assert "first page of the judgment" in page
    assert step_url(case, "person") in page


def test_it_reaches_needs_information_with_not_sure_answers(client, case):
    answer_first_steps(client, case)
    post_step(client, case, "screening", {**SCREENING, "custody_status": "not_sure"})

    finish_interview(client, case)

    case.refresh_from_db()
    assert case.verdict == "needs_information"


# -- the request to the warden ----------------------------------------------------------------


def test_it_skips_the_request_details_when_none_was_sent(client, case):
    answer_first_steps(client, case)

    response = post_step(client, case, "requests", {"requests_sent": "no"})

    assert response["Location"] == step_url(case, "release_plan")
    assert client.get(step_url(case, "request_details"))["Location"] == step_url(
        case, "release_plan"
    )


def test_it_says_ask_the_warden_first_when_no_request_was_sent(client, case):
    answer_first_steps(client, case)

    finish_interview(client, case)

    case.refresh_from_db()
    assert case.verdict == "needs_warden_request"
    assert "First step: ask the warden" in results_of(client, case)


def test_it_gives_the_date_to_wait_for_after_one_request(client, case):
    answer_first_steps(client, case)

    finish_interview(
        client, case, request_form(0, sent_on=date(2026, 11, 2), received_on=date(2026, 11, 3))
    )

    case.refresh_from_db()
    assert case.verdict == "waiting"
    assert case.earliest_filing_date == date(2026, 12, 4)
    assert "Friday, December 4, 2026" in results_of(client, case)


def test_it_takes_the_earliest_request_that_covers_the_reason(client, case):
    answer_first_steps(client, case)

    finish_interview(
        client,
        case,
        request_form(0, sent_on=date(2026, 6, 1), received_on=date(2026, 6, 2)),
        request_form(1, sent_on=date(2026, 11, 1), received_on=date(2026, 11, 2)),
    )

    case.refresh_from_db()
    assert case.warden_requests.count() == 2
    assert case.verdict == "ready_to_file"
    assert case.earliest_filing_date == date(2026, 7, 3)


def test_it_says_a_new_request_is_needed_for_a_reason_the_warden_never_saw(client, case):
    grounds = {**GROUNDS, "ground_family_parent": "on", "facts_family_parent": "Mother ill"}
    answer_first_steps(client, case, grounds=grounds)

    finish_interview(
        client, case, request_form(0, sent_on=date(2026, 9, 1), received_on=date(2026, 9, 1))
    )

    case.refresh_from_db()
    assert case.verdict == "new_request_needed"
    assert "Their parent can no longer care for themselves" in results_of(client, case)


def test_it_does_not_count_a_request_for_home_confinement(client, case):
    answer_first_steps(client, case)

    finish_interview(
        client,
        case,
        request_form(
            0,
            sent_on=date(2026, 9, 1),
            received_on=date(2026, 9, 1),
            asked_for="home_confinement",
        ),
    )

    case.refresh_from_db()
    assert case.verdict == "needs_warden_request"


def test_it_needs_proof_when_the_receipt_date_is_a_guess(client, case):
    answer_first_steps(client, case)

    finish_interview(client, case, request_form(0, sent_on=date(2026, 9, 1), method="mail"))

    case.refresh_from_db()
    assert case.verdict == "needs_information"
    assert "proof of the date" in results_of(client, case)


def test_it_adds_another_request_form_without_losing_the_first(client, case):
    post_step(client, case, "requests", {"requests_sent": "yes"})

    response = post_step(
        client,
        case,
        "request_details",
        requests_formset(request_form(0, sent_on=date(2026, 9, 1))),
        add_request="1",
    )

    assert response["Location"] == step_url(case, "request_details") + "?add=1"
    page = client.get(response["Location"]).content.decode()
    assert "Request 2" in page
    assert 'name="request_details-1-asked_for"' in page
    assert case.warden_requests.count() == 1


def test_it_removes_the_requests_when_the_answer_becomes_no(client, case):
    post_step(client, case, "requests", {"requests_sent": "yes"})
    post_step(
        client,
        case,
        "request_details",
        requests_formset(request_form(0, sent_on=date(2026, 9, 1))),
    )

    post_step(client, case, "requests", {"requests_sent": "no"})

    assert case.warden_requests.count() == 0


def test_it_shows_saved_requests_again(client, case):
    post_step(client, case, "requests", {"requests_sent": "yes"})
    post_step(
        client,
        case,
        "request_details",
        requests_formset(request_form(0, sent_on=date(2026, 9, 1), received_on=date(2026, 9, 3))),
    )

    page = client.get(step_url(case, "request_details")).content.decode()

    assert 'name="request_details-0-received_on_1" value="3"' in page
    assert re.search(r'name="request_details-0-listed_medical_terminal"[^>]* checked', page)


# -- nothing lost ----------------------------------------------------------------------------


def test_it_keeps_unsent_input_when_going_back(client, case):
    response = post_step(
        client,
        case,
        "sentence",
        {**SENTENCE, "judge": "Judge Typed", "term_years": "many"},
        wizard_goto_step="person",
    )

    assert response["Location"] == step_url(case, "person")
    page = client.get(step_url(case, "sentence")).content.decode()
    assert 'value="Judge Typed"' in page
    assert 'value="many"' in page


def two_devices_of_one_family() -> tuple[Client, Client, Case]:
    user = get_user_model().objects.create_user("maria@example.com", "maria@example.com", "x" * 16)
    phone, laptop = Client(), Client()
    phone.force_login(user)
    laptop.force_login(user)
    case = start_case(phone)
    answer_first_steps(phone, case)
    return phone, laptop, case


def leave_sentence_with_a_draft(phone: Client, case: Case, **extra) -> None:
    """Leave the sentence step with "Back" and an answer that is not valid: a draft is kept."""
    post_step(
        phone,
        case,
        "sentence",
        {**SENTENCE, "judge": "Judge Typed On The Phone", "term_years": "many"},
        wizard_goto_step="person",
        **extra,
    )


def test_a_draft_left_on_one_device_gives_way_to_answers_saved_on_another():
    phone, laptop, case = two_devices_of_one_family()
    leave_sentence_with_a_draft(phone, case)
    assert (
        post_step(laptop, case, "sentence", {**SENTENCE, "judge": "Hon. Laptop"}).status_code == 302
    )

    page = phone.get(step_url(case, "sentence")).content.decode()

    assert 'value="Hon. Laptop"' in page
    assert "Judge Typed On The Phone" not in page
    assert "This step was changed on another device" in page
    # Only once: the next visit shows the saved answers with no message.
    again = phone.get(step_url(case, "sentence")).content.decode()
    assert 'value="Hon. Laptop"' in again
    assert "This step was changed on another device" not in again


def test_a_draft_made_on_a_page_drawn_before_another_devices_save_gives_way_too():
    """The phone's page was drawn from the old answers; the laptop saves new ones; then the
    phone leaves its page with "Back": what it kept began from answers no longer saved."""
    phone, laptop, case = two_devices_of_one_family()
    page = phone.get(step_url(case, "sentence")).content.decode()
    drawn_from = re.search(r'name="drawn_from" value="([0-9a-f]{64})"', page)[1]
    assert (
        post_step(laptop, case, "sentence", {**SENTENCE, "judge": "Hon. Laptop"}).status_code == 302
    )

    leave_sentence_with_a_draft(phone, case, drawn_from=drawn_from)
    again = phone.get(step_url(case, "sentence")).content.decode()

    assert 'value="Hon. Laptop"' in again
    assert "Judge Typed On The Phone" not in again
    assert "This step was changed on another device" in again


def test_a_draft_is_kept_when_another_device_saved_only_other_steps():
    phone, laptop, case = two_devices_of_one_family()
    leave_sentence_with_a_draft(phone, case)
    assert post_step(laptop, case, "person", {**PERSON, "unit": "B-2"}).status_code == 302

    page = phone.get(step_url(case, "sentence")).content.decode()

    assert 'value="Judge Typed On The Phone"' in page
    assert "This step was changed on another device" not in page


@pytest.mark.parametrize("step", [name for name, _ in FORMS])
def test_a_steps_saved_answers_have_the_same_fingerprint_each_time_they_are_read(client, step):
    """The draft check compares fingerprints of the saved answers: reading the same answers
    again, from a new copy of the case, must give the same one."""
    from intake.wizard import CaseWizard

    case = start_case(client)
    answer_first_steps(client, case)
    finish_interview(client, case, request_form(0, sent_on=date(2026, 8, 21)))
    fingerprints = set()
    for _ in range(2):
        wizard = CaseWizard()
        wizard.case = Case.objects.get(pk=case.pk)
        fingerprints.add(wizard._fingerprint(step))
    assert len(fingerprints) == 1


def test_it_saves_a_valid_step_when_going_back(client, case):
    post_step(client, case, "sentence", SENTENCE, wizard_goto_step="person")

    case.refresh_from_db()
    assert case.district == "nysd"
    assert "sentence" in case.completed_steps


def test_it_carries_on_after_the_session_lost_the_wizard(client, case):
    post_step(client, case, "about_you", {"role": "family"})
    session = client.session
    del session[f"wizard_case_{case.id.hex}"]
    session.save()

    response = post_step(client, case, "screening", SCREENING)

    assert response["Location"] == step_url(case, "person")


def test_it_reads_a_session_emptied_mid_request_as_a_new_wizard(rf):
    request = rf.get("/")
    request.session = SessionStore()
    storage = CaseStorage("case_x", request)
    request.session.flush()  # what logout() does

    assert storage.current_step is None


def test_it_shows_every_saved_answer_on_another_device(client, case):
    user = get_user_model().objects.create_user("ana@example.com", password="pw")
    case.owner = user
    case.save()
    client.force_login(user)
    answer_first_steps(client, case)
    other = Client()
    other.force_login(user)

    page = other.get(step_url(case, "sentence")).content.decode()

    assert 'value="1:10-cr-00123-ABC"' in page
    assert '<option value="nysd" selected>' in page
    assert other.get(reverse("case_resume", args=[case.id]))["Location"] == step_url(
        case, "requests"
    )


def test_it_resumes_at_the_step_where_the_family_stopped(client, case):
    post_step(client, case, "about_you", {"role": "family"})
    post_step(client, case, "screening", SCREENING)

    response = client.get(reverse("case_resume", args=[case.id]))

    assert response["Location"] == step_url(case, "person")


def test_it_saves_and_offers_an_account_on_save_and_come_back_later(client, case):
    response = post_step(client, case, "person", PERSON, save_later="1")

    assert response["Location"] == reverse("case_saved", args=[case.id])
    case.refresh_from_db()
    assert case.person_name == "Jane Q. Doe"
    assert case.current_step == "person"
    assert "Create an account" in client.get(response["Location"]).content.decode()


def test_it_sends_the_family_back_to_a_step_they_skipped(client, case):
    post_step(client, case, "about_you", {"role": "family"})

    response = post_step(client, case, "review", {})

    assert response["Location"] == step_url(case, "screening")


def test_it_returns_to_check_your_answers_after_a_change(client, case):
    response = post_step(client, case, "person", PERSON, query="?return=review")

    assert response["Location"] == step_url(case, "review")


def test_it_lists_every_answer_with_a_change_link(client, case):
    answer_first_steps(client, case)

    page = client.get(step_url(case, "review")).content.decode()

    assert "Jane Q. Doe" in page
    assert "12345-678" in page
    assert "20 years" in page
    assert "Stage IV pancreatic cancer" in page
    assert f"{step_url(case, 'sentence')}?return=review" in page


def test_it_escapes_what_people_type(client, case):
    post_step(client, case, "person", {**PERSON, "person_name": "<script>alert(1)</script>"})

    page = client.get(step_url(case, "review")).content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# -- who may see a case ----------------------------------------------------------------------


def test_it_hides_a_case_from_another_visitor(case):
    stranger = Client()

    assert stranger.get(step_url(case, "about_you")).status_code == 404
    assert stranger.get(reverse("case_results", args=[case.id])).status_code == 404


def test_it_changes_nothing_when_another_visitor_posts(case):
    stranger = Client()

    response = post_step(stranger, case, "person", PERSON)

    assert response.status_code == 404
    case.refresh_from_db()
    assert case.person_name == ""


def test_it_hides_an_owned_case_from_another_account(case):
    owner = get_user_model().objects.create_user("a@example.com", password="pw")
    case.owner = owner
    case.save()
    other = Client()
    other.force_login(get_user_model().objects.create_user("b@example.com", password="pw"))

    assert other.get(reverse("case_resume", args=[case.id])).status_code == 404


def test_it_refuses_a_form_whose_step_was_tampered_with(client, case):
    payload = {f"case_{case.id.hex}-current_step": "review", "about_you-role": "family"}

    response = client.post(step_url(case, "about_you"), payload)

    assert response.status_code == 400


def test_it_sends_an_unknown_step_to_where_the_family_stopped(client, case):
    response = client.get(reverse("case_step", args=[case.id, "nonsense"]))

    assert response["Location"] == step_url(case, "about_you")


def test_it_shows_one_empty_request_to_fill_in_at_first(client, case):
    post_step(client, case, "requests", {"requests_sent": "yes"})

    page = client.get(step_url(case, "request_details")).content.decode()

    assert "Request 1" in page
    assert "Request 2" not in page


def test_it_links_back_to_an_unfinished_case_from_the_home_page(client, case):
    post_step(client, case, "about_you", {"role": "family"})

    page = client.get(reverse("home")).content.decode()

    assert "Carry on where you left off" in page
    assert reverse("case_resume", args=[case.id]) in page


def test_it_does_not_link_to_another_visitors_case_from_the_home_page(case):
    page = Client().get(reverse("home")).content.decode()

    assert reverse("case_resume", args=[case.id]) not in page


def test_a_new_request_starts_at_the_prison_the_person_is_in(client, case):
    answer_first_steps(client, case)  # the person step chose FCI Butner Medium I (BUT)
    post_step(client, case, "requests", {"requests_sent": "yes"})

    first = client.get(step_url(case, "request_details")).content.decode()
    post_step(
        client, case, "request_details", requests_formset(request_form(0, sent_on=date(2026, 9, 1)))
    )
    added = client.get(step_url(case, "request_details") + "?add=1").content.decode()

    assert re.search(r'<option value="BUT"[^>]* selected>', first)
    assert len(re.findall(r'<option value="BUT"[^>]* selected>', added)) == 2


def test_a_state_prisoner_answers_one_question_and_learns_what_to_do_instead(client, case):
    post_step(client, case, "about_you", {"role": "family"})

    response = post_step(client, case, "screening", {"custody_status": "state_sentence"})

    assert response["Location"] == reverse("case_screened_out", args=[case.id])
    case.refresh_from_db()
    assert (case.sentencing_court, case.custody_status, case.verdict) == (
        "state",
        "",
        "not_eligible",
    )
    page = client.get(response["Location"]).content.decode()
    assert "state court" in page
    assert "medical parole" in page and "clemency" in page
    assert "public defender's office in the state" in page
    assert "federal defender" not in page
    again = client.get(step_url(case, "screening")).content.decode()
    assert re.search(r'value="state_sentence"[^>]*checked', again)
    assert again.index('name="screening-custody_status"') < again.index(
        'name="screening-sentencing_court"'
    )


def test_a_state_sentence_and_a_federal_court_cannot_both_be_true(client, case):
    response = post_step(
        client, case, "screening", {**SCREENING, "custody_status": "state_sentence"}
    )

    assert response.status_code == 200
    assert "not a state court below" in response.content.decode()


# -- long text and the language switch ---------------------------------------------------------


def test_a_long_text_box_says_its_limit_and_is_never_cut_by_the_browser(client, case):
    page = client.get(step_url(case, "release_plan")).content.decode()

    box = re.search(r"<textarea[^>]*name=\"release_plan-residence\"[^>]*>", page).group(0)
    assert 'data-limit="10000"' in box and "maxlength" not in box
    assert "Up to 10,000 characters." in page
    assert "js/text-limit.js" in page


def test_text_over_the_limit_is_refused_with_a_message_and_kept_whole(client, case):
    too_long = "My mother will care for her. " * 400  # 11,600 characters

    response = post_step(client, case, "release_plan", {"residence": too_long})

    page = response.content.decode()
    assert response.status_code == 200
    assert "This is 11,599 characters long. The most it can hold is 10,000" in page
    assert too_long.strip() in page
    case.refresh_from_db()
    assert case.residence == ""


def test_switching_language_on_a_step_keeps_what_was_typed(client, case):
    post_step(
        client,
        case,
        "person",
        {"person_name": "Jane Q. Doe", "register_number": "12"},
        language="es",
    )
    response = client.get(step_url(case, "person"))

    page = response.content.decode()
    assert '<html lang="es">' in page
    assert 'value="Jane Q. Doe"' in page and 'value="12"' in page


def test_switching_language_saves_a_step_that_is_complete(client, case):
    response = post_step(client, case, "release_plan", {"residence": "In Queens"}, language="es")

    assert response["Location"] == step_url(case, "release_plan")
    assert client.cookies["django_language"].value == "es"
    case.refresh_from_db()
    assert case.residence == "In Queens"
    assert 'form="step-form"' in client.get(step_url(case, "release_plan")).content.decode()


# -- dates across steps, and the new answers (issues 13 and 17) ----------------------------------


def test_the_sentence_step_refuses_a_sentence_before_the_saved_end_of_the_crime(client, case):
    answer_first_steps(client, case)  # the crime ended June 30, 2009
    early = {**SENTENCE, "imposed_on_0": "1", "imposed_on_1": "5", "imposed_on_2": "2009"}

    response = post_step(client, case, "sentence", early)

    assert response.status_code == 200
    html = response.content.decode()
    assert "This is before the crime ended (June 30, 2009" in html
    assert SENTENCE["case_number"] in html  # everything else stays as typed
    case.refresh_from_db()
    assert case.imposed_on == date(2011, 1, 14)


def test_the_screening_step_refuses_a_crime_that_ended_after_the_saved_sentence(client, case):
    answer_first_steps(client, case)  # sentenced January 14, 2011
    late = {**SCREENING, "offense_ended_on_0": "3", "offense_ended_on_1": "1"}
    late["offense_ended_on_2"] = "2012"

    response = post_step(client, case, "screening", late)

    assert response.status_code == 200
    assert "after the date of the sentence you gave (January 14, 2011)" in (
        response.content.decode()
    )


def test_the_screening_step_keeps_how_an_earlier_motion_ended(client, case):
    post_step(client, case, "about_you", {"role": "family"})
    data = {**SCREENING, "prior_motion": "yes", "prior_motion_outcome": "dismissed_unexhausted"}

    assert post_step(client, case, "screening", data).status_code == 302

    case.refresh_from_db()
    assert case.prior_motion_outcome == "dismissed_unexhausted"
    assert (
        "How did the earlier motion end?"
        in client.get(step_url(case, "screening")).content.decode()
    )


def test_the_grounds_step_asks_and_keeps_whether_another_reason_is_a_change_in_law(client, case):
    html = client.get(step_url(case, "grounds")).content.decode()
    assert "Is this reason a change in the law since sentencing?" in html

    other = {"ground_other": "on", "facts_other": "My sentence would be shorter today."}
    assert (
        post_step(client, case, "grounds", {**other, "change_in_law_other": "yes"}).status_code
        == 302
    )

    ground = case.grounds.get()
    assert (ground.category, ground.change_in_law) == ("other", "yes")
    html = client.get(step_url(case, "grounds")).content.decode()
    assert re.search(r'name="grounds-change_in_law_other" value="yes"[^>]*checked', html)


def test_the_request_step_keeps_how_the_receipt_is_shown(client, case):
    answer_first_steps(client, case)
    assert post_step(client, case, "requests", {"requests_sent": "yes"}).status_code == 302
    form = request_form(0, sent_on=date(2026, 9, 1), received_on=date(2026, 9, 3))
    form["0-receipt_proof"] = "staff_stamp"

    assert post_step(client, case, "request_details", requests_formset(form)).status_code == 302

    assert case.warden_requests.get().receipt_proof == "staff_stamp"


def test_a_mother_who_answers_new_law_without_the_date_is_given_a_filing_date(client, case):
    post_step(client, case, "about_you", {"role": "family"})
    no_date = {**SCREENING, **{f"offense_ended_on_{i}": "" for i in range(3)}}
    assert post_step(client, case, "screening", no_date).status_code == 302
    for step, data in (("person", PERSON), ("sentence", SENTENCE), ("grounds", GROUNDS)):
        assert post_step(client, case, step, data).status_code == 302
    request = request_form(0, sent_on=date(2026, 9, 1), received_on=date(2026, 9, 1))
    request["0-receipt_proof"] = "warden_reply"
    finish_interview(client, case, request)

    html = client.get(reverse("case_results", args=[case.id])).content.decode()

    assert "First day to file:" in html
    assert "October 2, 2026" in html
    assert "We need a little more information" not in html
