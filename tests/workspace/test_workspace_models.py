"""The workspace's records: the append-only audit trail, statuses, invitations, filing labels."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from eligibility.rules import verdict_label
from intake.models import Case
from tests import workspace_helpers as make
from tests.case_helpers import AS_OF
from workspace import services
from workspace.models import (
    STATUS_MOVES,
    AnswerChange,
    AppendOnlyError,
    AuditAction,
    AuditEvent,
    CaseStatus,
    Invitation,
    MemberRole,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def share():
    org = make.organisation("Federal Defenders")
    return make.share(make.ready_case(make.user("ana@example.com")), org)


@pytest.fixture
def event(share):
    return services.record(share, None, AuditAction.VIEWED)


# -- the audit trail is append-only ----------------------------------------------------------


def test_it_refuses_to_change_an_audit_event_once_written(event):
    event.detail = "rewritten"

    with pytest.raises(AppendOnlyError):
        event.save()
    assert AuditEvent.objects.get().detail == ""


def test_it_refuses_to_delete_an_audit_event(event):
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert AuditEvent.objects.count() == 1


def test_it_refuses_bulk_updates_and_deletes_of_audit_events(event):
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(detail="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.bulk_update([event], ["detail"])
    assert AuditEvent.objects.get().detail == ""


def test_it_refuses_to_change_a_recorded_answer_change(share):
    change = AnswerChange.objects.create(
        share=share, changed_by_name="Mo", step="person", field="Name", old="A", new="B"
    )
    change.new = "C"

    with pytest.raises(AppendOnlyError):
        change.save()
    with pytest.raises(AppendOnlyError):
        change.delete()


def test_it_takes_the_history_with_it_when_the_family_deletes_the_case(share, event):
    share.case.delete()

    assert AuditEvent.objects.count() == 0
    assert Case.objects.count() == 0


def test_it_keeps_the_name_in_the_history_when_an_account_is_deleted(share):
    advocate = make.advocate(share.organisation, "mo@example.org", "Mo Advocate")
    services.record(share, advocate.user, AuditAction.VIEWED)

    advocate.user.delete()

    event = AuditEvent.objects.get()
    assert (event.actor, event.actor_name) == (None, "Mo Advocate")


def test_it_names_the_family_in_the_history_for_anyone_without_a_membership(share):
    assert services.record(share, share.case.owner, AuditAction.SHARED).actor_name == "The family"


# -- statuses -------------------------------------------------------------------------------


def test_it_offers_every_status_a_way_forward_except_granted():
    stuck = {status for status, moves in STATUS_MOVES.items() if not moves}

    assert stuck == {CaseStatus.GRANTED}
    assert set(STATUS_MOVES) == set(CaseStatus.values)


@pytest.mark.parametrize(
    ("start", "end", "allowed"),
    [
        (CaseStatus.NEW, CaseStatus.IN_REVIEW, True),
        (CaseStatus.NEW, CaseStatus.FILED, False),
        (CaseStatus.IN_REVIEW, CaseStatus.CHANGES_REQUESTED, True),
        (CaseStatus.CHANGES_REQUESTED, CaseStatus.WARDEN_REQUEST_SENT, True),
        (CaseStatus.WARDEN_REQUEST_SENT, CaseStatus.READY_TO_FILE, True),
        (CaseStatus.READY_TO_FILE, CaseStatus.FILED, True),
        (CaseStatus.FILED, CaseStatus.GRANTED, True),
        (CaseStatus.FILED, CaseStatus.DENIED, True),
        (CaseStatus.FILED, CaseStatus.IN_REVIEW, False),
        (CaseStatus.GRANTED, CaseStatus.WITHDRAWN, False),
        (CaseStatus.DENIED, CaseStatus.IN_REVIEW, True),
        (CaseStatus.IN_REVIEW, CaseStatus.NEW, False),
    ],
)
def test_it_moves_a_case_only_along_the_workflow(share, start, end, allowed):
    share.status = start
    share.save()

    if allowed:
        services.move_status(share=share, status=end, user=None)
    else:
        with pytest.raises(ValueError):
            services.move_status(share=share, status=end, user=None)

    share.refresh_from_db()
    assert share.status == (end if allowed else start)


def test_it_records_each_status_change_with_before_and_after(share):
    services.move_status(share=share, status=CaseStatus.IN_REVIEW, user=None)

    event = AuditEvent.objects.get(action=AuditAction.STATUS)
    assert event.detail == "New → In review"


def test_it_checks_a_move_against_the_status_as_it_is_now(share):
    stale = type(share).objects.get(pk=share.pk)
    services.move_status(share=share, status=CaseStatus.WITHDRAWN, user=None)

    with pytest.raises(ValueError):
        services.move_status(share=stale, status=CaseStatus.CHANGES_REQUESTED, user=None)


# -- invitations ----------------------------------------------------------------------------


def test_it_keeps_only_a_hash_of_the_invitation_token(share):
    invitation, token = Invitation.issue(
        organisation=share.organisation, email="x@example.org", role="advocate", invited_by=None
    )

    assert token not in invitation.token_hash
    assert Invitation.open_for_token(token) == invitation
    assert Invitation.open_for_token(token + "x") is None


@pytest.mark.parametrize(
    "change",
    [
        {"accepted_at": timezone.now()},
        {"withdrawn_at": timezone.now()},
        {"created_at": timezone.now() - timedelta(days=15)},
    ],
)
def test_it_closes_an_invitation_used_withdrawn_or_older_than_14_days(share, change):
    invitation, token = Invitation.issue(
        organisation=share.organisation,
        email="x@example.org",
        role=MemberRole.ADVOCATE,
        invited_by=None,
    )
    Invitation.objects.filter(pk=invitation.pk).update(**change)

    assert Invitation.open_for_token(token) is None


# -- the dashboard's words for the filing date ------------------------------------------------


@pytest.mark.parametrize(
    ("verdict", "earliest", "estimate", "when"),
    [
        ("ready_to_file", date(2026, 10, 2), False, "since October 2, 2026"),
        ("waiting", date(2026, 12, 21), False, "in 22 days, on December 21, 2026"),
        ("waiting", date(2026, 11, 30), False, "in 1 day, on November 30, 2026"),
        ("needs_warden_request", None, False, ""),
        ("new_request_needed", None, False, ""),
        ("needs_information", date(2026, 11, 1), True, "estimated November 1, 2026"),
        ("needs_information", None, False, ""),
        ("no_qualifying_ground", None, False, ""),
        ("not_eligible", None, False, ""),
        ("", None, False, ""),
    ],
)
def test_it_words_the_filing_date_for_the_dashboard(verdict, earliest, estimate, when):
    label = services.filing_label(verdict, earliest, AS_OF, estimate=estimate)

    assert label.text == verdict_label(verdict)  # the rules' words, not a table of its own
    assert label.when.startswith(when)


def test_the_dashboard_says_a_date_is_estimated_only_when_the_screening_does():
    firm = services.filing_label("needs_information", date(2026, 11, 1), AS_OF)

    assert "estimated" not in firm.when
