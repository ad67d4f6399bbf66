import re
from datetime import date

import pytest
from django import forms as django_forms
from django.contrib.auth import get_user_model
from django.utils import translation

from accounts.forms import SignupForm
from eligibility import courts
from intake import forms
from intake.fields import MonthDayYearField
from intake.models import Case
from tests.case_helpers import (
    ABOUT_YOU,
    PERSON,
    SCREENING,
    SENTENCE,
    date_parts,
    freeze_today,
    request_form,
    requests_formset,
)
from workspace.forms import DashboardForm


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


class DateForm(django_forms.Form):
    when = MonthDayYearField(label="When")
    required_when = MonthDayYearField(
        label="Required", required=True, error_messages={"required": "Enter the date it was sent"}
    )
    future_ok = MonthDayYearField(label="Later", past=False)


def date_errors(**parts) -> dict:
    data = {**date_parts("required_when", date(2020, 1, 1))}
    data.update(parts)
    form = DateForm(data)
    form.is_valid()
    return form.errors


# -- dates -------------------------------------------------------------------------------------


def test_it_reads_a_date_from_three_boxes():
    form = DateForm({**date_parts("when", date(2025, 3, 14)), **date_parts("required_when", None)})
    form.is_valid()

    assert form.cleaned_data["when"] == date(2025, 3, 14)


def test_it_leaves_an_optional_date_empty():
    form = DateForm(date_parts("required_when", date(2020, 1, 1)))

    assert form.is_valid()
    assert form.cleaned_data["when"] is None


def test_it_says_which_date_is_missing_when_required():
    form = DateForm({})

    assert form.errors["required_when"] == ["Enter the date it was sent"]


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ({"when_0": "3", "when_1": "", "when_2": "2025"}, "Enter the date as month, day, year"),
        ({"when_0": "March", "when_1": "14", "when_2": "2025"}, "in numbers"),
        ({"when_0": "13", "when_1": "1", "when_2": "2025"}, "a number from 1 to 12"),
        ({"when_0": "3", "when_1": "14", "when_2": "25"}, "4 digits"),
        ({"when_0": "2", "when_1": "30", "when_2": "2025"}, "That date does not exist"),
        ({"when_0": "1", "when_1": "1", "when_2": "2027"}, "in the future"),
    ],
)
def test_it_says_how_to_fix_a_bad_date(parts, message):
    errors = date_errors(**parts)

    assert message in errors["when"][0]


def test_it_accepts_a_future_date_where_one_makes_sense():
    form = DateForm(
        {
            **date_parts("future_ok", date(2030, 5, 1)),
            **date_parts("required_when", date(2020, 1, 1)),
        }
    )

    assert form.is_valid()


def test_it_draws_three_labelled_number_boxes_that_browsers_do_not_autofill():
    html = str(forms.PersonForm()["date_of_birth"])

    assert ">Month</label>" in html and ">Day</label>" in html and ">Year</label>" in html
    assert html.count('inputmode="numeric"') == 3
    assert html.count('autocomplete="off"') == 3


# -- step 1 and 2 -----------------------------------------------------------------------------


def test_it_asks_who_is_filling_in_the_form():
    form = forms.AboutYouForm({})

    assert form.errors["role"] == ["Choose who is filling this in"]
    assert forms.AboutYouForm(ABOUT_YOU).is_valid()


def test_it_accepts_the_screening_answers():
    assert forms.ScreeningForm(SCREENING).is_valid()


def test_it_asks_every_screening_question():
    form = forms.ScreeningForm({})

    assert (
        "Choose which court gave the sentence, or choose Not sure"
        in form.errors["sentencing_court"]
    )
    assert set(form.errors) >= {"custody_status", "offense_before_1987", "appeal_pending"}


def test_it_accepts_not_sure_everywhere_in_the_screening():
    data = dict.fromkeys(
        (
            "sentencing_court",
            "custody_status",
            "offense_before_1987",
            "appeal_pending",
            "several_districts",
            "transferred_supervision",
            "prior_motion",
        ),
        "not_sure",
    )

    assert forms.ScreeningForm(data).is_valid()


def test_it_takes_the_old_law_answer_without_a_date():
    form = forms.ScreeningForm(
        {**SCREENING, "offense_before_1987": "yes", **date_parts("offense_ended_on", None)}
    )

    assert form.is_valid(), form.errors


