"""A deleted case leaves nothing behind in the cache: its drafts name the person and their
health, and would otherwise stay there for a week (intake/drafts/caching.py, CACHE_SECONDS)."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from intake.drafts import caching
from intake.models import Case


@receiver(post_delete, sender=Case, dispatch_uid="intake_forget_cached_drafts")
def forget_cached_drafts(sender, instance: Case, **kwargs) -> None:
    case_id = instance.pk
    caching.forget_cached(case_id)
    # A download that was rendering while the case was deleted may store its PDF after this:
    # forget again once the deletion is committed.
    transaction.on_commit(lambda: caching.forget_cached(case_id))
