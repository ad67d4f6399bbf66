"""The advocate workspace's work, apart from HTTP: the dashboard's query, the words for a
case's filing date, the review actions, and the audit trail they all write.

Nothing here decides eligibility. The verdict and the earliest filing date are the ones the
rules gave (`Case.rescreen`), kept on the case; a case screened on an earlier day is screened
again before a list is drawn, because time alone moves a case from "waiting" to "ready to file".
Every action that changes a case in a workspace writes an `AuditEvent` in the same transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import and_

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone, translation

from eligibility import after_filing, courts
from eligibility.rules import verdict_label
from eligibility.words import court_date, plural
from intake import review
from intake.models import (
    SCREENING_FIELDS,
    AnswerChange,
    AuditAction,
    AuditEvent,
    Case,
    CaseGround,
    CaseShare,
    CaseStatus,
    ChangeRequest,
    Membership,
    Note,
    Organisation,
    SentencingCourt,
    ShareOrigin,
)
from intake.stages import CaseStage

PAGE_SIZE = 25
THE_FAMILY = "The family"
NOT_ANSWERED = ""


# -- what the dashboard shows --------------------------------------------------------------


@dataclass(frozen=True)
class FilingLabel:
    """The earliest filing date as a few words, and a tone for the page to colour it by."""

    text: str
    tone: str  # "ready", "waiting", "action" or "info"
    when: str = ""


# How each verdict is drawn on a list; the words are the rules' own (rules.verdict_label).
_TONES = {
    "ready_to_file": "ready",
    "waiting": "waiting",
    "needs_warden_request": "action",
    "new_request_needed": "action",
}


def filing_label(
    verdict: str, earliest: date | None, today: date, *, estimate: bool = False
) -> FilingLabel:
    """The engine's verdict and date for a list: "Ready to file, since …", "Waiting for the 30
    days to pass, in 12 days, on …". `estimate` is the screening's `date_is_estimate`."""
    text = verdict_label(verdict)
    tone = _TONES.get(verdict, "info")
    if earliest is None:
        return FilingLabel(text, tone)
    when = court_date(earliest)
    if estimate:
        return FilingLabel(text, "action", f"estimated {when}, once receipt is proven")
    if earliest > today:
        return FilingLabel(text, tone, f"in {plural((earliest - today).days, 'day')}, on {when}")
    return FilingLabel(text, tone, f"since {when}")


def deadline_label(case: Case, today: date) -> FilingLabel | None:
    """The case's next date as kept by its last screening ("Reply due, in 3 days, on …"); the
    tone is "action" when it is 3 days away or nearer (after_filing.CLOSE_DAYS)."""
    if case.next_deadline is None or case.next_deadline < today:
        return None
    left = (case.next_deadline - today).days
    when = court_date(case.next_deadline)
    tone = "action" if left <= after_filing.CLOSE_DAYS else "info"
    if left == 0:
        return FilingLabel(case.next_deadline_label, tone, f"today, {when}")
    return FilingLabel(case.next_deadline_label, tone, f"in {plural(left, 'day')}, on {when}")


def refresh_stale_screenings(organisation: Organisation, today: date) -> int:
    """Screen again every case in the workspace not screened `today`; how many were.

    A fixed number of queries whatever the number of cases (the answers are prefetched, the
    results written in one bulk update), so a list stays fast on the first visit of the day.
    The stale cases are found through the index on `screened_on` rather than by reading every
    case of the workspace, which on most visits are all fresh. `updated_at` is left alone:
    nobody changed the case.
    """
    in_workspace = CaseShare.objects.filter(
        case=OuterRef("pk"), organisation=organisation, active=True
    )
    not_today = Q(screened_on__lt=today) | Q(screened_on__gt=today) | Q(screened_on=None)
    stale = list(
        Case.objects.filter(not_today, Exists(in_workspace))
        .order_by()
        .prefetch_related("grounds", "warden_requests__grounds", "stages")
    )
    for case in stale:
        case.rescreen(today)
    Case.objects.bulk_update(stale, SCREENING_FIELDS)
    return len(stale)


