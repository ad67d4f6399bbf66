"""The workspace's models moved from `intake` to the `workspace` app without touching a row.

A database at the migrations before the move (intake 0009, no workspace app), with a row in
each of the moved tables, is migrated forward: the two migrations of the move run no SQL on
those tables, and every row reads back the same through the moved models.
"""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from intake.models import Case
from workspace import models as ws

BEFORE = [("intake", "0009_case_next_deadline"), ("workspace", None)]
MOVE = {
    ("intake", "0010_workspace_models_to_workspace_app"),
    ("workspace", "0001_workspace_models_from_intake"),
}
# The content types (and so the permissions given on the models) follow them.
CONTENT_TYPES = ("workspace", "0002_content_types_from_intake")
TABLES = [
    "intake_organisation",
    "intake_membership",
    "intake_invitation",
    "intake_caseshare",
    "intake_note",
    "intake_changerequest",
    "intake_auditevent",
    "intake_answerchange",
]


def _migrate(targets) -> CaptureQueriesContext:
    executor = MigrationExecutor(connection)
    with CaptureQueriesContext(connection) as queries:
        executor.migrate(targets)
    return queries


def _latest() -> list:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _rows_before_the_move(user_id: int) -> dict:
    """A row in each moved table, written through the models as they were before the move."""
    old = MigrationExecutor(connection).loader.project_state(BEFORE[:1]).apps
    model = lambda name: old.get_model("intake", name)  # noqa: E731
    case = model("Case").objects.create(person_name="Ana Example", register_number="12345-678")
    org = model("Organisation").objects.create(
        name="Federal Defenders of New York",
        description="Cases from New York",
        all_districts=False,
        districts=["nysd"],
        languages=["en", "es"],
        phone="212-555-0100",
    )
    member = model("Membership").objects.create(
        user_id=user_id, organisation=org, name="Mo Advocate", role="admin"
    )
    invitation = model("Invitation").objects.create(
        organisation=org, email="bea@example.org", role="advocate", token_hash="a" * 64
    )
    share = model("CaseShare").objects.create(
        case=case, organisation=org, origin="imported", status="in_review", assigned_to=member
    )
    note = model("Note").objects.create(share=share, author_name="Mo Advocate", text="Call Ana.")
    change = model("ChangeRequest").objects.create(
        share=share, author_name="Mo Advocate", message="Add the date of the request."
    )
    event = model("AuditEvent").objects.create(
        share=share, actor_id=user_id, actor_name="Mo Advocate", action="viewed"
    )
    answer = model("AnswerChange").objects.create(
        share=share,
        changed_by_name="The family",
        step="person",
        field="Full name",
        old="Ana",
        new="Ana Example",
    )
    return {
        "case": case.pk,
        "org": org.pk,
        "member": member.pk,
        "invitation": invitation.pk,
        "share": share.pk,
        "note": note.pk,
        "change": change.pk,
        "event": event.pk,
        "answer": answer.pk,
    }


@pytest.mark.django_db(transaction=True)
def test_the_move_keeps_every_row_and_runs_no_sql_on_the_tables():
    user = get_user_model().objects.create_user("mo@example.org", "mo@example.org", "pw-12345")
    latest = _latest()
    _migrate(BEFORE)
    try:
        ids = _rows_before_the_move(user.pk)
        # As before the move, permissions on the models are intake's.
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="intake", codename="view_caseshare")
        )
        plan = MigrationExecutor(connection).migration_plan(latest)
        assert {(m.app_label, m.name) for m, _backwards in plan} == {*MOVE, CONTENT_TYPES}
    finally:
        queries = _migrate(latest)
        ContentType.objects.clear_cache()

    # The queries were seen: the two migrations were recorded as applied.
    assert sum("django_migrations" in q["sql"] for q in queries.captured_queries) >= 2
    for query in queries.captured_queries:
        sql = query["sql"].lower()
        assert not re.search(r"\b(create|drop|alter|rename)\b", sql), sql
        assert not any(table in sql for table in TABLES), sql

    share = ws.CaseShare.objects.select_related("case", "organisation", "assigned_to").get()
    assert share.pk == ids["share"]
    assert share.case == Case.objects.get(pk=ids["case"])
    assert (share.origin, share.status, share.active) == ("imported", "in_review", True)
    assert share.organisation.pk == ids["org"]
    assert share.assigned_to.pk == ids["member"]
    assert share.assigned_to.user == user
    assert share.assigned_to.is_admin
    assert Case.objects.get(pk=ids["case"]).shares.get() == share

    org = ws.Organisation.objects.get()
    assert (org.name, org.districts, org.languages, org.phone_link) == (
        "Federal Defenders of New York",
        ["nysd"],
        ["en", "es"],
        "2125550100",
    )
    assert org.serves("nysd") and not org.serves("cand")
    assert org.members.get().user == user

    invitation = ws.Invitation.objects.get()
    assert (invitation.pk, invitation.email, invitation.token_hash) == (
        ids["invitation"],
        "bea@example.org",
        "a" * 64,
    )
    assert invitation.is_open
    assert invitation.expires_at - invitation.created_at == timedelta(days=14)

    assert [n.text for n in share.notes.all()] == ["Call Ana."]
    assert share.notes.get().pk == ids["note"]
    change = share.change_requests.get()
    assert (change.pk, change.message, change.is_open) == (
        ids["change"],
        "Add the date of the request.",
        True,
    )
    event = share.audit_events.get()
    assert (event.pk, event.actor, event.action) == (ids["event"], user, ws.AuditAction.VIEWED)
    assert event.at <= timezone.now()
    answer = share.answer_changes.get()
    assert (answer.pk, answer.field, answer.old, answer.new) == (
        ids["answer"],
        "Full name",
        "Ana",
        "Ana Example",
    )

    user = get_user_model().objects.get(pk=user.pk)
    assert user.has_perm("workspace.view_caseshare")
    assert (
        ContentType.objects.get_for_model(ws.CaseShare)
        .permission_set.filter(codename="view_caseshare")
        .get()
        .user_set.get()
        == user
    )

    # The moved models still hold to their rules on the old rows.
    with pytest.raises(ws.AppendOnlyError):
        event.save()


# sqlmigrate opens a schema editor, which SQLite refuses inside a test's transaction.
@pytest.mark.django_db(transaction=True)
def test_the_move_is_state_only_in_sql():
    for app, name in sorted(MOVE):
        buffer = StringIO()
        call_command("sqlmigrate", app, name, stdout=buffer)
        out = buffer.getvalue()
        assert "(no-op)" in out
        assert not re.search(r"\b(create|drop|alter|insert|update|delete)\b", out.lower()), out
