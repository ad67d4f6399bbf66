from datetime import UTC, date, datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from eligibility import facts
from intake import models as intake_models
from intake.models import Case, CaseGround, RequestGround, WardenRequest
from tests.case_helpers import AS_OF

pytestmark = pytest.mark.django_db


def full_case(**changes) -> Case:
    values = {
        "preparer_role": "family",
        "preparer_name": "Ana Doe",
        "preparer_relationship": "daughter",
        "preparer_contact": "ana@example.com",
        "sentencing_court": "federal_district",
        "custody_status": "bop_facility",
        "offense_before_1987": "no",
        "offense_ended_on": date(2009, 6, 30),
        "appeal_pending": "no",
        "prior_motion": "no",
        "person_name": "Jane Q. Doe",
        "register_number": "12345-678",
        "date_of_birth": date(1957, 3, 2),
        "facility": "BUT",
        "district": "nysd",
        "case_number": "1:10-cr-00123",
        "imposed_on": date(2011, 1, 14),
        "term_kind": "years",
        "term_months": 240,
        "custody_began": date(2009, 7, 1),
        "offense": "Conspiracy",
        "requests_sent": "yes",
        "residence": "Queens, New York",
    }
    values.update(changes)
    case = Case.objects.create(**values)
    CaseGround.objects.create(case=case, category="medical_terminal", facts="Stage IV cancer")
    request = WardenRequest.objects.create(
        case=case,
        asked_for="sentence_reduction",
        sent_on=date(2026, 9, 1),
        method="hand_delivered",
        received_on=date(2026, 9, 1),
        facility="BUT",
        response="none",
    )
    RequestGround.objects.create(request=request, category="medical_terminal", facts="Cancer")
    return case


def test_it_builds_the_facts_the_rules_read():
    built = full_case().to_facts()

    assert built.person.register_number == "12345-678"
    assert built.custody.sentencing_court == "federal_district"
    assert built.sentence.term_months == 240 and built.sentence.life is False
    assert built.grounds == (facts.Ground("medical_terminal", "Stage IV cancer"),)
    assert built.warden_requests[0].grounds == (facts.Ground("medical_terminal", "Cancer"),)
    assert built.release_plan.residence == "Queens, New York"


def test_it_turns_not_sure_and_blank_into_unknown():
    built = full_case(
        sentencing_court="not_sure", custody_status="", appeal_pending="not_sure"
    ).to_facts()

    assert built.custody.sentencing_court is None
    assert built.custody.status is None
    assert built.sentence.appeal_pending is None


def test_it_gives_a_life_sentence_no_term_in_months():
    built = full_case(term_kind="life", term_months=None).to_facts()

    assert built.sentence.life is True
    assert built.sentence.term_months is None


def test_it_ignores_prior_motion_dates_unless_there_was_one():
    case = full_case(prior_motion="no", prior_motion_filed_on=date(2020, 1, 1))

    assert case.to_facts().prior_motion.filed_on is None


def test_it_says_a_request_listed_unknown_grounds_when_the_family_does_not_know():
    case = full_case()
    case.warden_requests.update(grounds_known=False)

    assert case.to_facts().warden_requests[0].grounds is None


def test_it_keeps_the_verdict_and_date_of_the_last_screening():
    case = full_case()

    case.rescreen(AS_OF)

    assert case.verdict == "ready_to_file"
    assert case.earliest_filing_date == date(2026, 10, 2)
    assert case.screened_on == AS_OF


def test_it_updates_the_kept_verdict_when_time_changes_it():
    case = full_case()
    case.rescreen(date(2026, 9, 10))
    case.save()
    assert case.verdict == "waiting"

    case.refresh_screening(AS_OF)

    case.refresh_from_db()
    assert case.verdict == "ready_to_file"


def test_it_round_trips_through_the_case_file():
    built = full_case(term_kind="not_sure").to_facts()

    assert facts.loads(facts.dumps(built)) == built


