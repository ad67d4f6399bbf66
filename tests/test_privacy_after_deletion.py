"""Nothing of a deleted case stays readable: its rendered drafts leave the shared cache, and
anonymous cases nobody can reach any more are purged after a stated time."""

from __future__ import annotations

import os
import time
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from intake.models import Case
from tests import workspace_helpers as make
from tests.case_helpers import freeze_today
from tests.evidence_files import make_case

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


def cached_pdfs() -> list[bytes]:
    """Every PDF the cache table holds, read back as the cache would serve it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM django_cache")
        keys = [row[0].split(":", 2)[2] for row in cursor.fetchall()]
    values = [cache.get(key) for key in keys]
    values = [v[1] if isinstance(v, tuple) else v for v in values]
    return [v for v in values if isinstance(v, bytes) and v.startswith(b"%PDF")]


def test_deleting_a_case_deletes_its_drafts_from_the_cache(client, django_user_model):
    ana = django_user_model.objects.create_user("ana@example.com", password="x" * 16)
    case = make_case(owner=ana)
    client.force_login(ana)
    for name in ("case_warden_request_pdf", "case_motion_pdf"):
        assert client.get(reverse(name, args=[case.id])).status_code == 200
    assert len(cached_pdfs()) == 2

    client.post(reverse("case_delete", args=[case.id]))

    assert cached_pdfs() == []


def anonymous_case(client, *, days_old: int) -> Case:
    client.post(reverse("case_start"))
    case = Case.objects.order_by("-created_at").first()
    # Answered, so that a second start makes a second case (an untouched one is reused).
    Case.objects.filter(pk=case.pk).update(
        completed_steps=["about_you"], updated_at=timezone.now() - timedelta(days=days_old)
    )
    return case


def test_it_purges_anonymous_cases_whose_session_ended(client):
    gone = anonymous_case(client, days_old=40)
    Session.objects.all().update(expire_date=timezone.now() - timedelta(days=1))

    call_command("purge_cases")

    assert not Case.objects.filter(pk=gone.pk).exists()


def test_it_keeps_a_case_while_its_session_lives(client):
    old = anonymous_case(client, days_old=40)

    call_command("purge_cases")

    assert Case.objects.filter(pk=old.pk).exists()


def test_it_keeps_recent_shared_and_account_cases(client, django_user_model):
    recent = anonymous_case(client, days_old=1)
    shared = anonymous_case(client, days_old=40)
    make.share(shared, make.organisation("Federal Defenders of New York"))
    ana = django_user_model.objects.create_user("ana@example.com", password="x" * 16)
    owned = Case.objects.create(owner=ana)
    Case.objects.filter(pk=owned.pk).update(updated_at=timezone.now() - timedelta(days=400))
    Session.objects.all().delete()

    call_command("purge_cases")

    assert Case.objects.filter(pk__in=[recent.pk, shared.pk, owned.pk]).count() == 3


def test_it_deletes_uploads_a_killed_request_left_in_the_temporary_folder(settings, tmp_path):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    left, current, other = (
        tmp_path / "tmpab12cd34.upload.pdf",
        tmp_path / "tmpef56gh78.upload.pdf",
        tmp_path / "notes.txt",
    )
    for path in (left, current, other):
        path.write_bytes(b"%PDF-1.7 Jane Q. Doe")
    two_hours_ago = time.time() - 2 * 60 * 60
    for path in (left, other):
        os.utime(path, (two_hours_ago, two_hours_ago))

    call_command("purge_cases")

    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name, current.name]
