"""The documents uploaded before requests had stable rows named their request by its position
in the case's list; the migration points each at that request's row, and leaves a document
whose request was removed (or whose position names none) no longer attached to a request."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("evidence", "0004_attachment_request_foreign_key")]
AFTER = [("evidence", "0006_remove_attachment_request_position")]
REMOVED = 32767  # the position the old code gave a document whose request was removed


def migrate(targets):
    """Move evidence to `targets`, every other app staying at its latest migration (the
    database the tests built has their latest tables)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    moved = {app for app, _ in targets}
    targets = targets + [n for n in executor.loader.graph.leaf_nodes() if n[0] not in moved]
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_each_document_finds_the_row_of_the_request_at_its_position():
    apps = migrate(BEFORE)
    Case = apps.get_model("intake", "Case")
    WardenRequest = apps.get_model("intake", "WardenRequest")
    Attachment = apps.get_model("evidence", "Attachment")
    case, other = Case.objects.create(), Case.objects.create()
    june = WardenRequest.objects.create(case=case, position=0, sent_on=date(2026, 6, 1))
    august = WardenRequest.objects.create(case=case, position=1, sent_on=date(2026, 8, 21))
    WardenRequest.objects.create(case=other, position=0, sent_on=date(2026, 1, 5))

    def document(description, position, *, supports="request", role="proof_of_receipt"):
        Attachment.objects.create(
            case=case,
            description=description,
            supports=supports,
            ground="medical_terminal" if supports == "ground" else "",
            request_position=position,
            request_role=role,
            file=f"evidence/{case.id}/{description}.pdf",
            content_type="application/pdf",
            size=1,
            sha256="0" * 64,
        )

    document("june", 0)
    document("august", 1)
    document("removed", REMOVED)
    document("past the end", 2)
    document("records", None, supports="ground", role="")

    apps = migrate(AFTER)
    Attachment = apps.get_model("evidence", "Attachment")
    requests = dict(Attachment.objects.values_list("description", "request_id"))

    assert requests == {
        "june": june.id,
        "august": august.id,
        "removed": None,
        "past the end": None,
        "records": None,
    }
    assert "request_position" not in {f.name for f in Attachment._meta.get_fields()}
