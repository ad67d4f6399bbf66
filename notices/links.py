"""Signed links in emails: to come back to a case, and to stop its reminders.

A link to come back carries the case id and a random nonce, signed with the site's key and the
time (`TimestampSigner`): it expires after COME_BACK_LINK_DAYS, and only the nonce's hash is
stored, so a used link, or a link whose row is gone, opens nothing. A stop link is signed too
and does not expire: stopping reminders must always work, in one click.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from intake.models import Case
from notices.models import ComeBackLink

COME_BACK_SALT = "notices.come-back"
STOP_SALT = "notices.stop-reminders"


def _hash(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


def come_back_token(case: Case) -> str:
    nonce = secrets.token_urlsafe(24)
    ComeBackLink.objects.create(case=case, nonce_hash=_hash(nonce))
    signer = signing.TimestampSigner(salt=COME_BACK_SALT)
    return signer.sign_object({"c": str(case.pk), "n": nonce}, compress=True)


def use_come_back_token(token: str) -> Case | None:
    """The case the link opens, once: None for a link that is forged, expired or used."""
    signer = signing.TimestampSigner(salt=COME_BACK_SALT)
    try:
        value = signer.unsign_object(token, max_age=timedelta(days=settings.COME_BACK_LINK_DAYS))
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(value, dict):
        return None
    with transaction.atomic():
        # One UPDATE marks the link used: two clicks at once cannot both open the case.
        used = ComeBackLink.objects.filter(
            case_id=value.get("c"), nonce_hash=_hash(str(value.get("n"))), used_at=None
        ).update(used_at=timezone.now())
        if used != 1:
            return None
        return Case.objects.filter(pk=value.get("c")).first()


def stop_token(case: Case) -> str:
    return signing.dumps(str(case.pk), salt=STOP_SALT)


def case_id_for_stop_token(token: str) -> str | None:
    try:
        return signing.loads(token, salt=STOP_SALT)
    except signing.BadSignature:
        return None
