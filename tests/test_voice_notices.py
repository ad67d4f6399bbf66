"""Next to each box whose text reaches a court paper, the interview says whose words it becomes
there (domain.md § 6): the motion's words are the person in prison's, sworn by them, with a
preview line; the family's home and support go in their own signed statement. The offense in
their own words carries a caution, and a child is asked for by initials and year of birth."""

import pytest

from intake.models import Case, Role
from intake.templatetags.intake_tags import OFFENSE_CAUTION, VOICE_NOTICES
from tests.case_helpers import answer_first_steps, freeze_today, start_case, step_url
from tests.readability import grade
from tests.test_plain_language import MAX_GRADE

pytestmark = pytest.mark.django_db

IN_MOTION = "This goes in the court paper as your loved one&#x27;s own words."
IN_DECLARATION = "This goes in your own signed statement, not in your loved one&#x27;s words."
OWN = "This goes in the court paper as your own words."


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def case(client) -> Case:
    case = start_case(client)
    answer_first_steps(client, case)
    return case


def step_page(client, case, step: str) -> str:
    response = client.get(step_url(case, step))
    assert response.status_code == 200
    return response.content.decode()


def test_each_reasons_facts_say_they_read_as_the_loved_ones_words(client, case):
    html = step_page(client, case, "grounds")

    assert 'id="id_grounds-facts_medical_terminal_voice"' in html
    assert IN_MOTION in html
    # The preview line is filled by the script only; without it, the notice stands alone.
    assert 'id="id_grounds-facts_medical_terminal_preview" data-label="In the motion:" hidden' in (
        html
    )
    assert "js/voice-preview.js" in html


def test_the_background_boxes_say_so_and_the_offense_box_warns(client, case):
    html = step_page(client, case, "background")

    assert html.count(IN_MOTION) == 6
    assert "Stay within what the court already found" in html
    assert "talk to the appeal lawyer" in html
    caution = html.index("Stay within what the court already found")
    assert html.index('id="id_background-statement"') < caution
    assert caution < html.index('id="id_background-support_letters"')


def test_the_home_and_support_go_in_the_familys_own_statement(client, case):
    html = step_page(client, case, "release_plan")

    assert html.count(IN_DECLARATION) == 5
    assert IN_MOTION not in html
    assert "_preview" not in html


def test_for_a_person_writing_for_himself_the_home_reads_as_his_own_words(client, case):
    Case.objects.filter(pk=case.pk).update(preparer_role=Role.SELF)

    html = step_page(client, case, "release_plan")

    assert html.count(OWN) == 4
    assert IN_DECLARATION not in html
    assert 'id="id_release_plan-household_preview"' in html


def test_a_child_is_asked_for_by_initials_and_year_of_birth_only(client, case):
    html = step_page(client, case, "grounds")

    assert "initials and year of birth only (not the full name or birth date)" in html
    assert "The child&#x27;s age and relationship" not in html


@pytest.mark.parametrize("text", [*VOICE_NOTICES.values(), OFFENSE_CAUTION])
def test_the_notices_read_at_grade_8_or_below(text):
    assert grade(text) <= MAX_GRADE, text
