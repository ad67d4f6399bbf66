"""After the motion is mailed: what comes next and by when (domain.md § 9).

Pure functions over plain data; no database, no HTTP. The family records the case's stages
(filed, the government's response, the court's decision, the appeals); each stage gives what
comes next in plain words and, where the law sets one, the date. A date a court sets (the reply)
is never computed here: only the date the family reads in the court's order is shown.

Exhaustion is never decided here: the date to file again after a dismissal, and the date a new
request opens a new motion, come from `rules.screen` over the case's facts with the motion just
decided recorded as the earlier motion (domain.md § 2 rule 8).

Tests: tests/test_after_filing_rules.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.utils.translation import gettext_noop

from eligibility import rules
from eligibility.facts import CaseFacts, PriorMotion
from eligibility.i18n import gettext as _
from eligibility.i18n import ngettext
from eligibility.words import long_date

APPEAL_DAYS = 14  # Fed. R. App. P. 4(b)(1)(A): 14 days after the order is entered
CLOSE_DAYS = 3  # a deadline this near (or nearer) is "close"
BP9_DAYS = 20  # after the warden's denial (28 C.F.R. § 542.14(a))
BP10_DAYS = 20  # after the warden's answer to the BP-9 (28 C.F.R. § 542.15(a))
BP11_DAYS = 30  # after the Regional Director's answer (28 C.F.R. § 542.15(a))
WARDEN_ANSWER_DAYS = 20  # response times (28 C.F.R. § 542.18)
REGION_ANSWER_DAYS = 30
GENERAL_COUNSEL_ANSWER_DAYS = 40

APPEAL_RULE = "Fed. R. App. P. 4(b)(1)(A)"
MAILBOX_RULE = "Fed. R. App. P. 4(c)(1); Houston v. Lack, 487 U.S. 266 (1988)"
REMEDY_RULES = "28 C.F.R. §§ 542.14, 542.15, 542.18"
ALAM = "United States v. Alam, 960 F.3d 831 (6th Cir. 2020)"
KELLER = "United States v. Keller, 2 F.4th 1278 (9th Cir. 2021)"

# The stages a family or an advocate records, in the order a case goes through them.
REQUEST_SENT = "request_sent"
FILED = "filed"
RESPONSE = "response"
REPLY_SENT = "reply_sent"
DECIDED = "decided"
APPEAL_FILED = "appeal_filed"
WARDEN_DENIED = "warden_denied"
BP9_FILED = "bp9_filed"
BP9_ANSWERED = "bp9_answered"
BP10_FILED = "bp10_filed"
BP10_ANSWERED = "bp10_answered"
BP11_FILED = "bp11_filed"
BP11_ANSWERED = "bp11_answered"

STAGE_KINDS = (
    REQUEST_SENT,
    WARDEN_DENIED,
    BP9_FILED,
    BP9_ANSWERED,
    BP10_FILED,
    BP10_ANSWERED,
    BP11_FILED,
    BP11_ANSWERED,
    FILED,
    RESPONSE,
    REPLY_SENT,
    DECIDED,
    APPEAL_FILED,
)
STAGE_LABELS = {
    REQUEST_SENT: gettext_noop("Request sent to the warden"),
    WARDEN_DENIED: gettext_noop("The warden said no"),
    BP9_FILED: gettext_noop("Appeal to the warden filed (form BP-9)"),
    BP9_ANSWERED: gettext_noop("The warden answered the BP-9"),
    BP10_FILED: gettext_noop("Appeal to the regional director filed (form BP-10)"),
    BP10_ANSWERED: gettext_noop("The regional director answered the BP-10"),
    BP11_FILED: gettext_noop("Appeal to the central office filed (form BP-11)"),
    BP11_ANSWERED: gettext_noop("The central office answered the BP-11"),
    FILED: gettext_noop("Motion handed to staff for mailing"),
    RESPONSE: gettext_noop("The government's answer came"),
    REPLY_SENT: gettext_noop("Reply handed to staff for mailing"),
    DECIDED: gettext_noop("The judge decided"),
    APPEAL_FILED: gettext_noop("Notice of appeal handed to staff for mailing"),
}

GRANTED, DENIED, DISMISSED_UNEXHAUSTED = "granted", "denied", "dismissed_unexhausted"
OUTCOMES = (GRANTED, DENIED, DISMISSED_UNEXHAUSTED)
OUTCOME_LABELS = {
    GRANTED: gettext_noop("Granted"),
    DENIED: gettext_noop("Denied"),
    DISMISSED_UNEXHAUSTED: gettext_noop("Dismissed because the 30 days had not passed"),
}

# Each stage that must come after another: (stage, the one before it).
_AFTER = {
    RESPONSE: FILED,
    REPLY_SENT: RESPONSE,
    DECIDED: FILED,
    APPEAL_FILED: DECIDED,
    BP9_FILED: WARDEN_DENIED,
    BP9_ANSWERED: BP9_FILED,
    BP10_FILED: BP9_ANSWERED,
    BP10_ANSWERED: BP10_FILED,
    BP11_FILED: BP10_ANSWERED,
    BP11_ANSWERED: BP11_FILED,
}

# The stages that settle what a stage waits for: once one is recorded, its date is no longer
# a deadline to warn about.
_SETTLED_BY = {
    RESPONSE: (REPLY_SENT, DECIDED),
    REPLY_SENT: (DECIDED,),
    WARDEN_DENIED: (BP9_FILED,),
    BP9_FILED: (BP9_ANSWERED,),
    BP9_ANSWERED: (BP10_FILED,),
    BP10_FILED: (BP10_ANSWERED,),
    BP10_ANSWERED: (BP11_FILED,),
    BP11_FILED: (BP11_ANSWERED,),
}

OPEN, CLOSE, PAST, UNKNOWN, DONE = "open", "close", "past", "unknown", "done"


@dataclass(frozen=True)
class Stage:
    """One stage as the family recorded it."""

    kind: str  # STAGE_KINDS
    on: date
    outcome: str | None = None  # DECIDED only: OUTCOMES
    reply_due_on: date | None = None  # RESPONSE only: the date in the court's order


@dataclass(frozen=True)
class Next:
    """What comes next after a stage, and by when.

    `state`: OPEN (a date ahead), CLOSE (3 days or fewer left), PAST (the date has gone by),
    UNKNOWN (a date only the family can give, not given yet) or DONE (nothing is due).
    """

    message: str
    due_on: date | None
    state: str
    citation: str = ""


def _state(due_on: date, as_of: date) -> str:
    left = (due_on - as_of).days
    if left < 0:
        return PAST
    return CLOSE if left <= CLOSE_DAYS else OPEN


def _left(due_on: date, as_of: date) -> str:
    left = (due_on - as_of).days
    if left < 0:
        return _("That date has passed.")
    if left == 0:
        return _("That is today.")
    return ngettext("%(count)s day left.", "%(count)s days left.", left) % {"count": left}


def order_problem(earlier: list[Stage], stage: Stage) -> str | None:
    """Why `stage` cannot follow the stages already recorded, or None.

    A response before the motion was mailed, an appeal before the decision, an answer before its
    appeal: each is impossible, so it is refused with a message for the date field.
    """
    before = _AFTER.get(stage.kind)
    if before is None:
        return None
    dates = [s.on for s in earlier if s.kind == before]
    if not dates:
        return None
    if stage.on < min(dates):
        return _("This date is before the date of “%(stage)s” (%(date)s). Check both dates.") % {
            "stage": _(STAGE_LABELS[before]),
            "date": long_date(min(dates)),
        }
    return None


def notice_of_appeal(entered_on: date, as_of: date) -> Next:
    """domain.md § 9: a notice of appeal within 14 days after the order is entered."""
    due = entered_on + timedelta(days=APPEAL_DAYS)
    state = _state(due, as_of)
    values = {"date": long_date(due), "entered": long_date(entered_on)}
    if state == PAST:
        message = _(
            "The 14 days to appeal ended on %(date)s. Ask a lawyer or the clerk right away "
            "whether anything can still be done. A new motion later needs new facts and a new "
            "request to the warden."
        )
    else:
        message = _(
            "To appeal, your loved one must hand a notice of appeal to staff for mailing by "
            "%(date)s, 14 days after the order was entered on %(entered)s."
        )
    message = message % values
    if state != PAST:
        message += " " + _left(due, as_of)
    if state == CLOSE:
        message += " " + _("The date is close: mail it now.")
    return Next(message, due, state, APPEAL_RULE)


def reply(reply_due_on: date | None, as_of: date) -> Next:
    """domain.md § 9: the reply is due on the date the court's order gives, never guessed."""
    if reply_due_on is None:
        return Next(
            _(
                "Your loved one may answer the government (a reply). Look in the court's order "
                "for the date the reply is due, and enter it here. We do not guess that date."
            ),
            None,
            UNKNOWN,
        )
    state = _state(reply_due_on, as_of)
    if state == PAST:
        message = _("The date for the reply in the court's order was %(date)s.") % {
            "date": long_date(reply_due_on)
        }
    else:
        message = (
            _(
                "Your loved one may answer the government (a reply). The court's order says "
                "the reply is due by %(date)s."
            )
            % {"date": long_date(reply_due_on)}
            + " "
            + _left(reply_due_on, as_of)
        )
        if state == CLOSE:
            message += " " + _("The date is close: mail it now.")
    return Next(message, reply_due_on, state)


