"""One form per step of the interview. Forms validate and say what to do; they save nothing.

`intake/answers.py` copies the cleaned data onto the case. Labels and hints are in plain words
(docs: domain.md § 8). Every choice that can be unknown has a "Not sure" answer, because a guess
would make the screening wrong.
"""

from __future__ import annotations

from functools import cache

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from eligibility import courts, facts, i18n
from eligibility.facts import (
    DateProblem,
    check_request_dates,
    date_problems,
    normalise_register_number,
)
from eligibility.grounds import CATALOGUE, NOT_GROUNDS
from eligibility.words import court_date
from intake import clock, models
from intake.fields import FixedChoices, LongListSelect, MonthDayYearField, TextField

OTHER_FACILITY = "other"
NOT_LISTED = _("Not listed: I will type the name")


def _radios(choices, label: str, *, required: bool = True, help_text: str = "", message: str = ""):
    return forms.ChoiceField(
        label=label,
        # Fixed: no form normalises and copies them again (intake/fields.py).
        choices=FixedChoices(lambda: choices),
        widget=forms.RadioSelect,
        required=required,
        help_text=help_text,
        error_messages={"required": message or _("Choose one of the answers")},
    )


def _text(label: str, *, help_text: str = "", max_length: int = 200, **attrs):
    return TextField(
        label=label,
        required=False,
        max_length=max_length,
        help_text=help_text,
        widget=forms.TextInput(attrs=attrs),
    )


def _long_text(label: str, *, help_text: str = "", voice: str = "", caution: str = ""):
    """A box of several lines. `voice` says whose words its text becomes (IN_MOTION: the
    person in prison's, in the motion; IN_DECLARATION: the family member's own statement),
    `caution` a warning shown by it; templates/includes/field.html draws both."""
    attrs = {"rows": 4}
    if voice:
        attrs["data-voice"] = voice
    if caution:
        attrs["data-caution"] = caution
    return TextField(
        label=label,
        required=False,
        max_length=10_000,
        help_text=help_text,
        widget=forms.Textarea(attrs=attrs),
    )


# Where a box's text goes (templates/drafts/motion.html, family_declaration.html).
IN_MOTION, IN_OWN_MOTION, IN_DECLARATION = "motion", "own", "declaration"


def facility_choices() -> list[tuple[str, object]]:
    """Every facility picker's list (eligibility.courts.facility_choices): the places open
    now, then the closed ones an old request may name, then a way to type one not listed."""
    listed = courts.facility_choices()
    return [
        ("", _("Choose a facility")),
        *listed.current,
        (_("Former facilities (closed or renamed)"), list(listed.former)),
        (OTHER_FACILITY, NOT_LISTED),
    ]


def search_box(label) -> dict:
    """The words static/js/filter-select.js shows around a long list, in the page's language."""
    return {
        "data-filter": label,
        "data-filter-one": _("1 match in the list below"),
        # {count} is filled in by the script.
        "data-filter-many": _("{count} matches in the list below"),
    }


def district_choices() -> list[tuple[str, str]]:
    return [("", _("Choose a court")), *_district_options()]


@cache
def _district_options() -> tuple[tuple[str, str], ...]:
    ordered = sorted(courts.districts(), key=lambda d: (d.state, d.short_name))
    return tuple((d.id, d.short_name) for d in ordered)


# Declared with the fields, so that no form builds its own copy (intake/fields.py).
FACILITIES = FixedChoices(facility_choices)
DISTRICTS = FixedChoices(district_choices)


class FacilityMixin:
    """A facility <select> plus a text box for a place that is not on the list."""

    def clean_facility_pair(self, cleaned: dict) -> None:
        if cleaned.get("facility") == OTHER_FACILITY and not cleaned.get("facility_other"):
            self.add_error(
                "facility_other",
                forms.ValidationError(
                    _("Type the name of the facility, or choose it from the list"),
                    code="required",
                ),
            )