@pytest.mark.parametrize(("answer", "ended"), [("yes", date(1990, 1, 1)), ("no", date(1985, 1, 1))])
def test_it_catches_a_date_that_contradicts_the_1987_answer(answer, ended):
    form = forms.ScreeningForm(
        {**SCREENING, "offense_before_1987": answer, **date_parts("offense_ended_on", ended)}
    )

    assert form.has_error("offense_ended_on", code="old_law_contradicts_offense_date")


def test_it_catches_a_prior_motion_decided_before_it_was_filed():
    form = forms.ScreeningForm(
        {
            **SCREENING,
            "prior_motion": "yes",
            **date_parts("prior_motion_filed_on", date(2021, 5, 1)),
            **date_parts("prior_motion_decided_on", date(2021, 1, 1)),
        }
    )

    assert form.has_error("prior_motion_decided_on", code="order")


# -- step 3 and 4 -----------------------------------------------------------------------------


def test_it_accepts_a_register_number_without_the_dash():
    form = forms.PersonForm(PERSON)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["register_number"] == "12345-678"


def test_it_explains_the_register_number_format():
    form = forms.PersonForm({**PERSON, "register_number": "1234-56"})

    assert form.errors["register_number"] == [
        "Enter the register number as 8 digits, for example 12345-678"
    ]


def test_it_needs_the_persons_name():
    form = forms.PersonForm({**PERSON, "person_name": ""})

    assert form.errors["person_name"] == ["Enter your loved one's full name"]


def test_it_asks_for_the_name_of_a_facility_not_on_the_list():
    form = forms.PersonForm({**PERSON, "facility": forms.OTHER_FACILITY, "facility_other": ""})

    assert "Type the name of the facility" in form.errors["facility_other"][0]


def test_every_facility_picker_offers_the_one_list_current_places_first():
    listed = courts.facility_choices()
    wanted = [
        ("", "Choose a facility"),
        *listed.current,
        ("Former facilities (closed or renamed)", list(listed.former)),
        (forms.OTHER_FACILITY, "Not listed: I will type the name"),
    ]

    for field in (forms.PersonForm().fields["facility"], forms.RequestForm().fields["facility"]):
        assert [
            (value, label if isinstance(label, list) else str(label))
            for value, label in field.choices
        ] == wanted
    dashboard = DashboardForm(members=[]).fields["facility"].choices
    assert [value for value, _ in dashboard][1:-1] == [value for value, _ in listed.current]
    assert "ACC" in {value for value, _ in dict(wanted)["Former facilities (closed or renamed)"]}
    assert ("BUT", "FCI Butner Medium I, Butner, NC") in listed.current


def test_a_facility_not_on_the_list_is_kept_as_typed():
    form = forms.PersonForm(
        {**PERSON, "facility": forms.OTHER_FACILITY, "facility_other": "Hill County Jail"}
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["facility_other"] == "Hill County Jail"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("Search the list of facilities", "1 match in the list below", "{count} matches")),
        (
            "es",
            ("Buscar en la lista de prisiones", "1 resultado en la lista", "{count} resultados"),
        ),
    ],
)
def test_the_search_box_around_a_long_list_speaks_the_pages_language(language, words):
    with translation.override(language):
        html = str(forms.PersonForm()["facility"]) + str(forms.SentenceForm()["district"])

    for word in words:
        assert word in html


def test_it_lists_all_94_district_courts():
    choices = forms.SentenceForm().fields["district"].choices

    assert len(choices) == 95  # 94 courts and "Choose a court"


