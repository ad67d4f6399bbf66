"""The form that records one stage of the case (intake/views/timeline.py)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from eligibility import after_filing
from intake.fields import MonthDayYearField, TextField
from intake.stages import KIND_CHOICES, OUTCOME_CHOICES


class StageForm(forms.Form):
    kind = forms.ChoiceField(label=_("What happened"), choices=KIND_CHOICES)
    on = MonthDayYearField(
        label=_("On what date"),
        required=True,
        help_text=_("For the judge's decision, the date the order was entered (on the order)."),
    )
    outcome = forms.ChoiceField(
        label=_("If the judge decided: what was the decision?"),
        choices=OUTCOME_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    reply_due_on = MonthDayYearField(
        label=_("If the government answered: the date the court's order gives for the reply"),
        past=False,
        help_text=_("Look for it in the court's order. Leave it empty if the order gives none."),
    )

    def __init__(self, *args, earlier: list[after_filing.Stage], **kwargs):
        super().__init__(*args, **kwargs)
        self.earlier = earlier

    def clean(self):
        data = super().clean()
        kind, on = data.get("kind"), data.get("on")
        if kind != after_filing.DECIDED:
            data["outcome"] = ""
        elif not data.get("outcome"):
            self.add_error("outcome", _("Choose what the judge decided."))
        if kind != after_filing.RESPONSE:
            data["reply_due_on"] = None
        elif on and data.get("reply_due_on") and data["reply_due_on"] < on:
            self.add_error(
                "reply_due_on",
                _("The reply date cannot be before the date the answer came. Check both dates."),
            )
        if kind and on:
            problem = after_filing.order_problem(self.earlier, after_filing.Stage(kind, on))
            if problem:
                self.add_error("on", problem)
        return data


class ReplyForm(forms.Form):
    """The objections the government's response raised, each answered in the person's words.

    Two fields an objection: `<id>` (ticked when raised) and `<id>_answer`.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for objection in after_filing.OBJECTIONS:
            self.fields[objection.id] = forms.BooleanField(label=_(objection.label), required=False)
            self.fields[f"{objection.id}_answer"] = TextField(
                label=_("Your loved one's answer, in their own words"),
                help_text=_(
                    "This will read as your loved one's own words, signed under oath by them. "
                    "Write only facts they know to be true, as “I …”."
                ),
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    @classmethod
    def initial_from(cls, objections: dict[str, str]) -> dict:
        initial = {}
        for key, text in objections.items():
            initial[key] = True
            initial[f"{key}_answer"] = text
        return initial

    def objections(self) -> dict[str, str]:
        """{objection id: answer} for the ticked ones, in the catalogue's order."""
        data = self.cleaned_data
        return {o.id: data[f"{o.id}_answer"] for o in after_filing.OBJECTIONS if data.get(o.id)}

    def clean(self):
        data = super().clean()
        for objection in after_filing.OBJECTIONS:
            if data.get(objection.id) and not data.get(f"{objection.id}_answer"):
                self.add_error(
                    f"{objection.id}_answer",
                    _("Write your loved one's answer to this, or untick it."),
                )
        return data
