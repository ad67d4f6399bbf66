"""Which reminders a case is due, and sending each once.

The dates come from the screening (`case.screen(today)`): the rules are never worked out here.
- the first day the motion may be filed (the screening's earliest or partial filing date);
- proof of the warden's receipt still missing, when that date rests on an estimate;
- the BP-9 appeal after a warden's early denial (each counted request's `bp9_due_on`), sent in
  the last BP9_NOTICE_DAYS before it;
- after the motion is mailed, the deadlines of the stages recorded on the timeline
  (`after_filing.deadlines`): the notice of appeal, the reply's date from the court's order,
  and the BP-9, BP-10 and BP-11, each sent in the last DEADLINE_NOTICE_DAYS before it.
A reminder is recorded before it is sent (unique per case, kind and date), so running
`send_reminders` any number of times, even at once, never sends one twice; one that could not be
sent is forgotten and tried again on the next run.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.emails import is_confirmed
from config.mail import render_email, send_safely
from eligibility import after_filing, rules
from intake.models import Case
from notices import links
from notices.models import ReminderKind, ReminderPreference, SentReminder

BP9_NOTICE_DAYS = 7  # the BP-9 reminder goes out in the last week before the deadline
# A paper mailed from prison needs days to be signed and handed to staff: a week's notice.
DEADLINE_NOTICE_DAYS = 7
STAGE_DEADLINE_KINDS = {
    after_filing.APPEAL_DUE: ReminderKind.APPEAL_DEADLINE,
    after_filing.REPLY_DUE: ReminderKind.REPLY_DUE,
    # The same kind as the screening's BP-9 reminder: one email for one deadline.
    after_filing.BP9_DUE: ReminderKind.BP9_DEADLINE,
    after_filing.BP10_DUE: ReminderKind.BP10_DEADLINE,
    after_filing.BP11_DUE: ReminderKind.BP11_DEADLINE,
}
LATE_DAYS = 30  # a date further in the past than this is old news: no reminder


def due(case: Case, today: date) -> list[tuple[str, date]]:
    facts = case.to_facts(today)
    screening = rules.screen(facts, today)
    out: list[tuple[str, date]] = []
    needs_proof = screening.verdict == "needs_information"
    for day, estimated in (
        (screening.earliest_filing_date, screening.date_is_estimate or needs_proof),
        (screening.partial_filing_date, screening.partial_date_is_estimate),
    ):
        if day is None or not (day <= today <= day + timedelta(days=LATE_DAYS)):
            continue
        kind = ReminderKind.PROOF_MISSING if estimated else ReminderKind.FILING_DAY
        if (kind, day) not in out:
            out.append((kind, day))
    for result in screening.requests:
        deadline = result.bp9_due_on
        if deadline is not None and deadline - timedelta(days=BP9_NOTICE_DAYS) <= today <= deadline:
            out.append((ReminderKind.BP9_DEADLINE, deadline))
    stages = [stage.to_stage() for stage in case.stages.all()]
    for deadline in after_filing.deadlines(stages, facts, today):
        if deadline.kind not in STAGE_DEADLINE_KINDS:
            continue  # a date the family waits for, not one to act by
        reminder = (STAGE_DEADLINE_KINDS[deadline.kind], deadline.due_on)
        soon = deadline.due_on - timedelta(days=DEADLINE_NOTICE_DAYS) <= today <= deadline.due_on
        if soon and reminder not in out:
            out.append(reminder)
    return out


def _recipient(case: Case, preference: ReminderPreference | None) -> str:
    if case.owner_id is not None:
        return case.owner.email if is_confirmed(case.owner) else ""
    return preference.email if preference else ""


def _link(case: Case) -> str:
    if case.owner_id is not None:
        path = reverse("case_results", args=[case.pk])
    else:
        path = reverse("come_back_open", args=[links.come_back_token(case)])
    return settings.SITE_URL + path


def send_one(case: Case, preference: ReminderPreference | None, kind: str, about: date) -> bool:
    """Record the reminder, then send it; False when it was sent before or could not go."""
    to = _recipient(case, preference)
    if not to:
        return False
    try:
        with transaction.atomic():
            record = SentReminder.objects.create(case=case, kind=kind, about=about)
    except IntegrityError:
        return False
    stop = settings.SITE_URL + reverse("reminders_stop", args=[links.stop_token(case)])
    subject, body = render_email(
        "notices/email/reminder",
        {"kind": kind, "link": _link(case), "stop": stop},
        language=preference.language if preference else settings.LANGUAGE_CODE,
    )
    headers = {
        "List-Unsubscribe": f"<{stop}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    if send_safely(subject=subject, body=body, to=to, headers=headers):
        return True
    record.delete()
    return False


def send_due(today: date) -> int:
    """Send every reminder due today; the number sent."""
    preferences = {p.case_id: p for p in ReminderPreference.objects.all()}
    wanted = [case_id for case_id, p in preferences.items() if p.enabled]
    # Cases in an account want reminders unless they said no.
    accounts = Case.objects.exclude(owner=None).exclude(
        pk__in=[case_id for case_id, p in preferences.items() if not p.enabled]
    )
    cases = (Case.objects.filter(pk__in=wanted) | accounts).select_related("owner")
    sent = 0
    for case in cases.prefetch_related("grounds", "warden_requests__grounds", "stages"):
        for kind, about in due(case, today):
            sent += send_one(case, preferences.get(case.pk), kind, about)
    return sent
