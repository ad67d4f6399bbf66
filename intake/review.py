"""Every answer of a case, by section, in the words the interview asked them ("Check your answers").

The questions are the step forms' own labels, so the review always asks what the form asked.
They are read from the form classes' declared fields: no form is built (a request form alone is
some forty fields), and the fields a form adds when it is built (one per reason) are the ones
the review words itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from django import forms as django_forms
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from eligibility.grounds import BY_ID
from eligibility.words import months_as_words, short_date
from intake import answers, forms
from intake.fields import FixedChoices, MonthDayYearField
from intake.models import Case, TermKind
from intake.steps import STEP_INFO

NOT_ANSWERED = _("Not answered")


@dataclass
class Row:
    question: str
    answer: str


@dataclass
class Section:
    step: str
    title: str
    rows: list[Row] = field(default_factory=list)
    groups: list[tuple[str, list[Row]]] = field(default_factory=list)


def _flat_choices(choices) -> dict:
    if isinstance(choices, FixedChoices):  # the same for every review: made once
        return _fixed_flat_choices(choices)
    flat = {}
    for value, label in choices:
        if isinstance(label, (list, tuple)):
            flat.update(dict(label))
        else:
            flat[value] = label
    return flat


_FIXED_FLAT: dict[int, tuple[FixedChoices, dict]] = {}


def _fixed_flat_choices(choices: FixedChoices) -> dict:
    found = _FIXED_FLAT.get(id(choices))
    if found is None:  # holding `choices` keeps its id from being reused
        found = _FIXED_FLAT[id(choices)] = (choices, _flat_choices(tuple(choices)))
    return found[1]


def _show(form_field: django_forms.Field, value) -> str:
    if value in (None, "", [], ()):
        return NOT_ANSWERED
    if isinstance(form_field, MonthDayYearField) or isinstance(value, date):
        return short_date(value)
    if isinstance(form_field, django_forms.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(form_field, django_forms.MultipleChoiceField):
        return "; ".join(value)
    if isinstance(form_field, django_forms.ChoiceField):
        return str(_flat_choices(form_field.choices).get(value, value))
    return str(value)


@lru_cache(maxsize=64)
def _questions(form_class: type[django_forms.Form], language: str | None) -> tuple:
    """(name, field, question in `language`) for each declared field of a step form: the
    words change only with the language, and a review asks some sixty questions."""
    return tuple((name, f, str(f.label)) for name, f in form_class.base_fields.items())


def _rows(
    form_class: type[django_forms.Form], values: dict, skip: tuple[str, ...] = ()
) -> list[Row]:
    return [
        Row(question, _show(f, values.get(name)))
        for name, f, question in _questions(form_class, get_language())
        if name not in skip
    ]


def _label(form_class: type[django_forms.Form], name: str) -> str:
    return str(form_class.base_fields[name].label)


def sections(case: Case) -> list[Section]:
    out = []

    def add(step: str, rows: list[Row] | None = None, groups=None) -> Section:
        section = Section(step, STEP_INFO[step].title, rows or [], groups or [])
        out.append(section)
        return section

    for step, form_class in (
        ("about_you", forms.AboutYouForm),
        ("screening", forms.ScreeningForm),
    ):
        add(step, _rows(form_class, answers.initial(case, step)))

    person = forms.PersonForm
    rows = _rows(person, answers.initial(case, "person"), skip=("facility", "facility_other"))
    rows.insert(3, Row(_label(person, "facility"), case.facility_name or NOT_ANSWERED))
    add("person", rows)

    sentence = forms.SentenceForm
    rows = _rows(
        sentence,
        answers.initial(case, "sentence"),
        skip=("term_kind", "term_years", "term_extra_months"),
    )
    rows.insert(4, Row(_label(sentence, "term_kind"), term_words(case)))
    add("sentence", rows)

    ground_groups = []
    for ground in case.grounds.all():
        info = BY_ID[ground.category]
        ground_rows = (
            []
            if not info.available
            else [
                Row(_("The facts"), ground.facts or NOT_ANSWERED),
                Row(
                    _("Papers you have or can get"),
                    "; ".join(gettext(item) for item in ground.evidence) or NOT_ANSWERED,
                ),
            ]
        )
        if ground.evidence_notes:
            ground_rows.append(Row(_("Other papers"), ground.evidence_notes))
        if ground.category == "other":
            question = forms.GroundsForm.change_in_law_question()
            ground_rows.append(Row(question.label, _show(question, ground.change_in_law)))
        ground_groups.append((info.title, ground_rows))
    for not_ground in answers.not_grounds_chosen(case):
        ground_groups.append((not_ground.title, [Row(_("Note"), not_ground.why)]))
    add("grounds", groups=ground_groups)

    add("requests", _rows(forms.RequestsForm, answers.initial(case, "requests")))
    if case.requests_sent == "yes":
        request_form = forms.RequestForm
        groups = []
        for number, request in enumerate(case.warden_requests.prefetch_related("grounds"), 1):
            values = answers.request_initial(request)
            # The reasons it listed (fields RequestForm adds when built) are one row, below.
            rows = _rows(
                request_form, values, skip=("facility", "facility_other", "grounds_unknown")
            )
            rows.insert(
                5, Row(_label(request_form, "facility"), request.facility_name or NOT_ANSWERED)
            )
            listed = (
                "; ".join(BY_ID[g.category].title for g in request.grounds.all()) or _("None")
                if request.grounds_known
                else _("We don't know")
            )
            rows.insert(6, Row(_("The reasons it listed"), listed))
            groups.append((gettext("Request %(number)s") % {"number": number}, rows))
        add("request_details", groups=groups)

    add("release_plan", _rows(forms.ReleasePlanForm, answers.initial(case, "release_plan")))
    add("background", _rows(forms.BackgroundForm, answers.initial(case, "background")))
    return out


def term_words(case: Case) -> str:
    if case.term_kind == TermKind.LIFE:
        return _("Life in prison")
    if case.term_kind == TermKind.YEARS and case.term_months:
        return months_as_words(case.term_months)
    if case.term_kind:
        return case.get_term_kind_display()
    return NOT_ANSWERED