def _with_motion(facts: CaseFacts, filed_on: date, decided_on: date, outcome: str) -> CaseFacts:
    return replace(
        facts,
        prior_motion=PriorMotion(filed_on=filed_on, decided_on=decided_on, outcome=outcome),
    )


def file_again(facts: CaseFacts, filed_on: date, dismissed_on: date, as_of: date) -> Next:
    """domain.md § 9 and § 2 rule 8: after a dismissal for failure to exhaust, the same request
    counts once its 30 days lapse. The date is the screening's, with this motion recorded as
    dismissed."""
    screening = rules.screen(
        _with_motion(facts, filed_on, dismissed_on, "dismissed_unexhausted"), as_of
    )
    when = screening.earliest_filing_date
    start = _(
        "The motion was dismissed because it was filed before the 30 days had passed. That "
        "does not use up the request: the same motion can be dated again and filed once the "
        "30 days are over."
    )
    if when is None:
        return Next(
            start + " " + _("Check the results page for what is still needed."),
            None,
            UNKNOWN,
            ALAM,
        )
    if when <= as_of:
        message = _("The 30 days are over: your loved one can sign, date and mail it now.")
        state = OPEN
    else:
        message = _("Your loved one can sign, date and mail it on or after %(date)s.") % {
            "date": long_date(when)
        }
        state = OPEN
    if screening.date_is_estimate:
        message += " " + _(
            "This date rests on a guess of when the warden got the request. Get proof of "
            "that date first."
        )
    return Next(f"{start} {message}", when, state, ALAM)


