"""Every answer of a case, by section, in the words the interview asked them ("Check your answers").

The questions are the step forms' own labels, so the review always asks what the form asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django import forms as django_forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from eligibility.grounds import BY_ID
from eligibility.words import court_date, months_as_words
from intake import answers, forms
from intake.fields import MonthDayYearField
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
    flat = {}
    for value, label in choices:
        if isinstance(label, (list, tuple)):
            flat.update(dict(label))
        else:
            flat[value] = label
    return flat


def _show(form_field: django_forms.Field, value) -> str:
    if value in (None, "", [], ()):
        return NOT_ANSWERED
    if isinstance(form_field, MonthDayYearField) or isinstance(value, date):
        return court_date(value)
    if isinstance(form_field, django_forms.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(form_field, django_forms.MultipleChoiceField):
        return "; ".join(value)
    if isinstance(form_field, django_forms.ChoiceField):
        return str(_flat_choices(form_field.choices).get(value, value))
    return str(value)


def _rows(form: django_forms.Form, values: dict, skip: tuple[str, ...] = ()) -> list[Row]:
    return [
        Row(str(f.label), _show(f, values.get(name)))
        for name, f in form.fields.items()
        if name not in skip
    ]


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
        add(step, _rows(form_class(), answers.initial(case, step)))

    person = forms.PersonForm()
    rows = _rows(person, answers.initial(case, "person"), skip=("facility", "facility_other"))
    rows.insert(3, Row(str(person.fields["facility"].label), case.facility_name or NOT_ANSWERED))
    add("person", rows)

    sentence = forms.SentenceForm()
    rows = _rows(
        sentence,
        answers.initial(case, "sentence"),
        skip=("term_kind", "term_years", "term_extra_months"),
    )
    rows.insert(4, Row(str(sentence.fields["term_kind"].label), term_words(case)))
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
        ground_groups.append((info.title, ground_rows))
    for not_ground in answers.not_grounds_chosen(case):
        ground_groups.append((not_ground.title, [Row(_("Note"), not_ground.why)]))
    add("grounds", groups=ground_groups)

    requests_form = forms.RequestsForm()
    add("requests", _rows(requests_form, answers.initial(case, "requests")))
    if case.requests_sent == "yes":
        request_form = forms.RequestForm()
        groups = []
        for number, request in enumerate(case.warden_requests.prefetch_related("grounds"), 1):
            values = answers.request_initial(request)
            skip = ("facility", "facility_other", "grounds_unknown") + tuple(
                name for name in request_form.fields if name.startswith("listed_")
            )
            rows = _rows(request_form, values, skip=skip)
            rows.insert(
                5,
                Row(
                    str(request_form.fields["facility"].label),
                    request.facility_name or NOT_ANSWERED,
                ),
            )
            listed = (
                "; ".join(BY_ID[g.category].title for g in request.grounds.all()) or _("None")
                if request.grounds_known
                else _("We don't know")
            )
            rows.insert(6, Row(_("The reasons it listed"), listed))
            groups.append((gettext("Request %(number)s") % {"number": number}, rows))
        add("request_details", groups=groups)

    add("release_plan", _rows(forms.ReleasePlanForm(), answers.initial(case, "release_plan")))
    add("background", _rows(forms.BackgroundForm(), answers.initial(case, "background")))
    return out


def term_words(case: Case) -> str:
    if case.term_kind == TermKind.LIFE:
        return _("Life in prison")
    if case.term_kind == TermKind.YEARS and case.term_months:
        return months_as_words(case.term_months)
    if case.term_kind:
        return case.get_term_kind_display()
    return NOT_ANSWERED