def workspace_shares(organisation: Organisation) -> QuerySet[CaseShare]:
    """The organisation's cases, with everything a dashboard row shows in the same query."""
    open_changes = ChangeRequest.objects.filter(share=OuterRef("pk"), resolved_at=None)
    return (
        CaseShare.objects.filter(organisation=organisation, active=True)
        .select_related("case", "assigned_to")
        .prefetch_related("case__grounds", "case__stages")
        .annotate(has_open_changes=Exists(open_changes))
    )


@dataclass(frozen=True)
class Filters:
    q: str = ""
    verdict: str = ""
    status: str = ""
    assigned: str = ""  # a Membership id, or "none"
    district: str = ""
    facility: str = ""
    ground: str = ""
    stage: str = ""  # the case's latest stage after the request (intake/stages.py)
    sort: str = "deadline"


UNASSIGNED = "none"


@dataclass(frozen=True)
class Sort:
    label: str
    # Fields of the case ("-" first for descending), or of the share when not `of_case`. The
    # case's id breaks ties: a case is in a workspace once.
    keys: tuple[str, ...]
    of_case: bool = True


SORTS = {
    "deadline": Sort("Next date (soonest first)", ("next_deadline", "person_name")),
    "filing": Sort("First day to file (soonest first)", ("earliest_filing_date", "person_name")),
    "name": Sort("Name (A to Z)", ("person_name", "created_at")),
    "updated": Sort("Recently changed", ("-updated_at",)),
    "shared": Sort("Newest in the workspace", ("-shared_at",), of_case=False),
    "status": Sort("Status", ("status", "case__person_name"), of_case=False),
}
# Cases without a date come last, under either database (NULL sorts first on SQLite).
NULLS_LAST = frozenset({"earliest_filing_date", "next_deadline"})


def _ordering(sort: Sort) -> list:
    """ORDER BY for a query of shares, ending with the case's id."""
    prefix = "case__" if sort.of_case else ""
    order = []
    for key in sort.keys:
        name = key.removeprefix("-")
        field = F(prefix + name)
        if key.startswith("-"):
            order.append(field.desc())
        else:
            order.append(field.asc(nulls_last=True) if name in NULLS_LAST else field.asc())
    order.append(F("case_id"))
    return order


def search_query(text: str) -> Q:
    """Name (every word), register number (with or without the dash) or case number, from a
    share."""
    text = " ".join(text.split())
    if not text:
        return Q()
    words = text.split()
    found = reduce(and_, (Q(case__person_name__icontains=w) for w in words))
    found |= Q(case__case_number__icontains=text)
    found |= Q(case__register_number__icontains=text)
    digits = re.sub(r"[\s-]", "", text)
    if digits.isdigit() and len(digits) >= 3:
        # Register numbers are kept as 12345-678: "12345678", "12345 678" and "123456" match.
        start = digits[:5] + (f"-{digits[5:]}" if len(digits) > 5 else "")
        found |= Q(case__register_number__startswith=start)
    return found


def _case_conditions(filters: Filters) -> list:
    """Every filter on the case, from a share."""
    found = [search_query(filters.q)]
    if filters.verdict:
        found.append(Q(case__verdict=filters.verdict))
    if filters.district:
        found.append(Q(case__district=filters.district))
    if filters.facility:
        found.append(Q(case__facility__iexact=filters.facility))
    if filters.ground:
        grounds = CaseGround.objects.filter(case=OuterRef("case"), category=filters.ground)
        found.append(Exists(grounds))
    if filters.stage:
        later = CaseStage.objects.filter(case=OuterRef("case"), on__gt=OuterRef("on"))
        latest = CaseStage.objects.filter(~Exists(later), case=OuterRef("case"), kind=filters.stage)
        found.append(Exists(latest))
    return found


