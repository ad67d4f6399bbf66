"""What happens next, who does it, and what to keep: the timeline on the results page.

It reads the screening's verdict and dates and never decides anything itself. Who may do what
comes from domain.md § 5 and § 6: anyone may help write and send the request to the warden, but
only the person in prison (or a lawyer) signs and mails the motion.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from eligibility.rules import Screening
from eligibility.words import long_date

LOVED_ONE = _("Your loved one")
YOU_BOTH = _("You and your loved one")
LOVED_ONE_OR_LAWYER = _("Your loved one (or their lawyer)")
YOU = _("You")
YOU_OR_LAWYER = _("You (or your lawyer)")


@dataclass(frozen=True)
class NextStep:
    who: str
    title: str
    text: str


@dataclass(frozen=True)
class Voiced:
    """Words for a family helping a loved one, and for the person in prison filling it in for
    himself ("you")."""

    family: str
    own: str

    def said(self, own: bool) -> str:
        return self.own if own else self.family


def _steps(steps, own: bool) -> list[NextStep]:
    return [
        NextStep(*(w.said(own) if isinstance(w, Voiced) else w for w in (who, title, text)))
        for who, title, text in steps
    ]


REQUEST_STEPS = (
    (
        Voiced(YOU_BOTH, YOU),
        _("Write the request to the warden"),
        Voiced(
            _(
                "The request must ask the Bureau of Prisons to file a motion for a reduction in "
                "sentence (compassionate release) under 18 U.S.C. § 3582(c)(1)(A). Asking for "
                "home confinement does not count. List every reason with its facts, the release "
                "plan, and the good things your loved one has done in prison. A reason the "
                "warden never saw cannot be used in court later."
            ),
            _(
                "The request must ask the Bureau of Prisons to file a motion for a reduction in "
                "sentence (compassionate release) under 18 U.S.C. § 3582(c)(1)(A). Asking for "
                "home confinement does not count. List every reason with its facts, the release "
                "plan, and the good things you have done in prison. A reason the warden never "
                "saw cannot be used in court later."
            ),
        ),
    ),
    (
        Voiced(LOVED_ONE, YOU),
        _("Sign it and hand it to staff"),
        Voiced(
            _(
                "It is best if your loved one signs the request and hands it to staff, or sends "
                "it as an electronic request to staff. Family can also mail or email a copy to "
                "the warden with delivery confirmation. Ask for a copy stamped with the date it "
                "was received."
            ),
            _(
                "It is best if you sign the request and hand it to staff, or send it as an "
                "electronic request to staff. Family can also mail or email a copy to the warden "
                "with delivery confirmation. Ask for a copy stamped with the date it was received."
            ),
        ),
    ),
    (
        YOU,
        _("Keep proof of the date the warden received it"),
        _(
            "The 30 days start when the warden receives the request. Keep the stamped copy, the "
            "warden's answer, or the delivery confirmation. Write the date down."
        ),
    ),
    (
        Voiced(LOVED_ONE, YOU),
        _("Wait 30 full days"),
        Voiced(
            _(
                "The motion can be filed on the 31st day after the warden received the request. "
                "A “no” from the warden does not shorten the wait. If the warden says no, your "
                "loved one can also file an appeal (a BP-9) within 20 days, to keep another path "
                "open."
            ),
            _(
                "The motion can be filed on the 31st day after the warden received the request. "
                "A “no” from the warden does not shorten the wait. If the warden says no, you can "
                "also file an appeal (a BP-9) within 20 days, to keep another path open."
            ),
        ),
    ),
)

FILE_STEPS = (
    (
        Voiced(LOVED_ONE_OR_LAWYER, YOU_OR_LAWYER),
        _("Sign the motion"),
        Voiced(
            _(
                "Only your loved one (or a lawyer) can sign the motion and the declaration at the "
                "end. Family members can help prepare it, but cannot sign or file it for them."
            ),
            _(
                "Only you (or a lawyer) can sign the motion and the declaration at the end. "
                "Family members can help prepare it, but cannot sign or file it for you."
            ),
        ),
    ),
    (
        Voiced(LOVED_ONE, YOU),
        _("Hand it to prison staff for mailing to the court"),
        _(
            "The motion counts as filed on the day it is handed to staff for mailing, so that day "
            "must not be before the first day to file. Mail it to the court that gave the "
            "sentence, with a copy to the U.S. Attorney's Office."
        ),
    ),
    (
        YOU,
        _("Keep copies of everything"),
        _(
            "Keep a copy of the motion, the request to the warden, the proof of when it was "
            "received, and any answers. The court may ask for them."
        ),
    ),
)


def next_steps(screening: Screening, *, own: bool = False) -> list[NextStep]:
    """The timeline for the verdict; `own`: the person in prison is filling it in ("you")."""
    when = screening.earliest_filing_date
    request_steps, file_steps = _steps(REQUEST_STEPS, own), _steps(FILE_STEPS, own)
    match screening.verdict:
        case "not_eligible":
            return [
                NextStep(
                    YOU,
                    _("Look at the other paths"),
                    _(
                        "The notes below say which other path may fit. A lawyer or a federal "
                        "defender's office can help you choose."
                    ),
                )
            ]
        case "needs_information" if when is not None:
            return [
                NextStep(
                    YOU if own else YOU_BOTH,
                    _("Get proof of the date the warden received the request"),
                    _(
                        "Ask staff for a copy stamped with the date received, or use the warden's "
                        "answer or a delivery confirmation. Then come back and add the date."
                    ),
                ),
                *file_steps,
            ]
        case "needs_information":
            return [
                NextStep(
                    YOU,
                    _("Find the missing answers"),
                    _(
                        "The notes below say what is missing and where to find it, such as the "
                        "judgment or the BOP inmate locator. Then come back and change your "
                        "answers."
                    ),
                )
            ]
        case "no_qualifying_ground":
            return [
                NextStep(
                    YOU,
                    _("Check the reasons again"),
                    _(
                        "The notes below explain why each reason does not fit yet. If your health "
                        "or family situation changes, come back and update the case."
                    )
                    if own
                    else _(
                        "The notes below explain why each reason does not fit yet. If your loved "
                        "one's health or family situation changes, come back and update the case."
                    ),
                )
            ]
        case "needs_warden_request":
            return [*request_steps, *file_steps]
        case "new_request_needed":
            return [
                NextStep(
                    YOU if own else YOU_BOTH,
                    _("Decide: a new request, or file on the other reasons"),
                    _(
                        "You can send a new request that lists the reasons the warden never saw, "
                        "then wait 30 days again. Or you can file now on the reasons the warden "
                        "already saw, and leave the others out."
                    )
                    if own
                    else _(
                        "You can send a new request that lists the reasons the warden never saw, "
                        "then wait 30 days again. Or your loved one can file now on the reasons "
                        "the warden already saw, and leave the others out."
                    ),
                ),
                *request_steps,
                *file_steps,
            ]
        case "waiting":
            return [
                NextStep(
                    YOU,
                    _("Keep proof of the date the warden received the request"),
                    _("Keep the stamped copy, the warden's answer, or the delivery confirmation."),
                ),
                NextStep(
                    YOU if own else LOVED_ONE,
                    gettext("Wait until %(date)s") % {"date": long_date(when)},
                    _(
                        "Do not file before this date, even if the warden says no. If the warden "
                        "says no, you can also file an appeal (a BP-9) within 20 days."
                    )
                    if own
                    else _(
                        "Do not file before this date, even if the warden says no. If the warden "
                        "says no, your loved one can also file an appeal (a BP-9) within 20 days."
                    ),
                ),
                *file_steps,
            ]
        case _:
            return file_steps
