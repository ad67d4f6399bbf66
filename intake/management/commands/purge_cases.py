"""Delete the anonymous cases no one can reach any more.

A case started without an account is reachable only through the browser session that started
it (intake/access.py). Once that session has ended (SESSION_COOKIE_AGE, 30 days by default) or
was left behind (logging in on a shared computer and saying the case is someone else's), no one
can open the case again, yet it holds a person's name, health and crimes. This deletes every
such case not changed for ANONYMOUS_CASE_DAYS, with its documents and cached drafts, unless an
organisation it was shared with still holds it. Run it daily (cron, a systemd timer).

It also deletes the uploads a killed request left in the temporary folder: Django writes an
upload larger than FILE_UPLOAD_MAX_MEMORY_SIZE to a file there while it is read, and removes it
when the request ends, which a worker killed at its timeout never does.
"""

from __future__ import annotations

import tempfile
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.utils import timezone

from intake.models import Case


def unreachable_cases(now=None):
    now = now or timezone.now()
    live = Session.objects.filter(expire_date__gt=now).values("session_key")
    return (
        Case.objects.filter(
            owner=None, updated_at__lt=now - timedelta(days=settings.ANONYMOUS_CASE_DAYS)
        )
        .exclude(session_key__in=live)
        .exclude(shares__active=True)
    )


# No upload takes this long; an older temporary upload belongs to a request that is gone.
TEMP_UPLOAD_SECONDS = 60 * 60


def left_over_uploads() -> list[Path]:
    folder = Path(settings.FILE_UPLOAD_TEMP_DIR or tempfile.gettempdir())
    cutoff = time.time() - TEMP_UPLOAD_SECONDS
    # Django names them tmpXXXXXXXX.upload.<extension> (TemporaryUploadedFile).
    return [
        path
        for path in folder.glob("tmp*.upload*")
        if path.is_file() and path.stat().st_mtime < cutoff
    ]


class Command(BaseCommand):
    help = "Delete anonymous cases whose session has ended and that no one has changed lately."

    def handle(self, *args, **options):
        deleted = 0
        for case in unreachable_cases().iterator():
            # One by one: each deletion removes the stored files and cached drafts too.
            case.delete()
            deleted += 1
        self.stdout.write(f"Deleted {deleted} anonymous case(s) no one can reach.")
        left_over = left_over_uploads()
        for path in left_over:
            path.unlink(missing_ok=True)
        self.stdout.write(f"Deleted {len(left_over)} upload(s) left in the temporary folder.")