def _share_conditions(filters: Filters) -> Q:
    """The filters on the organisation's review of the case (fields of the share)."""
    found = Q()
    if filters.status:
        found &= Q(status=filters.status)
    if filters.assigned == UNASSIGNED:
        found &= Q(assigned_to=None)
    elif filters.assigned:
        found &= Q(assigned_to_id=filters.assigned)
    return found


def filter_shares(shares: QuerySet[CaseShare], filters: Filters) -> QuerySet[CaseShare]:
    """The shares the filters ask for, in the order asked for."""
    shares = shares.filter(_share_conditions(filters), *_case_conditions(filters))
    sort = SORTS.get(filters.sort, SORTS[Filters.sort])
    return shares.order_by(*_ordering(sort))


@dataclass(frozen=True)
class Page:
    """One page of a dashboard's list: its shares, and whether a page follows.

    No page counts the whole list: at 100,000 cases an exact count of the filtered shares
    cost more than the rest of the page together (31 to 92 ms against 0.2 ms for the page's
    own query, on PostgreSQL under load). One more row than the page shows is read instead,
    to know whether a next page exists; the count is known on the last page only.
    """

    shares: list[CaseShare]
    number: int
    size: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.size + 1 if self.shares else 0

    @property
    def end_index(self) -> int:
        return (self.number - 1) * self.size + len(self.shares)

    @property
    def total(self) -> int | None:
        """How many cases the list holds, known once no page follows."""
        return None if self.has_next else self.end_index

    def __iter__(self):
        return iter(self.shares)

    def __len__(self) -> int:
        return len(self.shares)


def page_number(value: str | None) -> int:
    """The page asked for in a query string; the first for anything that is not one."""
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and len(value) <= 6:
        return max(int(value), 1)
    return 1


class CaseList:
    """A dashboard's list, a page at a time (the organisation's shares, with what a row shows).

    A page is read in two steps: the ids of its cases (the organisation's shares joined to
    their cases, filtered and sorted: `filter_shares`), one more than the page shows, then
    those shares with everything a row shows (`workspace_shares`). A large workspace runs on
    PostgreSQL, whose planner reads the page along the case's index for the sort and stops
    after it. SQLite reads and sorts every share of the workspace: 20,000 cases took 0.4 s a
    page (a busy two-core machine), so it serves small workspaces only.
    """

    def __init__(self, organisation: Organisation, filters: Filters, size: int = PAGE_SIZE):
        self.organisation = organisation
        self.filters = filters
        self.size = size

    def shares(self) -> QuerySet[CaseShare]:
        """The filtered shares, sorted."""
        return filter_shares(
            CaseShare.objects.filter(organisation=self.organisation, active=True), self.filters
        )

    def page(self, number: int) -> Page:
        """The page `number` (from 1); the first page when the list ends before it."""
        offset = (number - 1) * self.size
        ids = list(self.shares().values_list("case_id", flat=True)[offset : offset + self.size + 1])
        if not ids and number > 1:
            return self.page(1)
        found = {
            share.case_id: share
            for share in workspace_shares(self.organisation)
            .filter(case_id__in=ids[: self.size])
            .order_by()
        }
        shares = [found[case_id] for case_id in ids[: self.size] if case_id in found]
        return Page(shares, number, self.size, has_next=len(ids) > self.size)


# -- the audit trail ------------------------------------------------------------------------


def name_of(user) -> str:
    """How a person appears in a case's history: an advocate's name, or "The family"."""
    if user is None or not user.is_authenticated:
        return THE_FAMILY
    membership = Membership.objects.filter(user=user).only("name").first()
    return membership.name if membership else THE_FAMILY


def record(share: CaseShare, user, action: str, detail: str = "") -> AuditEvent:
    return AuditEvent.objects.create(
        share=share,
        actor=user if user is not None and user.is_authenticated else None,
        actor_name=name_of(user),
        action=action,
        detail=detail[:300],
    )


