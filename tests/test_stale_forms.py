"""One case open in two places (two devices of a family, or a family and an advocate): a step's
page drawn before its answers were saved elsewhere is refused with the typed answers kept, and
saving a step writes only that step's answers (issue 16 item 4)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db.models import F
from django.test import Client
from django.urls import reverse

from intake import answers, forms
from intake.models import Case
from intake.wizard import FORMS
from tests import personas
from tests import workspace_helpers as make
from tests.case_helpers import (
    PERSON,
    RELEASE_PLAN,
    SENTENCE,
    answer_first_steps,
    freeze_today,
    post_step,
    start_case,
    step_url,
)

pytestmark = pytest.mark.django_db

REFUSED = "These answers were changed on another device (or by someone helping you)"


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


def two_devices() -> tuple[Client, Client, Case]:
    user = get_user_model().objects.create_user("maria@example.com", "maria@example.com", "x" * 16)
    phone, laptop = Client(), Client()
    phone.force_login(user)
    laptop.force_login(user)
    case = start_case(phone)
    answer_first_steps(phone, case)
    return phone, laptop, case


def drawn(client: Client, url: str) -> dict[str, str]:
    """The hidden fields a step's page was drawn with, which the browser sends back."""
    page = client.get(url).content.decode()
    return {
        name: re.search(rf'name="{name}" value="([^"]*)"', page)[1]
        for name in ("drawn_from", "drawn_at_version")
    }


def test_every_step_page_says_the_version_it_was_drawn_at(client):
    case = start_case(client)
    Case.objects.filter(pk=case.pk).update(version=7)

    assert drawn(client, step_url(case, "person"))["drawn_at_version"] == "7"


def test_of_two_devices_sending_one_step_the_second_is_refused_and_the_first_stands():
    phone, laptop, case = two_devices()
    on_phone = drawn(phone, step_url(case, "sentence"))
    on_laptop = drawn(laptop, step_url(case, "sentence"))
    version = Case.objects.get(pk=case.pk).version

    first = post_step(phone, case, "sentence", {**SENTENCE, "judge": "Hon. Phone"}, **on_phone)
    second = post_step(
        laptop, case, "sentence", {**SENTENCE, "judge": "Hon. Laptop Older"}, **on_laptop
    )

    assert first.status_code == 302
    assert second.status_code == 200
    page = second.content.decode()
    assert REFUSED in page
    assert page.index(REFUSED) < page.index("<h1")
    assert 'value="Hon. Laptop Older"' in page  # what was typed is kept
    case.refresh_from_db()
    assert case.judge == "Hon. Phone"
    assert case.version == version + 1


def test_a_refused_page_sent_again_after_checking_is_saved():
    phone, laptop, case = two_devices()
    on_laptop = drawn(laptop, step_url(case, "sentence"))
    post_step(phone, case, "sentence", {**SENTENCE, "judge": "Hon. Phone"})
    refused = post_step(laptop, case, "sentence", {**SENTENCE, "judge": "Hon. Laptop"}, **on_laptop)
    page = refused.content.decode()
    again = {
        name: re.search(rf'name="{name}" value="([^"]*)"', page)[1]
        for name in ("drawn_from", "drawn_at_version")
    }

    response = post_step(laptop, case, "sentence", {**SENTENCE, "judge": "Hon. Laptop"}, **again)

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.judge == "Hon. Laptop"


def test_a_page_sent_back_with_a_mistake_still_remembers_when_it_was_drawn():
    phone, laptop, case = two_devices()
    on_laptop = drawn(laptop, step_url(case, "sentence"))
    post_step(phone, case, "sentence", {**SENTENCE, "judge": "Hon. Phone"})
    mistake = post_step(
        laptop, case, "sentence", {**SENTENCE, "term_years": "many"}, **on_laptop
    ).content.decode()
    resent = {
        name: re.search(rf'name="{name}" value="([^"]*)"', mistake)[1]
        for name in ("drawn_from", "drawn_at_version")
    }

    response = post_step(laptop, case, "sentence", {**SENTENCE, "judge": "Hon. Laptop"}, **resent)

    assert response.status_code == 200 and REFUSED in response.content.decode()
    case.refresh_from_db()
    assert case.judge == "Hon. Phone"


def test_leaving_a_stale_page_with_back_writes_nothing():
    phone, laptop, case = two_devices()
    on_laptop = drawn(laptop, step_url(case, "person"))
    post_step(phone, case, "person", {**PERSON, "unit": "Phone unit"})

    response = post_step(
        laptop,
        case,
        "person",
        {**PERSON, "unit": "Laptop unit"},
        wizard_goto_step="screening",
        **on_laptop,
    )

    assert response.status_code == 200 and REFUSED in response.content.decode()
    case.refresh_from_db()
    assert case.unit == "Phone unit"


def test_a_step_saved_since_another_step_was_saved_elsewhere_is_kept_with_both():
    """The laptop's person page was drawn before the phone saved the sentence: the person
    step's answers are still those the page showed, so it is saved, and the sentence stays."""
    phone, laptop, case = two_devices()
    on_laptop = drawn(laptop, step_url(case, "person"))
    post_step(phone, case, "sentence", {**SENTENCE, "judge": "Hon. Phone"})

    response = post_step(laptop, case, "person", {**PERSON, "unit": "C-3"}, **on_laptop)

    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.unit, case.judge) == ("C-3", "Hon. Phone")