def test_it_names_the_step_to_resume_at():
    case = Case(current_step="sentence")

    assert case.current_step_label == "Step 4 of 9: The sentence"


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Case started December 6, 2026"), ("es", "Caso empezado el 6 de diciembre de 2026")],
)
def test_it_names_an_unnamed_case_by_the_day_it_began_where_the_site_is(settings, language, words):
    settings.TIME_ZONE = "America/New_York"
    case = Case.objects.create()
    # 00:30 in London is still 7:30 in the evening of the day before in New York.
    just_after_midnight_utc = datetime(2026, 12, 7, 0, 30, tzinfo=UTC)
    Case.objects.filter(pk=case.pk).update(created_at=just_after_midnight_utc)
    case.refresh_from_db()

    with translation.override(language):
        assert str(case) == words


def test_it_deletes_its_rows_with_the_case():
    case = full_case()

    case.delete()

    assert not CaseGround.objects.exists()
    assert not WardenRequest.objects.exists()
    assert not RequestGround.objects.exists()


def test_it_deletes_an_owners_cases_with_the_account():
    user = get_user_model().objects.create_user("a@example.com", password="x")
    full_case(owner=user)

    user.delete()

    assert not Case.objects.exists()


# -- the interview's answers the rules read (issue 13) -------------------------------------------


def test_it_gives_the_rules_how_a_receipt_is_shown():
    case = full_case()
    case.warden_requests.update(receipt_proof="staff_stamp")

    assert case.to_facts().warden_requests[0].receipt_proof == "staff_stamp"


def test_a_remembered_receipt_date_gives_an_estimated_date():
    case = full_case()
    case.warden_requests.update(receipt_proof="none")

    result = case.rescreen(AS_OF)

    assert result.verdict != "ready_to_file"
    assert result.date_is_estimate
    assert case.filing_date_is_estimate


def test_a_receipt_not_asked_about_is_read_as_shown():
    case = full_case()

    assert case.to_facts().warden_requests[0].receipt_proof is None
    assert case.rescreen(AS_OF).verdict == "ready_to_file"


@pytest.mark.parametrize(("answer", "old_law"), [("yes", True), ("no", False), ("not_sure", None)])
def test_it_gives_the_rules_the_old_law_answer(answer, old_law):
    case = full_case(offense_before_1987=answer, offense_ended_on=None)

    assert case.to_facts().custody.old_law is old_law


def test_a_new_law_answer_without_a_date_gives_a_filing_date():
    case = full_case(offense_before_1987="no", offense_ended_on=None)

    result = case.rescreen(AS_OF)

    assert result.verdict == "ready_to_file"
    assert result.earliest_filing_date == date(2026, 10, 2)


@pytest.mark.parametrize(("answer", "change"), [("yes", True), ("no", False), ("", None)])
def test_it_gives_the_rules_whether_another_reason_is_a_change_in_law(answer, change):
    case = full_case()
    CaseGround.objects.create(case=case, category="other", facts="A new law", change_in_law=answer)

    other = next(g for g in case.to_facts().grounds if g.category == "other")
    assert other.change_in_law is change


@pytest.mark.parametrize(
    ("outcome", "read"),
    [
        ("dismissed_unexhausted", "dismissed_unexhausted"),
        ("decided", "decided"),
        ("not_sure", None),
    ],
)
def test_it_gives_the_rules_how_an_earlier_motion_ended(outcome, read):
    case = full_case(prior_motion="yes", prior_motion_outcome=outcome)

    assert case.to_facts().prior_motion.outcome == read


def test_it_ignores_how_a_motion_ended_unless_there_was_one():
    case = full_case(prior_motion="no", prior_motion_outcome="dismissed_unexhausted")

    assert case.to_facts().prior_motion.outcome is None


# -- the models' choices are the rules' value sets ----------------------------------------------


@pytest.mark.parametrize(
    ("choices", "value_set"),
    [
        ("SentencingCourt", "SENTENCING_COURTS"),
        ("CustodyStatus", "CUSTODY_STATUSES"),
        ("RequestKind", "REQUEST_KINDS"),
        ("DeliveryMethod", "DELIVERY_METHODS"),
        ("ReceiptProof", "RECEIPT_PROOFS"),
        ("Response", "RESPONSES"),
        ("PriorMotionOutcome", "PRIOR_MOTION_OUTCOMES"),
    ],
)
def test_each_answer_the_rules_read_has_exactly_the_rules_values(choices, value_set):
    values = set(getattr(intake_models, choices).values) - {intake_models.NOT_SURE}

    assert values == set(getattr(facts, value_set))