# -- review actions -------------------------------------------------------------------------


@transaction.atomic
def start_case(*, membership: Membership, today: date) -> CaseShare:
    """An empty case an advocate fills in for a client; it belongs to the organisation."""
    case = Case()
    case.rescreen(today)
    case.save()
    share = CaseShare.objects.create(
        case=case,
        organisation=membership.organisation,
        origin=ShareOrigin.STARTED,
        shared_by=membership.user,
        assigned_to=membership,
        status=CaseStatus.IN_REVIEW,
    )
    record(share, membership.user, AuditAction.STARTED)
    return share


def shared_with(case: Case) -> QuerySet[CaseShare] | list[CaseShare]:
    """The active shares, with their organisations; none without a look when the case was
    read saying it is shared with no one (`is_shared`, access.case_for_request)."""
    if getattr(case, "is_shared", True) is False:
        return []
    return case.shares.filter(active=True).select_related("organisation")


def organisations_to_share_with(case: Case) -> QuerySet[Organisation]:
    """The organisations a family can pick: listed, and not already holding the case."""
    holding = CaseShare.objects.filter(organisation=OuterRef("pk"), case=case, active=True)
    return Organisation.objects.filter(listed=True).exclude(Exists(holding))


def sentencing_district(case: Case) -> courts.District | None:
    """The federal district that gave the sentence, if the family said which (and it is one)."""
    if case.sentencing_court != SentencingCourt.FEDERAL_DISTRICT:
        return None
    return courts.district(case.district)


def sentenced_by_another_court(case: Case) -> bool:
    """Sentenced by a court that is not a federal district court (a state court, D.C. Superior
    Court, a court-martial): no federal defender's office to send the family to."""
    return case.sentencing_court in (
        SentencingCourt.STATE,
        SentencingCourt.DC_SUPERIOR,
        SentencingCourt.COURT_MARTIAL,
    )


def organisations_serving(case: Case) -> list[Organisation]:
    """The organisations a family can pick that take cases from its sentencing district (only
    those taking every district while the district is not known)."""
    district = sentencing_district(case)
    return [o for o in organisations_to_share_with(case) if o.serves(district and district.id)]


def with_organisations_to_share_with(cases: QuerySet[Case]) -> QuerySet[Case]:
    """The cases, each saying whether an organisation is there to share it with
    (`can_share`), in the same query: what `organisations_to_share_with(case).exists()` says."""
    holding = CaseShare.objects.filter(
        organisation=OuterRef("pk"), case=OuterRef(OuterRef("pk")), active=True
    )
    listed = Organisation.objects.filter(listed=True).exclude(Exists(holding))
    return cases.annotate(can_share=Exists(listed))


@transaction.atomic
def share_case(*, case: Case, organisation: Organisation, user) -> CaseShare:
    """The family shares its case; sharing again with an organisation reopens its review."""
    share, created = CaseShare.objects.select_for_update().get_or_create(
        case=case,
        organisation=organisation,
        defaults={"shared_by": user if user.is_authenticated else None},
    )
    if not created:
        if share.active:
            return share
        share.active, share.stopped_at, share.shared_at = True, None, timezone.now()
        share.save(update_fields=["active", "stopped_at", "shared_at"])
    record(share, user, AuditAction.SHARED, "" if created else "Shared again")
    return share


@transaction.atomic
def stop_sharing(*, share: CaseShare, user) -> None:
    share.active, share.stopped_at = False, timezone.now()
    share.save(update_fields=["active", "stopped_at"])
    record(share, user, AuditAction.UNSHARED)


@transaction.atomic
def move_status(*, share: CaseShare, status: str, user) -> None:
    """Move along STATUS_MOVES; ValueError if the case (as it is now, locked) cannot."""
    share.status = (
        CaseShare.objects.select_for_update().values_list("status", flat=True).get(pk=share.pk)
    )
    if not share.can_move_to(status):
        raise ValueError(f"a case cannot move from {share.status} to {status}")
    before = share.get_status_display()
    share.status = status
    share.save(update_fields=["status"])
    record(share, user, AuditAction.STATUS, f"{before} → {share.get_status_display()}")