class CaseDatesMixin:
    """A step form that checks its dates against answers saved on other steps (the offense's
    end on the screening step, the sentence on the sentence step): the wizard passes the case.
    """

    def __init__(self, *args, case: models.Case | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case


def _date_message(code: str, field: str, **words) -> str:
    """A date the rules call impossible (eligibility.facts.date_problems), in a family's words."""
    if code == "received_before_sent":
        return _("It cannot be received before it was sent. Check both dates")
    if code == "response_before_received":
        return _("The warden cannot answer before receiving the request. Check both dates")
    if code == "old_law_contradicts_offense_date":
        if words.get("before") == models.YesNo.YES:
            return _(
                "This date is not before November 1, 1987. Check the date, or change the answer "
                "above"
            )
        return _("This date is before November 1, 1987. Check the date, or change the answer above")
    if code == "imposed_before_offense" and field == "offense_ended_on":
        return _(
            "This is after the date of the sentence you gave (%(sentenced)s). The crime must end "
            "before the sentence. Check this date, or the date of the sentence"
        ) % {"sentenced": words.get("sentenced", "")}
    if code == "imposed_before_offense":
        return _(
            "This is before the crime ended (%(ended)s, your answer on the first questions). "
            "The sentence comes after the crime. Check this date, or that one"
        ) % {"ended": words.get("ended", "")}
    return MonthDayYearField.default_error_messages["future"]


def _refuse(form, problems: list[DateProblem], fields: dict[str, str], **words) -> None:
    """Put each problem the rules found on the form field it names (`fields`: case-file path
    to form field), in a family's words, unless that field already has a message."""
    for problem in problems:
        name = fields.get(problem.field)
        if name and not form.has_error(name):
            form.add_error(
                name,
                forms.ValidationError(
                    _date_message(problem.code, name, **words), code=problem.code
                ),
            )


class AboutYouForm(forms.Form):
    role = _radios(
        models.Role.choices,
        _("Who is filling this in?"),
        message=_("Choose who is filling this in"),
    )
    name = _text(_("Your full name"), autocomplete="name")
    relationship = _text(
        _("Your relationship to the person in prison"),
        help_text=_("For example: daughter, brother, friend, lawyer"),
        max_length=100,
    )
    contact = _text(
        _("Your phone number or email address"),
        help_text=_(
            "We only use this to fill in the papers, so the prison and the court can reach you."
        ),
    )


HOW_TO_FIND_OUT = {
    "sentencing_court": (
        _(
            "Look at the first page of the judgment: it names the court. If your loved one is "
            "listed in the BOP inmate locator at bop.gov, the sentence is most likely federal, but "
            "people with state or D.C. sentences can be held by the BOP too. The court clerk or "
            "the lawyer from the case can tell you for sure."
        )
    ),
    "custody_status": (
        _(
            "Search for your loved one's name or register number in the BOP inmate locator at "
            "bop.gov. It shows the prison, or the reentry office for a halfway house or home "
            "confinement."
        )
    ),
    "offense_before_1987": (
        _(
            "The judgment lists the date the offense ended, in a column called “Offense "
            "Ended”. If the crime was a conspiracy, the date it ended is what counts."
        )
    ),
    "appeal_pending": (
        _(
            "Ask the lawyer who handled the appeal, or look up the case on PACER or the court of "
            "appeals website. The court clerk can also tell you."
        )
    ),
    "several_districts": (
        _(
            "The prison has a paper that shows how it counts the time (the sentence computation). "
            "It lists every sentence your loved one is serving. Your loved one can ask their case "
            "manager for a copy."
        )
    ),
    "transferred_supervision": (
        _(
            "The judgment for the violation says which court gave it. If it is a different court "
            "from the original sentence, the motion goes to the court that gave the violation time."
        )
    ),
    "prior_motion": (
        _(
            "Ask your loved one, or the lawyer from the case. The court's docket (on PACER) lists "
            "every motion filed."
        )
    ),
    "prior_motion_outcome": (
        _(
            "The judge's order on the earlier motion says how it ended. If it says the motion "
            "was dismissed because the 30 days had not passed, or the request to the warden was "
            "not finished, it was filed too early. The court's docket (on PACER) has the order."
        )
    ),
}


# Not kept as a place: a state sentence is the sentencing court's answer ("state"), which ends
# the interview at once (ScreeningForm.clean), so a state prisoner answers one question.
STATE_SENTENCE = "state_sentence"


class ScreeningForm(CaseDatesMixin, forms.Form):
    custody_status = _radios(
        [(STATE_SENTENCE, _("In a state prison or county jail (a state sentence)"))]
        + models.CustodyStatus.choices,
        _("Where is your loved one now?"),
        help_text=_("The BOP inmate locator at bop.gov shows where a federal prisoner is held."),
        message=_("Choose where your loved one is now, or choose Not sure"),
    )
    sentencing_court = _radios(
        models.SentencingCourt.choices,
        _("Which court gave the sentence?"),
        help_text=_("The first page of the judgment names the court."),
        message=_("Choose which court gave the sentence, or choose Not sure"),
    )
    offense_before_1987 = _radios(
        [
            ("yes", _("Yes, it ended before November 1, 1987")),
            ("no", _("No, it ended on or after November 1, 1987")),
            ("not_sure", _("Not sure")),
        ],
        _("Did the crime end before November 1, 1987?"),
        help_text=_("The judgment lists the date under “Offense Ended”."),
        message=_("Choose whether the crime ended before November 1, 1987, or choose Not sure"),
    )
    offense_ended_on = MonthDayYearField(
        label=_("The date the crime ended, if you know it"),
        help_text=_(
            "From the “Offense Ended” column of the judgment. If there are several, use the latest."
        ),
    )
    appeal_pending = _radios(
        models.YesNo.choices,
        _("Is an appeal of the conviction or the sentence still open?"),
        help_text=_(
            "This includes an appeal of a judge's answer to a “§ 2255 motion”: a claim that the "
            "conviction or the sentence broke the law."
        ),
        message=_("Choose whether an appeal is still open, or choose Not sure"),
    )
    several_districts = _radios(
        models.YesNo.choices,
        _("Is your loved one serving sentences from more than one federal court?"),
        message=_(
            "Choose whether there are sentences from more than one court, or choose Not sure"
        ),
    )
    transferred_supervision = _radios(
        models.YesNo.choices,
        _(
            "Did a second court give this prison time, for breaking the rules of supervised "
            "release?"
        ),
        help_text=_(
            "Supervised release is the time under a probation officer after prison. Sometimes it "
            "is handed to the court where the person lives. Then that court gives the prison time "
            "for breaking its rules."
        ),
        message=_("Choose an answer about supervised release, or choose Not sure"),
    )
    prior_motion = _radios(
        models.YesNo.choices,
        _("Has your loved one asked the court for compassionate release before?"),
        message=_("Choose whether a motion was filed before, or choose Not sure"),
    )
    prior_motion_filed_on = MonthDayYearField(label=_("The date that motion was filed, if known"))
    prior_motion_decided_on = MonthDayYearField(label=_("The date the judge decided it, if known"))
    prior_motion_outcome = _radios(
        models.PriorMotionOutcome.choices,
        _("How did the earlier motion end?"),
        required=False,
        help_text=_(
            "If the judge said it was filed too early, it can be filed again after the 30 days."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.initial.get("sentencing_court") == "state" and not self.initial.get(
            "custody_status"
        ):
            self.initial["custody_status"] = STATE_SENTENCE

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("custody_status") == STATE_SENTENCE:
            return self._clean_state_sentence(cleaned)
        before, ended = cleaned.get("offense_before_1987"), cleaned.get("offense_ended_on")
        # Which side of November 1, 1987 is enough without a date (domain.md § 1); a date,
        # when given, decides, and one that contradicts the answer is refused.
        if ended:
            saved = self.case.imposed_on if self.case else None
            problems = date_problems(
                facts.CaseFacts(
                    custody=facts.Custody(offense_date=ended, old_law=models.yes_no(before)),
                    sentence=facts.Sentence(imposed_on=saved),
                ),
                clock.today(),
            )
            _refuse(self, problems, {"custody.old_law": "offense_ended_on"}, before=before)
            _refuse(
                self,
                problems,
                {"sentence.imposed_on": "offense_ended_on"},
                sentenced=court_date(saved) if saved else "",
            )
        filed, decided = (
            cleaned.get("prior_motion_filed_on"),
            cleaned.get("prior_motion_decided_on"),
        )
        if filed and decided and decided < filed:
            self.add_error(
                "prior_motion_decided_on",
                forms.ValidationError(
                    _("The judge cannot decide a motion before it was filed. Check both dates"),
                    code="order",
                ),
            )
        if cleaned.get("prior_motion") != models.YesNo.YES:
            cleaned["prior_motion_outcome"] = ""  # no earlier motion: nothing ended
        return cleaned

    def _clean_state_sentence(self, cleaned: dict) -> dict:
        """A state sentence: the other questions do not matter, and the answer is kept as the
        sentencing court's, which the rules know."""
        if cleaned.get("sentencing_court") in ("federal_district", "dc_superior", "court_martial"):
            self.add_error(
                "custody_status",
                forms.ValidationError(
                    _(
                        "You said a state sentence here, but not a state court below. Change one "
                        "of the two answers"
                    ),
                    code="contradiction",
                ),
            )
            return cleaned
        for name in list(self.errors):
            del self.errors[name]
        cleaned.update(sentencing_court="state", custody_status="")
        return cleaned


class PersonForm(FacilityMixin, forms.Form):
    person_name = TextField(
        label=_("Their full name"),
        help_text=_("As it appears on the judgment."),
        max_length=200,
        error_messages={"required": _("Enter your loved one's full name")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    register_number = _text(
        _("Their BOP register number, if you know it"),
        help_text=_(
            "8 digits, like 12345-678. It is on letters from the BOP and in the inmate locator."
        ),
        max_length=20,
        inputmode="numeric",
        autocomplete="off",
    )
    # Not autocomplete="bday": that would fill in the birthday of the person typing.
    date_of_birth = MonthDayYearField(label=_("Their date of birth"))
    facility = forms.ChoiceField(
        label=_("The prison or office where they are now"),
        help_text=_(
            "For a halfway house or home confinement, choose the Residential Reentry "
            "Management (RRM) office that supervises them. Type to jump in the list."
        ),
        required=False,
        choices=FACILITIES,
        widget=LongListSelect(attrs=search_box(_("Search the list of facilities"))),
    )
    facility_other = _text(_("Name of the facility, if it is not on the list"))
    unit = _text(_("Their housing unit, if you know it"), max_length=100)

    def clean_register_number(self):
        raw = self.cleaned_data["register_number"].strip()
        if not raw:
            return ""
        normalised = normalise_register_number(raw)
        if normalised is None:
            raise forms.ValidationError(
                _("Enter the register number as 8 digits, for example 12345-678"),
                code="invalid",
            )
        return normalised

    def clean(self):
        cleaned = super().clean()
        self.clean_facility_pair(cleaned)
        return cleaned


class SentenceForm(CaseDatesMixin, forms.Form):
    district = forms.ChoiceField(
        label=_("The federal court that gave the sentence"),
        help_text=_(
            "The first page of the judgment names it, for example “Southern "
            "District of New York”. Type to jump in the list."
        ),
        required=False,
        choices=DISTRICTS,
        widget=forms.Select(attrs=search_box(_("Search the list of courts"))),
    )
    case_number = _text(
        _("The criminal case number"),
        help_text=_("On the judgment, for example 1:19-cr-00123. Type it as it is written."),
        max_length=100,
    )
    judge = _text(_("The judge's name, if you know it"))
    imposed_on = MonthDayYearField(label=_("The date of the sentence"))
    term_kind = _radios(
        models.TermKind.choices,
        _("How long is the prison sentence?"),
        required=False,
    )
    term_years = forms.IntegerField(
        label=_("Years"),
        required=False,
        min_value=0,
        max_value=150,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 3}),
        error_messages={
            "invalid": _("Enter the years as a whole number, for example 15"),
            "min_value": _("Enter 0 or more years"),
            "max_value": _("Enter 150 years or fewer"),
        },
    )
    term_extra_months = forms.IntegerField(
        label=_("Months"),
        required=False,
        min_value=0,
        max_value=1800,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 3}),
        error_messages={
            "invalid": _("Enter the months as a whole number, for example 6"),
            "min_value": _("Enter 0 or more months"),
            "max_value": _("Enter fewer months"),
        },
    )
    custody_began = MonthDayYearField(
        label=_("The date federal custody began"),
        help_text=_(
            "Include jail time before the sentence if it counts toward it. The prison's paper that "
            "shows how it counts the time (the sentence computation) has this date."
        ),
    )
    offense = TextField(
        label=_("The crime, in a few words"),
        help_text=_("For example: a drug crime, or bank fraud."),
        required=False,
        max_length=500,
    )
    projected_release = MonthDayYearField(
        label=_("The projected release date, if you know it"),
        help_text=_("The BOP inmate locator shows it."),
        past=False,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("term_kind") == models.TermKind.YEARS:
            years, months = cleaned.get("term_years"), cleaned.get("term_extra_months")
            total = (years or 0) * 12 + (months or 0)
            if (
                total < 1
                and not self.has_error("term_years")
                and not self.has_error("term_extra_months")
            ):
                self.add_error(
                    "term_years",
                    forms.ValidationError(
                        _("Enter the length of the sentence, for example 15 years and 0 months"),
                        code="required",
                    ),
                )
            else:
                cleaned["term_months"] = total
        imposed = cleaned.get("imposed_on")
        ended = self.case.offense_ended_on if self.case else None
        problems = date_problems(
            facts.CaseFacts(
                custody=facts.Custody(offense_date=ended),
                sentence=facts.Sentence(
                    imposed_on=imposed, custody_began=cleaned.get("custody_began")
                ),
            ),
            clock.today(),
        )
        _refuse(
            self,
            problems,
            {"sentence.imposed_on": "imposed_on", "sentence.custody_began": "custody_began"},
            ended=court_date(ended) if ended else "",
        )
        release = cleaned.get("projected_release")
        if release and imposed and release < imposed and not self.has_error("imposed_on"):
            self.add_error(
                "projected_release",
                forms.ValidationError(
                    _(
                        "The release date cannot be before the date of the sentence. Check "
                        "both dates"
                    ),
                    code="release_before_sentence",
                ),
            )
        return cleaned


# A text of the reasons' catalogue (eligibility/grounds.py), translated as the catalogue does
# when it is shown, not each time a form is made: the grounds form holds some fifty of them.
_catalogue_text = lazy(i18n.gettext, str)


# The English text is the stored value, whatever the page's language.
EVIDENCE_CHOICES = {
    info.id: FixedChoices(
        lambda info=info: [(text, _catalogue_text(text)) for text in info.evidence_en]
    )
    for info in CATALOGUE
}


# The fields the catalogue gives a form are made once and shared by every form, like
# FixedChoices: nothing changes a field after it is made (their words are translated when
# shown), and making some fifty fields for each page cost as much as the rest of the form.


# The grounds step's question for an `other` reason (domain.md § 4: never a change in law).
CHANGE_IN_LAW = "change_in_law_other"


@cache
def _grounds_fields() -> dict[str, forms.Field]:
    fields: dict[str, forms.Field] = {}
    for info in CATALOGUE:
        fields[f"ground_{info.id}"] = forms.BooleanField(
            label=_catalogue_text(info.title_en), required=False
        )
        if not info.available:
            continue
        fields[f"facts_{info.id}"] = TextField(
            label=_("What is happening? Include these facts if you can:"),
            required=False,
            max_length=10_000,
            widget=forms.Textarea(attrs={"rows": 5, "data-voice": IN_MOTION}),
        )
        fields[f"evidence_{info.id}"] = forms.MultipleChoiceField(
            label=_("Which of these papers do you have, or can you get?"),
            required=False,
            choices=EVIDENCE_CHOICES[info.id],
            widget=forms.CheckboxSelectMultiple,
        )
        fields[f"evidence_notes_{info.id}"] = _text(
            _("Other papers that show this (optional)"), max_length=1000
        )
    fields[CHANGE_IN_LAW] = _radios(
        models.YesNo.choices,
        _("Is this reason a change in the law since sentencing?"),
        required=False,
        help_text=_(
            "For example, a new law that would give a shorter sentence today. A change in the "
            "law cannot be the reason on its own, but it can be told to the judge with "
            "another reason."
        ),
    )
    for not_ground in NOT_GROUNDS:
        fields[f"not_{not_ground.id}"] = forms.BooleanField(
            label=_catalogue_text(not_ground.title_en), required=False
        )
    return fields


@cache
def _listed_fields() -> dict[str, forms.Field]:
    fields: dict[str, forms.Field] = {}
    for info in CATALOGUE:
        fields[f"listed_{info.id}"] = forms.BooleanField(
            label=_catalogue_text(info.title_en), required=False
        )
        fields[f"listed_facts_{info.id}"] = TextField(
            label=_("What did the request say about this?"),
            required=False,
            max_length=10_000,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
    return fields


class GroundsForm(forms.Form):
    """Every reason in the catalogue, each with its facts and evidence, plus the non-reasons.

    The page shows a reason's questions only when its box is ticked (CSS, no script needed).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(_grounds_fields())

    @staticmethod
    def change_in_law_question() -> forms.Field:
        return _grounds_fields()[CHANGE_IN_LAW]

    def rows(self):
        """For the template: each catalogue reason with its fields."""
        for info in CATALOGUE:
            yield {
                "info": info,
                "choose": self[f"ground_{info.id}"],
                "facts": self[f"facts_{info.id}"] if info.available else None,
                "evidence": self[f"evidence_{info.id}"] if info.available else None,
                "notes": self[f"evidence_notes_{info.id}"] if info.available else None,
                "change_in_law": self[CHANGE_IN_LAW] if info.id == "other" else None,
            }

    def not_ground_rows(self):
        for not_ground in NOT_GROUNDS:
            yield {"info": not_ground, "choose": self[f"not_{not_ground.id}"]}

    def clean(self):
        cleaned = super().clean()
        chosen = [k for k, v in cleaned.items() if v is True]
        if not chosen:
            raise forms.ValidationError(
                _(
                    "Choose at least one reason. If none fits, choose “Another reason just as "
                    "serious” and tell us about it"
                ),
                code="required",
            )
        return cleaned

    def chosen_grounds(self) -> list[dict]:
        return [
            {
                "category": info.id,
                "facts": self.cleaned_data.get(f"facts_{info.id}", "").strip(),
                "evidence": self.cleaned_data.get(f"evidence_{info.id}", []),
                "evidence_notes": self.cleaned_data.get(f"evidence_notes_{info.id}", "").strip(),
                "change_in_law": (
                    self.cleaned_data.get(CHANGE_IN_LAW, "") if info.id == "other" else ""
                ),
            }
            for info in CATALOGUE
            if self.cleaned_data.get(f"ground_{info.id}")
        ]

    def chosen_not_grounds(self) -> list[str]:
        return [n.id for n in NOT_GROUNDS if self.cleaned_data.get(f"not_{n.id}")]


class RequestsForm(forms.Form):
    requests_sent = _radios(
        [
            ("no", _("No, not yet")),
            ("yes", _("Yes, at least one request was sent")),
            ("not_sure", _("Not sure")),
        ],
        _("Has anyone asked the warden for compassionate release?"),
        help_text=_(
            "This means a written request that the Bureau of Prisons ask the court to "
            "reduce the sentence. Your loved one, you, or a lawyer may have sent it."
        ),
        message=_("Choose whether a request was sent, or choose Not sure"),
    )
    bop_motion = forms.BooleanField(
        label=_("The BOP has told us that it will ask the court itself"),
        required=False,
    )


# The WardenRequest fields a request's form answers under the same name.
REQUEST_FIELDS = (
    "asked_for",
    "sent_on",
    "method",
    "received_on",
    "receipt_proof",
    "response",
    "response_on",
    "bp9_on",
    "bp10_on",
    "bp11_on",
    "final_denial_on",
)


def facility_initial(value: str) -> dict:
    """A saved facility as a facility picker shows it: a listed code, or "other" and its name."""
    if not value:
        return {"facility": "", "facility_other": ""}
    if courts.facility(value):
        return {"facility": courts.facility(value).code, "facility_other": ""}
    return {"facility": OTHER_FACILITY, "facility_other": value}


def request_initial(request: models.WardenRequest) -> dict:
    """A saved request's answers as its form shows them."""
    values = {name: getattr(request, name) for name in REQUEST_FIELDS}
    values.update(facility_initial(request.facility))
    values["grounds_unknown"] = not request.grounds_known
    for ground in request.grounds.all():
        values[f"listed_{ground.category}"] = True
        values[f"listed_facts_{ground.category}"] = ground.facts
    return values


class RequestForm(FacilityMixin, forms.ModelForm):
    """One request to a warden (28 C.F.R. § 571.61) and what happened to it.

    A model form only so that the request step's formset edits the case's rows in place: each
    form of a saved request carries that row's id, and starts from its answers. It copies
    nothing onto the row itself (no model field is in `Meta.fields`): intake/answers.py does.
    """

    class Meta:
        model = models.WardenRequest
        fields = ()

    asked_for = _radios(
        models.RequestKind.choices,
        _("What did the request ask for?"),
        message=_("Choose what the request asked for, or choose Not sure"),
    )
    sent_on = MonthDayYearField(label=_("The date it was sent or handed in"))
    method = _radios(models.DeliveryMethod.choices, _("How was it sent?"), required=False)
    received_on = MonthDayYearField(
        label=_("The date the warden's office received it, if you know it"),
        help_text=_("The 30 days start on this date, not the date it was sent."),
    )
    receipt_proof = _radios(
        models.ReceiptProof.choices,
        _("What shows the date it was received?"),
        required=False,
    )
    facility = forms.ChoiceField(
        label=_("The prison whose warden it went to"),
        help_text=_("If your loved one has moved since, choose the prison they were in then."),
        required=False,
        choices=FACILITIES,
        widget=LongListSelect(attrs=search_box(_("Search the list of facilities"))),
    )
    facility_other = _text(_("Name of the facility, if it is not on the list"))
    grounds_unknown = forms.BooleanField(
        label=_("We don't know which reasons it listed"), required=False
    )
    response = _radios(models.Response.choices, _("Did the warden answer?"), required=False)
    response_on = MonthDayYearField(label=_("The date of the warden's answer"))
    bp9_on = MonthDayYearField(label=_("BP-9 (to the warden): date filed"))
    bp10_on = MonthDayYearField(label=_("BP-10 (to the Regional Director): date filed"))
    bp11_on = MonthDayYearField(label=_("BP-11 (to the General Counsel): date filed"))
    final_denial_on = MonthDayYearField(
        label=_("Date the final “no” was received (the answer to the BP-11)"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(_listed_fields())
        if self.instance.pk is not None:
            self.initial = {**request_initial(self.instance), **self.initial}

    def ground_rows(self):
        for info in CATALOGUE:
            yield {
                "info": info,
                "choose": self[f"listed_{info.id}"],
                "facts": self[f"listed_facts_{info.id}"],
            }

    def clean(self):
        cleaned = super().clean()
        self.clean_facility_pair(cleaned)
        listed = [info.id for info in CATALOGUE if cleaned.get(f"listed_{info.id}")]
        if listed and cleaned.get("grounds_unknown"):
            self.add_error(
                "grounds_unknown",
                forms.ValidationError(
                    _("You ticked some reasons and also “We don't know”. Untick one"),
                    code="contradiction",
                ),
            )
        elif not listed and not cleaned.get("grounds_unknown"):
            self.add_error(
                "grounds_unknown",
                forms.ValidationError(
                    _(
                        "Tick the reasons the request gave, or tick “We don't know which "
                        "reasons it listed”"
                    ),
                    code="required",
                ),
            )
        sent, received, answered = (
            cleaned.get("sent_on"),
            cleaned.get("received_on"),
            cleaned.get("response_on"),
        )
        _refuse(
            self,
            check_request_dates(sent, received, answered, clock.today()),
            {name: name for name in ("sent_on", "received_on", "response_on")},
        )
        if sent and answered and answered < sent and not self.has_error("response_on"):
            self.add_error(
                "response_on",
                forms.ValidationError(
                    _("The warden cannot answer before the request was sent. Check both dates"),
                    code="order",
                ),
            )
        return cleaned

    def listed_grounds(self) -> list[dict]:
        return [
            {"category": info.id, "facts": self.cleaned_data.get(f"listed_facts_{info.id}", "")}
            for info in CATALOGUE
            if self.cleaned_data.get(f"listed_{info.id}")
        ]


class BaseRequestFormSet(forms.BaseInlineFormSet):
    """The case's requests to the warden, one form per saved row (updated in place), then a
    blank one for a new request when there are none or the family asked to add one."""

    default_error_messages = {
        "too_many_forms": _(
            "You can tell us about %(num)d requests at most. Remove one to add another"
        ),
    }

    def __init__(self, *args, adding: bool = False, **kwargs):
        case = kwargs.get("instance")
        if case is None or case._state.adding:  # a case not saved yet has no requests to read
            kwargs.setdefault("queryset", models.WardenRequest.objects.none())
        kwargs.setdefault("queryset", models.WardenRequest.objects.prefetch_related("grounds"))
        super().__init__(*args, **kwargs)
        if adding and not self.is_bound and self.initial_form_count():
            self.extra = 1

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = _("Remove this request")

    def clean(self):
        super().clean()
        if any("id" in form.errors for form in self.forms):
            # The page names a request that is no longer saved (removed on another device).
            raise forms.ValidationError(
                _(
                    "A request on this page was removed on another device, or by someone "
                    "helping you. Open this step again to see the saved requests"
                ),
                code="removed",
            )
        if any(self.errors):
            return
        kept = [f for f in self.forms if not self._should_delete_form(f)]
        if not kept:
            raise forms.ValidationError(
                _("Tell us about at least one request, or go back and answer “No, not yet”"),
                code="required",
            )

    def kept_forms(self) -> list[RequestForm]:
        """The requests to keep, in the page's order: saved ones not removed, and new ones
        filled in (a blank form left as it was drawn is no request)."""
        return [
            form
            for form in self.forms
            if not self._should_delete_form(form)
            and (form.instance.pk is not None or form.has_changed())
        ]

    def removed_requests(self) -> list[models.WardenRequest]:
        """The saved requests the family ticked "Remove this request" on."""
        return [
            form.instance
            for form in self.forms
            if self._should_delete_form(form) and form.instance.pk is not None
        ]


# absolute_max: a form claiming thousands of requests gets a message, not thousands of forms
# built and drawn (Django's default allows max_num + 1000).
RequestFormSet = forms.inlineformset_factory(
    models.Case,
    models.WardenRequest,
    form=RequestForm,
    formset=BaseRequestFormSet,
    fields=(),
    extra=0,
    min_num=1,
    can_delete=True,
    max_num=20,
    absolute_max=20,
)


class ReleasePlanForm(forms.Form):
    """The home offered. A family member's answers go in their own declaration (an exhibit);
    a person filling it in for himself swears to them in the motion (intake/drafts/)."""

    residence = _long_text(
        _("Where would they live?"),
        help_text=_("The address, and whether it is a house or an apartment."),
        voice=IN_DECLARATION,
    )
    household = _long_text(
        _("Who lives there, and are they willing to have them?"), voice=IN_DECLARATION
    )
    support = _long_text(
        _("How would they pay for food and bills?"),
        help_text=_("For example: Social Security, a pension, a job offer, or help from family."),
        voice=IN_DECLARATION,
    )
    medical_care = _long_text(
        _("Where would they get medical care?"),
        help_text=_("The doctor, clinic or hospital, if health is a reason."),
        voice=IN_DECLARATION,
    )
    medical_payment = _long_text(
        _("How would medical care be paid for?"),
        help_text=_("For example: Medicare, Medicaid, the VA, or a health plan."),
        voice=IN_DECLARATION,
    )

    def __init__(self, *args, own: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if own:
            for name in ("household", "support", "medical_care", "medical_payment"):
                self.fields[name].widget.attrs["data-voice"] = IN_OWN_MOTION
            # Only the city and state reach the motion; the address goes to Probation.
            self.fields["residence"].widget.attrs.pop("data-voice")


class BackgroundForm(forms.Form):
    programs = _long_text(
        _("Classes and programs completed in prison"),
        help_text=_("For example: a drug program (RDAP), anger classes, or parenting classes."),
        voice=IN_MOTION,
    )
    work = _long_text(_("Jobs held in prison"), voice=IN_MOTION)
    education = _long_text(_("School, GED or college courses"), voice=IN_MOTION)
    conduct = _long_text(
        _("Their conduct record"),
        help_text=_("For example: no write-ups in 10 years. It is better to say it honestly."),
        voice=IN_MOTION,
    )
    statement = _long_text(
        _("In their own words: what they would like the judge to know"),
        help_text=_("About the crime, what has changed, and their plans."),
        voice=IN_MOTION,
        caution="offense",
    )
    support_letters = _long_text(
        _("Who will write letters of support?"),
        help_text=_("For example: family, a pastor, or a boss who will hire them."),
        voice=IN_MOTION,
    )


class ReviewForm(forms.Form):
    """Nothing to fill in: sending it means "these answers are right, show the results"."""