def new_motion(facts: CaseFacts, filed_on: date, denied_on: date, as_of: date) -> Next:
    """domain.md § 9 (2): after a denial on the merits, a new motion on new or changed facts
    needs a new request and its own 30 days. A request sent after this motion gives the date
    (the screening's, with this motion recorded as decided)."""
    start = _(
        "A new motion later must rest on new or changed facts, such as a worse illness. It "
        "needs a new request to the warden and a new 30-day wait. The same facts again are "
        "usually denied again."
    )
    screening = rules.screen(_with_motion(facts, filed_on, denied_on, "decided"), as_of)
    when = screening.earliest_filing_date
    if when is None or when < filed_on:
        return Next(start, None, DONE, KELLER)
    message = _("With the new request already sent, the earliest date is %(date)s.") % {
        "date": long_date(when)
    }
    return Next(f"{start} {message}", when, OPEN, KELLER)


def _administrative(kind: str, on: date, as_of: date) -> Next:
    """domain.md § 2's administrative-remedy deadlines and response times."""
    if kind == WARDEN_DENIED:
        due = on + timedelta(days=BP9_DAYS)
        text = _("If your loved one takes the appeal route, the BP-9 is due by %(date)s.")
    elif kind == BP9_FILED:
        due = on + timedelta(days=WARDEN_ANSWER_DAYS)
        text = _("The warden should answer by %(date)s. No answer by then may be treated as a no.")
    elif kind == BP9_ANSWERED:
        due = on + timedelta(days=BP10_DAYS)
        text = _("If the answer is no, the BP-10 to the regional director is due by %(date)s.")
    elif kind == BP10_FILED:
        due = on + timedelta(days=REGION_ANSWER_DAYS)
        text = _(
            "The regional director should answer by %(date)s. No answer by then may be "
            "treated as a no."
        )
    elif kind == BP10_ANSWERED:
        due = on + timedelta(days=BP11_DAYS)
        text = _("If the answer is no, the BP-11 to the central office is due by %(date)s.")
    elif kind == BP11_FILED:
        due = on + timedelta(days=GENERAL_COUNSEL_ANSWER_DAYS)
        text = _(
            "The central office should answer by %(date)s. No answer by then may be treated "
            "as a no."
        )
    else:
        return Next(
            _(
                "The appeals inside the BOP are finished. If the answer was no, your loved one "
                "can file the motion in court now."
            ),
            None,
            DONE,
            rules.STATUTE,
        )
    state = _state(due, as_of)
    message = text % {"date": long_date(due)}
    message += " " + _left(due, as_of)
    return Next(message, due, state, REMEDY_RULES)