@transaction.atomic
def assign(*, share: CaseShare, member: Membership | None, user) -> None:
    if member is not None and member.organisation_id != share.organisation_id:
        raise ValueError("an advocate of another organisation")
    share.assigned_to = member
    share.save(update_fields=["assigned_to"])
    record(share, user, AuditAction.ASSIGNED, member.name if member else "Nobody")


@transaction.atomic
def add_note(*, share: CaseShare, user, text: str) -> Note:
    note = Note.objects.create(share=share, author=user, author_name=name_of(user), text=text)
    record(share, user, AuditAction.NOTE)
    return note


@transaction.atomic
def request_changes(*, share: CaseShare, user, message: str) -> ChangeRequest:
    """A message the family sees on its case; the case waits for them while it is open."""
    change = ChangeRequest.objects.create(
        share=share, author=user, author_name=name_of(user), message=message
    )
    record(share, user, AuditAction.CHANGES_REQUESTED, message)
    if share.status != CaseStatus.CHANGES_REQUESTED and share.can_move_to(
        CaseStatus.CHANGES_REQUESTED
    ):
        move_status(share=share, status=CaseStatus.CHANGES_REQUESTED, user=user)
    return change


def open_change_requests(case: Case) -> QuerySet[ChangeRequest]:
    """What the family is asked to change, from the organisations it still shares with."""
    return ChangeRequest.objects.filter(
        share__case=case, share__active=True, resolved_at=None
    ).select_related("share__organisation")


@transaction.atomic
def mark_changes_done(*, change: ChangeRequest, user) -> None:
    """The family says it made the changes; the case goes back to the advocates for review."""
    change.resolved_at = timezone.now()
    change.save(update_fields=["resolved_at"])
    share = change.share
    record(share, user, AuditAction.CHANGES_DONE)
    still_open = share.change_requests.filter(resolved_at=None).exists()
    if share.status == CaseStatus.CHANGES_REQUESTED and not still_open:
        move_status(share=share, status=CaseStatus.IN_REVIEW, user=user)


# -- answers changed by an advocate ---------------------------------------------------------


def answer_snapshot(case: Case) -> dict[tuple[str, str], str]:
    """Every answer as "Check your answers" shows it in English, keyed by (step, question):
    the workspace that keeps the changes is in English, whatever language the family uses."""
    out: dict[tuple[str, str], str] = {}
    with translation.override("en"):
        for section in review.sections(case):
            for row in section.rows:
                out[(section.step, str(row.question))] = str(row.answer)
            for title, rows in section.groups:
                out[(section.step, str(title))] = "Given"
                for row in rows:
                    out[(section.step, f"{title}: {row.question}")] = str(row.answer)
    return out


def record_answer_changes(
    *, share: CaseShare, user, before: dict[tuple[str, str], str], after: dict
) -> list[AnswerChange]:
    """One AnswerChange per answer that differs, and one audit event for them all."""
    changed_by_name = name_of(user)
    changes = [
        AnswerChange(
            share=share,
            # An anonymous family that shared its case has no account to name.
            changed_by=user if user is not None and user.is_authenticated else None,
            changed_by_name=changed_by_name,
            step=step,
            field=question[:500],
            old=before.get((step, question), NOT_ANSWERED),
            new=after.get((step, question), NOT_ANSWERED),
        )
        for step, question in dict.fromkeys([*before, *after])
        if before.get((step, question), NOT_ANSWERED) != after.get((step, question), NOT_ANSWERED)
    ]
    if changes:
        AnswerChange.objects.bulk_create(changes)
        questions = "; ".join(c.field for c in changes)
        record(share, user, AuditAction.CHANGED, f"{plural(len(changes), 'answer')}: {questions}")
    return changes
