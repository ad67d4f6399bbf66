"""The steps of the interview, in order, with the title people see and how they are numbered.

"request_details" only appears when a request was sent. Every page the family sees has its own
number: with the details page the interview has ten steps, without it nine (`numbering`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class StepInfo:
    title: str


STEP_INFO: dict[str, StepInfo] = {
    "about_you": StepInfo(_("About you")),
    "screening": StepInfo(_("Where things stand")),
    "person": StepInfo(_("Your loved one")),
    "sentence": StepInfo(_("The sentence")),
    "grounds": StepInfo(_("The reasons for release")),
    "requests": StepInfo(_("The request to the warden")),
    "request_details": StepInfo(_("The request to the warden")),
    "release_plan": StepInfo(_("The release plan")),
    "background": StepInfo(_("Background for the judge")),
    "review": StepInfo(_("Check your answers")),
}

STEPS: tuple[str, ...] = tuple(STEP_INFO)
OPTIONAL_STEP = "request_details"


def numbering(step: str, *, with_details: bool) -> tuple[int, int]:
    """(number, total) of a step as the family sees it: 'Step 7 of 10'. Without requests to
    the warden there is no details page, and the steps after it move up by one."""
    shown = [s for s in STEPS if with_details or s != OPTIONAL_STEP]
    if step not in shown:
        step = "requests"
    return shown.index(step) + 1, len(shown)