def test_it_adds_years_and_months_into_the_term():
    form = forms.SentenceForm({**SENTENCE, "term_years": "15", "term_extra_months": "6"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["term_months"] == 186


def test_it_needs_a_length_for_a_term_of_years():
    form = forms.SentenceForm({**SENTENCE, "term_years": "", "term_extra_months": ""})

    assert form.errors["term_years"] == [
        "Enter the length of the sentence, for example 15 years and 0 months"
    ]


def test_it_accepts_a_life_sentence_without_a_length():
    form = forms.SentenceForm({**SENTENCE, "term_kind": "life", "term_years": ""})

    assert form.is_valid()


def test_it_accepts_an_unusual_case_number_as_typed():
    form = forms.SentenceForm({**SENTENCE, "case_number": "CR 88-1234 (JBW)"})

    assert form.is_valid()
    assert form.cleaned_data["case_number"] == "CR 88-1234 (JBW)"


# -- step 5 ------------------------------------------------------------------------------------


def test_it_needs_at_least_one_reason():
    form = forms.GroundsForm({})

    assert "Choose at least one reason" in form.non_field_errors()[0]


def test_it_collects_each_chosen_reason_with_its_facts_and_papers():
    form = forms.GroundsForm(
        {
            "ground_family_parent": "on",
            "facts_family_parent": "Mother has dementia",
            "evidence_family_parent": ["The parent's medical records"],
            "facts_age": "typed but not ticked",
        }
    )

    assert form.is_valid()
    assert form.chosen_grounds() == [
        {
            "category": "family_parent",
            "facts": "Mother has dementia",
            "evidence": ["The parent's medical records"],
            "evidence_notes": "",
            "change_in_law": "",
        }
    ]


def test_it_accepts_a_reason_the_law_does_not_count_and_remembers_it():
    form = forms.GroundsForm({"not_conviction_wrong": "on"})

    assert form.is_valid()
    assert form.chosen_not_grounds() == ["conviction_wrong"]
    assert form.chosen_grounds() == []


def test_it_asks_no_facts_for_a_reason_that_can_no_longer_be_used():
    form = forms.GroundsForm()

    assert "ground_unusually_long_sentence" in form.fields
    assert "facts_unusually_long_sentence" not in form.fields


def test_it_refuses_papers_that_are_not_on_the_list():
    form = forms.GroundsForm({"ground_age": "on", "evidence_age": ["A forged letter"]})

    assert "evidence_age" in form.errors


# -- step 6 ------------------------------------------------------------------------------------


def test_it_asks_whether_a_request_was_sent():
    form = forms.RequestsForm({})

    assert form.errors["requests_sent"] == ["Choose whether a request was sent, or choose Not sure"]


def one_request(**changes) -> forms.RequestForm:
    data = {
        key.removeprefix("0-"): value
        for key, value in request_form(0, sent_on=date(2026, 9, 1)).items()
    }
    data.update(changes)
    return forms.RequestForm(data)


def test_it_accepts_a_request():
    form = one_request()

    assert form.is_valid(), form.errors
    assert form.listed_grounds() == [
        {"category": "medical_terminal", "facts": "Facts given to the warden."}
    ]


def test_it_needs_to_know_what_the_request_listed():
    form = one_request(listed_medical_terminal="")

    assert form.has_error("grounds_unknown", code="required")


def test_it_refuses_listed_reasons_and_we_dont_know_together():
    form = one_request(grounds_unknown="on")

    assert form.has_error("grounds_unknown", code="contradiction")


def test_it_refuses_a_receipt_before_the_request_was_sent():
    form = one_request(**date_parts("received_on", date(2026, 8, 1)))

    assert form.errors["received_on"] == [
        "It cannot be received before it was sent. Check both dates"
    ]


def test_it_asks_what_the_request_asked_for():
    form = one_request(asked_for="")

    assert form.errors["asked_for"] == ["Choose what the request asked for, or choose Not sure"]


def request_formset(data: dict) -> forms.RequestFormSet:
    return forms.RequestFormSet({f"r-{k}": v for k, v in data.items()}, prefix="r")


def test_it_needs_one_request_left_after_removing():
    data = requests_formset(request_form(0, sent_on=date(2026, 9, 1)))
    data["0-DELETE"] = "on"
    formset = request_formset(data)

    assert not formset.is_valid()
    assert "at least one request" in formset.non_form_errors()[0]


def test_it_accepts_several_requests():
    formset = request_formset(
        requests_formset(
            request_form(0, sent_on=date(2026, 6, 1)), request_form(1, sent_on=date(2026, 9, 1))
        )
    )

    assert formset.is_valid(), formset.errors


# -- accounts ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_it_never_says_that_an_email_already_has_an_account():
    get_user_model().objects.create_user("ana@example.com", "ana@example.com", "x")
    form = SignupForm(
        {
            "email": "Ana@Example.com",
            "password1": "a long pass phrase",
            "password2": "a long pass phrase",
        }
    )

    assert form.is_valid()
    assert form.cleaned_data["email"] == "ana@example.com"


@pytest.mark.django_db
def test_it_says_when_the_two_passwords_differ():
    form = SignupForm(
        {
            "email": "b@example.com",
            "password1": "a long pass phrase",
            "password2": "another one here",
        }
    )

    assert form.errors["password2"] == ["The two passwords are different"]


@pytest.mark.django_db
def test_it_refuses_a_weak_password():
    form = SignupForm({"email": "b@example.com", "password1": "12345678", "password2": "12345678"})

    assert "password1" in form.errors


@pytest.mark.django_db
def test_it_lowercases_the_email_for_the_account():
    form = SignupForm(
        {
            "email": " Ana@Example.COM ",
            "password1": "a long pass phrase",
            "password2": "a long pass phrase",
        }
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["email"] == "ana@example.com"


@pytest.mark.parametrize(
    ("language", "order"),
    [("en", ["Month", "Day", "Year"]), ("es", ["Día", "Mes", "Año"])],
)
def test_date_boxes_come_in_the_order_the_language_writes_dates(language, order):
    with translation.override(language):
        html = str(forms.PersonForm(initial={"date_of_birth": date(1957, 3, 2)})["date_of_birth"])

    labels = re.findall(r"<label for=\"[^\"]+\">([^<]+)</label>", html)
    assert labels == order
    # Whatever the order, each box keeps its name: the day (2) is never read as the month.
    assert re.search(r'name="date_of_birth_1"[^>]*value="2"', html)
    assert re.search(r'name="date_of_birth_0"[^>]*value="3"', html)
    day_first = html.index("date_of_birth_1") < html.index("date_of_birth_0")
    assert day_first == (language == "es")


def test_a_day_typed_in_the_spanish_order_is_kept_as_the_day():
    with translation.override("es"):
        form = forms.PersonForm({**PERSON, "date_of_birth_0": "3", "date_of_birth_1": "2"})

        assert form.is_valid(), form.errors
    assert form.cleaned_data["date_of_birth"] == date(1957, 3, 2)


# -- dates that cannot be true, refused where they are typed (issue 17 item 7) ------------------


def test_it_refuses_an_answer_before_the_warden_received_the_request():
    form = one_request(
        **date_parts("received_on", date(2026, 9, 10)),
        response="denied",
        **date_parts("response_on", date(2026, 9, 5)),
    )

    assert form.errors["response_on"] == [
        "The warden cannot answer before receiving the request. Check both dates"
    ]
    assert form.has_error("response_on", code="response_before_received")
    assert "received_on" not in form.errors


@pytest.mark.parametrize(
    "name", ["sent_on", "received_on", "response_on", "bp9_on", "bp10_on", "bp11_on"]
)
def test_it_refuses_a_request_or_appeal_date_after_today(name, today):
    data = {"sent_on": date(2026, 9, 1), name: date(2026, 12, 1)}
    form = one_request(**{k: v for n, d in data.items() for k, v in date_parts(n, d).items()})

    assert "That date is in the future" in form.errors[name][0]


def test_it_keeps_the_request_as_typed_when_a_date_is_refused():
    form = one_request(**date_parts("received_on", date(2026, 8, 1)))

    assert not form.is_valid()
    assert form["sent_on"].value() == ["9", "1", "2026"]
    assert form["listed_facts_medical_terminal"].value() == "Facts given to the warden."


def test_it_refuses_a_sentence_before_the_saved_end_of_the_offense():
    saved = Case(offense_ended_on=date(2012, 3, 1))
    form = forms.SentenceForm(SENTENCE, case=saved)  # sentenced January 14, 2011

    assert form.has_error("imposed_on", code="imposed_before_offense")
    assert "March 1, 2012" in form.errors["imposed_on"][0]
    assert form["case_number"].value() == SENTENCE["case_number"]


def test_it_accepts_a_sentence_after_the_saved_end_of_the_offense():
    assert forms.SentenceForm(SENTENCE, case=Case(offense_ended_on=date(2009, 6, 30))).is_valid()


def test_it_refuses_an_offense_that_ended_after_the_saved_sentence():
    saved = Case(imposed_on=date(2011, 1, 14))
    form = forms.ScreeningForm(
        {**SCREENING, **date_parts("offense_ended_on", date(2012, 3, 1))}, case=saved
    )

    assert form.has_error("offense_ended_on", code="imposed_before_offense")
    assert "January 14, 2011" in form.errors["offense_ended_on"][0]


def test_it_refuses_a_projected_release_before_the_sentence():
    form = forms.SentenceForm(
        {**SENTENCE, **date_parts("projected_release", date(2010, 5, 1))}, case=Case()
    )

    assert form.errors["projected_release"] == [
        "The release date cannot be before the date of the sentence. Check both dates"
    ]


@pytest.mark.parametrize(
    ("form_class", "data", "name"),
    [
        (forms.SentenceForm, SENTENCE, "custody_began"),
        (forms.PersonForm, PERSON, "date_of_birth"),
    ],
)
def test_it_refuses_custody_or_a_birth_after_today(form_class, data, name):
    form = form_class({**data, **date_parts(name, date(2027, 1, 5))})

    assert "That date is in the future" in form.errors[name][0]


def test_it_takes_the_new_law_answer_without_a_date():
    form = forms.ScreeningForm({**SCREENING, **date_parts("offense_ended_on", None)})

    assert form.is_valid(), form.errors


# -- the new questions (issue 13) ---------------------------------------------------------------


def test_it_asks_how_an_earlier_motion_ended():
    form = forms.ScreeningForm(
        {**SCREENING, "prior_motion": "yes", "prior_motion_outcome": "dismissed_unexhausted"}
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["prior_motion_outcome"] == "dismissed_unexhausted"


def test_it_drops_how_a_motion_ended_when_there_was_none():
    form = forms.ScreeningForm({**SCREENING, "prior_motion_outcome": "decided"})

    assert form.is_valid()
    assert form.cleaned_data["prior_motion_outcome"] == ""


def test_it_asks_whether_another_reason_is_a_change_in_law():
    form = forms.GroundsForm(
        {
            "ground_other": "on",
            "facts_other": "The First Step Act changed the stacking rules.",
            "change_in_law_other": "yes",
            "ground_age": "on",
        }
    )

    assert form.is_valid(), form.errors
    chosen = {g["category"]: g["change_in_law"] for g in form.chosen_grounds()}
    assert chosen == {"age": "", "other": "yes"}


# -- the facility list's kept options (intake.fields.LongListSelect) ----------------------------


def plain_select(bound_field) -> str:
    """The field drawn by Django's own Select, through the same template."""
    widget = django_forms.Select(attrs=bound_field.field.widget.attrs)
    widget.choices = bound_field.field.choices
    return bound_field.as_widget(widget=widget)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("value", ["BUT", "", forms.OTHER_FACILITY, "<script>", "FCI-NOWHERE"])
def test_the_facility_list_draws_what_a_plain_select_draws(language, value):
    with translation.override(language):
        for _ in range(2):  # drawn, then drawn from what was kept
            field = forms.PersonForm(prefix="person", initial={"facility": value})["facility"]
            assert field.as_widget() == plain_select(field)


def test_the_facility_list_keeps_one_copy_per_language_and_listed_value():
    kept = forms.FACILITIES.rendered
    with translation.override("en"):
        forms.PersonForm(initial={"facility": "BUT"})["facility"].as_widget()
        before = len(kept)
        for value in ("not-a-facility-1", "not-a-facility-2", "<b>"):
            html = forms.PersonForm(initial={"facility": value})["facility"].as_widget()
            assert " selected" not in html
            assert "not-a-facility" not in html
        forms.PersonForm(initial={"facility": "BUT"})["facility"].as_widget()

    assert len(kept) <= before + 1  # the unknown values share the one "nothing chosen" copy
    assert ("en", ("BUT",)) in kept
    assert 'value="BUT" selected' in kept[("en", ("BUT",))]


def test_the_facility_list_is_in_the_pages_language():
    with translation.override("es"):
        html = forms.PersonForm(initial={"facility": ""})["facility"].as_widget()
    with translation.override("en"):
        english = forms.PersonForm(initial={"facility": ""})["facility"].as_widget()

    assert html != english
    assert "Choose a facility" in english and "Choose a facility" not in html