def _settled(stage: Stage, stages: list[Stage]) -> list[Stage]:
    return [s for s in stages if s.kind in _SETTLED_BY.get(stage.kind, ()) and s.on >= stage.on]


def next_after(stage: Stage, stages: list[Stage], facts: CaseFacts, as_of: date) -> Next:
    """What comes next after `stage`, given every stage recorded and the case's facts."""
    settled = _settled(stage, stages)
    if settled:
        return Next(
            _("Done: “%(stage)s” is written down below.")
            % {"stage": _(STAGE_LABELS[settled[0].kind])},
            None,
            DONE,
        )
    if stage.kind == REQUEST_SENT:
        return Next(
            _(
                "The 30 days start when the warden gets the request. The results page shows "
                "the first day your loved one can file."
            ),
            None,
            DONE,
            rules.STATUTE,
        )
    if stage.kind == FILED:
        return Next(
            _(
                "The court usually orders the government to answer by a date. When the answer "
                "comes, enter it here."
            ),
            None,
            DONE,
            MAILBOX_RULE,
        )
    if stage.kind == RESPONSE:
        return reply(stage.reply_due_on, as_of)
    if stage.kind == REPLY_SENT:
        return Next(_("Now the judge decides. Enter the decision when it comes."), None, DONE)
    if stage.kind == DECIDED:
        return _decided(stage, stages, facts, as_of)
    if stage.kind == APPEAL_FILED:
        return Next(
            _(
                "The court of appeals will send a notice with its own dates. Keep every paper "
                "it sends."
            ),
            None,
            DONE,
            MAILBOX_RULE,
        )
    return _administrative(stage.kind, stage.on, as_of)


def _decided(stage: Stage, stages: list[Stage], facts: CaseFacts, as_of: date) -> Next:
    filed = [s.on for s in stages if s.kind == FILED and s.on <= stage.on]
    filed_on = max(filed) if filed else stage.on
    if stage.outcome == GRANTED:
        return Next(
            _(
                "The judge said yes. The BOP takes some days to release your loved one. Get "
                "ready now: the home, medical care and medicine, and benefits. Supervised "
                "release rules will follow."
            ),
            None,
            DONE,
            rules.STATUTE,
        )
    if stage.outcome == DISMISSED_UNEXHAUSTED:
        return file_again(facts, filed_on, stage.on, as_of)
    appeal = notice_of_appeal(stage.on, as_of)
    if any(s.kind == APPEAL_FILED and s.on >= stage.on for s in stages):
        appeal = Next(_("The notice of appeal was mailed."), appeal.due_on, DONE, APPEAL_RULE)
    later = new_motion(facts, filed_on, stage.on, as_of)
    return Next(f"{appeal.message} {later.message}", appeal.due_on, appeal.state, APPEAL_RULE)


# -- the dates a case waits for: reminders and the advocate's list ---------------------------

FIRST_DAY_TO_FILE = "first_day_to_file"
REPLY_DUE = "reply_due"
APPEAL_DUE = "appeal_due"
FILE_AGAIN = "file_again"
BP9_DUE = "bp9_due"
WARDEN_ANSWER_DUE = "warden_answer_due"
BP10_DUE = "bp10_due"
REGION_ANSWER_DUE = "region_answer_due"
BP11_DUE = "bp11_due"
CENTRAL_OFFICE_ANSWER_DUE = "central_office_answer_due"

