"""Adding and removing a case's documents, and handing them to the drafts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy

from eligibility.facts import CaseFacts
from eligibility.rules import Screening, screen
from evidence import packet
from evidence.forms import room_left, too_many_message
from evidence.models import Attachment
from evidence.validation import Inspected
from intake.drafts import lettering
from intake.models import Case

REQUEST_DELETED = gettext_lazy(
    "The request you chose was removed from the case. Choose what the document is for again"
)


def attachment_create(
    *, case: Case, user, file, inspected: Inspected, description: str, kind: str, **supports
) -> Attachment:
    """Store an inspected upload for the case, within the per-case limit.

    The case row is locked while counting, so two uploads sent at once cannot both take the
    last place (the form's count is only a first, friendly check).
    """
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()
        limit = settings.EVIDENCE_MAX_FILES_PER_CASE
        if Attachment.objects.filter(case=case).count() >= limit:
            raise ValidationError(too_many_message(limit), code="too_many")
        room_left(case, inspected)
        request_id = supports.get("request_id")
        if request_id is not None and not case.warden_requests.filter(pk=request_id).exists():
            # Deleted since the form was drawn (the case's lock orders this after that save).
            raise ValidationError(REQUEST_DELETED, code="request_deleted")
        attachment = Attachment(
            case=case,
            description=description.strip(),
            kind=kind,
            content_type=inspected.content_type,
            size=inspected.size,
            pages=inspected.pages,
            sha256=inspected.sha256,
            uploaded_by=user if user is not None and user.is_authenticated else None,
            **supports,
        )
        # A storage write that fails rolls the row back with it.
        attachment.file.save("upload", file, save=False)
        attachment.save()
    return attachment


def attachment_delete(*, attachment: Attachment) -> None:
    """Remove the document; its stored file goes once the removal is committed (signals.py)."""
    attachment.delete()


def exhibit_letters(case: Case, *, as_of: date) -> dict[str, str]:
    """Each document's exhibit letter in the motion the packet holds, by attachment id. A
    document that motion does not use (its ground left out, its request not relied on), or a
    case the screening gives no motion, has none."""
    facts = case.to_facts(as_of)
    screening = screen(facts, as_of)
    document = packet_motion(screening)
    if document is None:
        return {}
    exhibits = lettering.exhibit_list(
        facts, screening, evidence_for(case), document, case.preparer_role or None
    )
    return {file.key: exhibit.letter for exhibit in exhibits for file in exhibit.files}


def packet_motion(screening: Screening) -> str | None:
    """The motion a filing packet holds: the one that can be filed soonest ("motion-now" when
    there is one); None when the screening allows no motion."""
    allowed = screening.motion_documents
    if "motion-now" in allowed:
        return "motion-now"
    return allowed[0] if allowed else None


def case_packet(
    case: Case,
    *,
    facts: CaseFacts,
    as_of: date,
    screening: Screening,
    evidence: Sequence[lettering.Evidence],
    document: str = "motion",
    progress: Callable[[int, int], None] | None = None,
) -> packet.Packet:
    """The filing packet of a case, reading its documents from storage as they are copied."""
    attachments = {str(a.id): a for a in case.attachments.all()}
    return packet.build_packet(
        facts,
        as_of=as_of,
        screening=screening,
        evidence=evidence,
        document=document,
        preparer_role=case.preparer_role or None,
        open_file=lambda key: attachments[key].file.open("rb"),
        content_types={key: a.content_type for key, a in attachments.items()},
        progress=progress,
    )


def evidence_for(case: Case) -> tuple[lettering.Evidence, ...]:
    """The case's documents as the drafts read them, in upload order."""
    # The requests themselves, not their ids alone: a page that prefetched them (the results)
    # reads them without another query. Their order is the one `Case.to_facts` gives.
    request_index = {request.pk: index for index, request in enumerate(case.warden_requests.all())}
    return tuple(a.as_evidence(request_index) for a in case.attachments.all())
