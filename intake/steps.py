"""The steps of the interview, in order, with the number and title people see.

"request_details" is shown as part of step 6: it only appears when a request was sent.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class StepInfo:
    number: int
    title: str


TOTAL_STEPS = 9

STEP_INFO: dict[str, StepInfo] = {
    "about_you": StepInfo(1, _("About you")),
    "screening": StepInfo(2, _("Where things stand")),
    "person": StepInfo(3, _("Your loved one")),
    "sentence": StepInfo(4, _("The sentence")),
    "grounds": StepInfo(5, _("The reasons for release")),
    "requests": StepInfo(6, _("The request to the warden")),
    "request_details": StepInfo(6, _("The request to the warden")),
    "release_plan": StepInfo(7, _("The release plan")),
    "background": StepInfo(8, _("Background for the judge")),
    "review": StepInfo(9, _("Check your answers")),
}

STEPS: tuple[str, ...] = tuple(STEP_INFO)