DEADLINE_LABELS = {
    FIRST_DAY_TO_FILE: gettext_noop("First day to file the motion"),
    REPLY_DUE: gettext_noop("Reply due"),
    APPEAL_DUE: gettext_noop("Notice of appeal due"),
    FILE_AGAIN: gettext_noop("Day to file the motion again"),
    BP9_DUE: gettext_noop("BP-9 due"),
    WARDEN_ANSWER_DUE: gettext_noop("The warden's answer due"),
    BP10_DUE: gettext_noop("BP-10 due"),
    REGION_ANSWER_DUE: gettext_noop("The regional director's answer due"),
    BP11_DUE: gettext_noop("BP-11 due"),
    CENTRAL_OFFICE_ANSWER_DUE: gettext_noop("The central office's answer due"),
}

# What the date after each stage is (a decision: by its outcome).
_DEADLINE_AFTER = {
    RESPONSE: REPLY_DUE,
    DENIED: APPEAL_DUE,
    DISMISSED_UNEXHAUSTED: FILE_AGAIN,
    WARDEN_DENIED: BP9_DUE,
    BP9_FILED: WARDEN_ANSWER_DUE,
    BP9_ANSWERED: BP10_DUE,
    BP10_FILED: REGION_ANSWER_DUE,
    BP10_ANSWERED: BP11_DUE,
    BP11_FILED: CENTRAL_OFFICE_ANSWER_DUE,
}


@dataclass(frozen=True)
class Deadline:
    """A date a case waits for, and what it is (DEADLINE_LABELS)."""

    kind: str
    due_on: date


def deadlines(stages: list[Stage], facts: CaseFacts, as_of: date) -> list[Deadline]:
    """Each recorded stage's date still open, as `next_after` computes it (domain.md § 9 and
    § 2's administrative-remedy deadlines): the reply on the date the court's order gives
    (never guessed: none without it), the notice of appeal 14 days after a denial is entered,
    the day to file again, each BP-9/10/11 and the answer each one waits for. A stage the next
    one already settled gives none. Calendar days, as computed: no weekend or holiday is
    skipped, so the date is never later than the law's. Dates already past are kept (the
    reader decides whether they still matter)."""
    out = []
    for stage in stages:
        kind = _DEADLINE_AFTER.get(stage.outcome if stage.kind == DECIDED else stage.kind)
        if kind is None:
            continue
        after = next_after(stage, stages, facts, as_of)
        if after.due_on is not None and after.state != DONE:
            out.append(Deadline(kind, after.due_on))
    return out


def next_deadline(
    stages: list[Stage], facts: CaseFacts, earliest_filing_date: date | None, as_of: date
) -> Deadline | None:
    """The soonest date from `as_of` on among what the case waits for: the first day to file
    (the screening's `earliest_filing_date`, until a motion is recorded as mailed) and each
    stage's date (`deadlines`). None when nothing ahead has a date."""
    found = deadlines(stages, facts, as_of)
    if earliest_filing_date is not None and not any(s.kind == FILED for s in stages):
        found.append(Deadline(FIRST_DAY_TO_FILE, earliest_filing_date))
    ahead = [d for d in found if d.due_on >= as_of]
    return min(ahead, key=lambda d: d.due_on) if ahead else None


# -- the reply to the government's response (domain.md § 9) ----------------------------------


@dataclass(frozen=True)
class Objection:
    id: str
    label: str  # for the family, translated when shown
    heading: str  # the reply's heading, in English (court papers)


OBJECTIONS = (
    Objection(
        "exhaustion",
        gettext_noop("The 30 days had not passed, or the warden was not told the same reasons"),
        "The Exhaustion Requirement Is Met",
    ),
    Objection(
        "managed_in_custody",
        gettext_noop(
            "The illness is treated well in prison, or treatment (such as a vaccine) was refused"
        ),
        "My Condition Is Not Adequately Managed in Custody",
    ),
    Objection(
        "danger",
        gettext_noop("Your loved one's past crimes, and danger to others"),
        "I Am Not a Danger to the Safety of Any Person or the Community",
    ),
    Objection(
        "little_served",
        gettext_noop("Too little of the sentence has been served"),
        "The Time I Have Served Supports a Reduction",
    ),
    Objection(
        "release_plan",
        gettext_noop("The plan for after release has not been checked"),
        "My Release Plan Can Be Verified",
    ),
    Objection(
        "other_caregiver",
        gettext_noop("Someone else can care for the family member"),
        "No Other Caregiver Is Available",
    ),
)
OBJECTION_IDS = tuple(o.id for o in OBJECTIONS)