def test_saving_a_step_keeps_what_another_device_saved_while_it_was_being_sent(client, monkeypatch):
    """Another device saves the person step after this request has loaded the case and before
    it saves the sentence: the sentence's save must not write the older person answers back."""
    case = start_case(client)
    answer_first_steps(client, case)
    page = drawn(client, step_url(case, "sentence"))
    read_answers = answers.initial
    elsewhere = []

    def another_device_saves_the_person_step_meanwhile(case_, step):
        if step == "sentence" and not elsewhere:
            elsewhere.append(step)
            Case.objects.filter(pk=case_.pk).update(
                unit="Saved elsewhere", version=F("version") + 1
            )
        return read_answers(case_, step)

    monkeypatch.setattr(answers, "initial", another_device_saves_the_person_step_meanwhile)

    response = post_step(client, case, "sentence", {**SENTENCE, "judge": "Hon. New"}, **page)

    assert elsewhere and response.status_code == 302
    case.refresh_from_db()
    assert (case.unit, case.judge) == ("Saved elsewhere", "Hon. New")


STEP_DATA = {
    "about_you": {"role": "family", "name": "Maria"},
    "person": {**PERSON, "unit": "Z-9"},
    "sentence": {**SENTENCE, "judge": "Hon. Other"},
    "release_plan": {"residence": "Elsewhere", "medical_care": "A clinic"},
    "background": {"work": "Kitchen"},
    "requests": {"requests_sent": "no"},
}


@pytest.mark.parametrize("step", list(STEP_DATA))
def test_a_steps_save_changes_no_answer_outside_the_fields_it_owns(client, step):
    case = start_case(client)
    answer_first_steps(client, case)
    post_step(client, case, "release_plan", RELEASE_PLAN)
    case = Case.objects.get(pk=case.pk)
    before = {f.attname: getattr(case, f.attname) for f in Case._meta.concrete_fields}
    form_class = dict(FORMS)[step]
    kwargs = {"case": case} if issubclass(form_class, forms.CaseDatesMixin) else {}
    form = form_class({f"{step}-{k}": v for k, v in STEP_DATA[step].items()}, prefix=step, **kwargs)
    assert form.is_valid(), form.errors

    answers.save(case, step, form)

    changed = {name for name, value in before.items() if getattr(case, name) != value}
    assert changed and changed <= set(answers.case_fields(step))


# -- an advocate and the family at once -------------------------------------------------------


@pytest.fixture
def shared():
    org = personas.organisation(personas.ORGANISATION)
    mo = personas.mo(org)
    ana = personas.ana()
    share = make.share(make.ready_case(ana), org)
    return personas.browser_of(ana), personas.browser_of(mo), share.case


def advocate_url(case: Case, step: str) -> str:
    return reverse("advocate_case_step", kwargs={"case_id": case.id, "step": step})


def advocate_post(client, case: Case, step: str, data: dict, **extra):
    payload = {f"{step}-{key}": value for key, value in data.items()}
    payload[f"case_{case.id.hex}-current_step"] = step
    payload.update(extra)
    return client.post(advocate_url(case, step), payload)


def test_an_advocate_sending_after_the_family_saved_the_step_is_refused(shared):
    family, advocate, case = shared
    on_advocate = drawn(advocate, advocate_url(case, "release_plan"))
    on_family = drawn(family, step_url(case, "release_plan"))

    saved = post_step(family, case, "release_plan", {"residence": "Family's answer"}, **on_family)
    refused = advocate_post(
        advocate, case, "release_plan", {"residence": "Advocate's older answer"}, **on_advocate
    )

    assert saved.status_code == 302
    assert refused.status_code == 200
    page = refused.content.decode()
    assert REFUSED in page and "Advocate&#x27;s older answer" in page
    case.refresh_from_db()
    assert case.residence == "Family's answer"


def test_the_family_sending_after_an_advocate_saved_the_step_is_refused(shared):
    family, advocate, case = shared
    on_family = drawn(family, step_url(case, "release_plan"))
    on_advocate = drawn(advocate, advocate_url(case, "release_plan"))

    saved = advocate_post(
        advocate, case, "release_plan", {"residence": "Advocate's answer"}, **on_advocate
    )
    refused = post_step(family, case, "release_plan", {"residence": "Family's older"}, **on_family)

    assert saved.status_code == 302
    assert refused.status_code == 200 and REFUSED in refused.content.decode()
    case.refresh_from_db()
    assert case.residence == "Advocate's answer"


def test_the_refusal_is_in_spanish_for_a_spanish_page():
    phone, laptop, case = two_devices()
    on_laptop = drawn(laptop, step_url(case, "sentence"))
    post_step(phone, case, "sentence", {**SENTENCE, "judge": "Hon. Phone"})
    laptop.cookies["django_language"] = "es"

    refused = post_step(laptop, case, "sentence", {**SENTENCE, "judge": "Hon. L"}, **on_laptop)

    assert "Estas respuestas se cambiaron en otro aparato" in refused.content.decode()
