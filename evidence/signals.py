"""A stored file goes when its document does: removed by the family, or with the whole case;
so does a built filing packet.

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


@receiver(post_delete, sender=Attachment, dispatch_uid="evidence_delete_stored_file")
def delete_stored_file(sender, instance: Attachment, **kwargs) -> None:
    if instance.file.name:
        transaction.on_commit(partial(instance.file.storage.delete, instance.file.name))


@receiver(post_delete, sender=PacketBuild, dispatch_uid="evidence_delete_packet_file")
def delete_packet_file(sender, instance: PacketBuild, **kwargs) -> None:
    """A built filing packet goes with its build: replaced by a newer one, or with the case."""
    if instance.file.name:
        transaction.on_commit(partial(instance.file.storage.delete, instance.file.name))
