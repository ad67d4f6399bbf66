"""Which reminders a case is due, and sending each once.

The dates come from the screening (`case.screen(today)`): the rules are never worked out here.
- the first day the motion may be filed (the screening's earliest or partial filing date);
- proof of the warden's receipt still missing, when that date rests on an estimate;
- the BP-9 appeal after a warden's early denial (the screening's `denial_before_30_days`
  warning), BP9_DAYS after the denial, sent in the last BP9_NOTICE_DAYS before it.
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
from eligibility import rules
from intake.models import Case
from notices import links
from notices.models import ReminderKind, ReminderPreference, SentReminder

BP9_NOTICE_DAYS = 7  # the BP-9 reminder goes out in the last week before the deadline
LATE_DAYS = 30  # a date further in the past than this is old news: no reminder


def due(case: Case, today: date) -> list[tuple[str, date]]:
    screening = case.screen(today)
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
    early_denial = any(f.status == rules.WARN for f in screening.by_rule("denial_before_30_days"))
    if early_denial:
        counted = {result.index: result for result in screening.requests}
        for index, request in enumerate(case.warden_requests.all()):
            result = counted.get(index)
            if (
                request.response != "denied"
                or request.response_on is None
                or request.bp9_on is not None
                or request.final_denial_on is not None
                or result is None
                or result.lapsed_on is None
                or request.response_on >= result.lapsed_on
            ):
                continue
            deadline = request.response_on + timedelta(days=rules.BP9_DAYS)
            if deadline - timedelta(days=BP9_NOTICE_DAYS) <= today <= deadline:
                out.append((ReminderKind.BP9_DEADLINE, deadline))
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
    for case in cases.prefetch_related("grounds", "warden_requests__grounds"):
        for kind, about in due(case, today):
            sent += send_one(case, preferences.get(case.pk), kind, about)
    return sent
