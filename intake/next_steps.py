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


@dataclass(frozen=True)
class NextStep:
    who: str
    title: str
    text: str


REQUEST_STEPS = (
    NextStep(
        YOU_BOTH,
        _("Write the request to the warden"),
        _(
            "The request must ask the Bureau of Prisons to file a motion for a reduction in "
            "sentence (compassionate release) under 18 U.S.C. § 3582(c)(1)(A). Asking for home "
            "confinement does not count. List every reason with its facts, the release plan, and "
            "the good things your loved one has done in prison. A reason the warden never saw "
            "cannot be used in court later."
        ),
    ),
    NextStep(
        LOVED_ONE,
        _("Sign it and hand it to staff"),
        _(
            "It is best if your loved one signs the request and hands it to staff, or sends it as "
            "an electronic request to staff. Family can also mail or email a copy to the warden "
            "with delivery confirmation. Ask for a copy stamped with the date it was received."
        ),
    ),
    NextStep(
        _("You"),
        _("Keep proof of the date the warden received it"),
        _(
            "The 30 days start when the warden receives the request. Keep the stamped copy, the "
            "warden's answer, or the delivery confirmation. Write the date down."
        ),
    ),
    NextStep(
        LOVED_ONE,
        _("Wait 30 full days"),
        _(
            "The motion can be filed on the 31st day after the warden received the request. A "
            "“no” from the warden does not shorten the wait. If the warden says no, your "
            "loved one can also file an appeal (a BP-9) within 20 days, to keep another path open."
        ),
    ),
)

FILE_STEPS = (
    NextStep(
        LOVED_ONE_OR_LAWYER,
        _("Sign the motion"),
        _(
            "Only your loved one (or a lawyer) can sign the motion and the declaration at the end. "
            "Family members can help prepare it, but cannot sign or file it for them."
        ),
    ),
    NextStep(
        LOVED_ONE,
        _("Hand it to prison staff for mailing to the court"),
        _(
            "The motion counts as filed on the day it is handed to staff for mailing, so that day "
            "must not be before the first day to file. Mail it to the court that gave the "
            "sentence, with a copy to the U.S. Attorney's Office."
        ),
    ),
    NextStep(
        _("You"),
        _("Keep copies of everything"),
        _(
            "Keep a copy of the motion, the request to the warden, the proof of when it was "
            "received, and any answers. The court may ask for them."
        ),
    ),
)


def next_steps(screening: Screening) -> list[NextStep]:
    when = screening.earliest_filing_date
    match screening.verdict:
        case "not_eligible":
            return [
                NextStep(
                    _("You"),
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
                    YOU_BOTH,
                    _("Get proof of the date the warden received the request"),
                    _(
                        "Ask staff for a copy stamped with the date received, or use the warden's "
                        "answer or a delivery confirmation. Then come back and add the date."
                    ),
                ),
                *FILE_STEPS,
            ]
        case "needs_information":
            return [
                NextStep(
                    _("You"),
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
                    _("You"),
                    _("Check the reasons again"),
                    _(
                        "The notes below explain why each reason does not fit yet. If your loved "
                        "one's health or family situation changes, come back and update the case."
                    ),
                )
            ]
        case "needs_warden_request":
            return [*REQUEST_STEPS, *FILE_STEPS]
        case "new_request_needed":
            return [
                NextStep(
                    YOU_BOTH,
                    _("Decide: a new request, or file on the other reasons"),
                    _(
                        "You can send a new request that lists the reasons the warden never saw, "
                        "then wait 30 days again. Or your loved one can file now on the reasons "
                        "the warden already saw, and leave the others out."
                    ),
                ),
                *REQUEST_STEPS,
                *FILE_STEPS,
            ]
        case "waiting":
            return [
                NextStep(
                    _("You"),
                    _("Keep proof of the date the warden received the request"),
                    _("Keep the stamped copy, the warden's answer, or the delivery confirmation."),
                ),
                NextStep(
                    LOVED_ONE,
                    gettext("Wait until %(date)s") % {"date": long_date(when)},
                    _(
                        "Do not file before this date, even if the warden says no. If the warden "
                        "says no, your loved one can also file an appeal (a BP-9) within 20 days."
                    ),
                ),
                *FILE_STEPS,
            ]
        case _:
            return list(FILE_STEPS)
