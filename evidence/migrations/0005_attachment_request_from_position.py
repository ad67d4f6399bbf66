"""Each document for a request to the warden points at the request's row, found by the position
it named; a document whose request was removed (the old sentinel position, 32767) or whose
position names no request is left without one ("no longer attached to a request")."""

from django.db import migrations

REQUEST_REMOVED = 32767


def fill_request(apps, schema_editor):
    Attachment = apps.get_model("evidence", "Attachment")
    WardenRequest = apps.get_model("intake", "WardenRequest")
    documents = Attachment.objects.filter(supports="request", request_position__isnull=False)
    documents = documents.exclude(request_position=REQUEST_REMOVED)
    filled = []
    for document in documents.iterator():
        request = (
            WardenRequest.objects.filter(
                case_id=document.case_id, position=document.request_position
            )
            .order_by("id")
            .first()
        )
        if request is not None:
            document.request_id = request.id
            filled.append(document)
    Attachment.objects.bulk_update(filled, ["request"], batch_size=500)


def fill_position(apps, schema_editor):
    """Back again: each document names its request's position, or the removed sentinel."""
    Attachment = apps.get_model("evidence", "Attachment")
    filled = []
    for document in Attachment.objects.filter(supports="request").select_related("request"):
        document.request_position = (
            document.request.position if document.request_id else REQUEST_REMOVED
        )
        filled.append(document)
    Attachment.objects.bulk_update(filled, ["request_position"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("evidence", "0004_attachment_request_foreign_key"),
    ]

    operations = [migrations.RunPython(fill_request, fill_position)]
