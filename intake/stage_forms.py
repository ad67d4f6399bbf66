"""The form that records one stage of the case (intake/views/timeline.py)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from eligibility import after_filing
from intake.fields import MonthDayYearField
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
