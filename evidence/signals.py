"""A stored file goes when its document does: removed by the family, or with the whole case;
so does a built filing packet.
And a document follows its request to the warden when saving the interview renumbers them.

Deleting a case cascades to its attachments one by one (Django sends post_delete for each when
a receiver is connected), so the family's "delete this case" and an account's deletion both
reach here. The file is deleted only once the transaction commits, so a deletion that is
rolled back never leaves a row pointing at a missing file.
"""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from evidence.models import Attachment, PacketBuild
from intake.answers import requests_renumbered


@receiver(post_delete, sender=Attachment, dispatch_uid="evidence_delete_stored_file")
def delete_stored_file(sender, instance: Attachment, **kwargs) -> None:
    if instance.file.name:
        transaction.on_commit(partial(instance.file.storage.delete, instance.file.name))


@receiver(post_delete, sender=PacketBuild, dispatch_uid="evidence_delete_packet_file")
def delete_packet_file(sender, instance: PacketBuild, **kwargs) -> None:
    """A built filing packet goes with its build: replaced by a newer one, or with the case."""
    if instance.file.name:
        transaction.on_commit(partial(instance.file.storage.delete, instance.file.name))


@receiver(requests_renumbered, dispatch_uid="evidence_follow_requests")
def follow_requests(sender, case, moves: dict[int, int | None], **kwargs) -> None:
    """Documents point at a request by its position: move them with it. A removed request's
    documents are kept, marked as belonging to a request that is no longer there, so they are
    neither lost nor filed as the proof of another request."""
    moved = []
    for attachment in case.attachments.filter(supports=Attachment.Supports.REQUEST):
        if attachment.request_position not in moves:
            continue
        new = moves[attachment.request_position]
        attachment.request_position = Attachment.REQUEST_REMOVED if new is None else new
        moved.append(attachment)
    Attachment.objects.bulk_update(moved, ["request_position"])
