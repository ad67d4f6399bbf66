"""Documents a family uploads for a case: the exhibits of the motion (issue 6).

A document says what it supports. A ground is named by its id (one per case, as the drafts name
it). A request to the warden is a foreign key to its row: the interview edits the requests in
place (intake/answers.py), so a document stays with its request however the list is edited, and
when the family deletes that request the key is emptied (`SET_NULL`): the document is kept and
shown as no longer attached to a request, never filed as the proof of another one.

The file lives in Django's default storage under a name made of ids only, so neither the path
nor a listing of the storage reveals who it is about.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from intake.drafts import lettering
from intake.models import Case, WardenRequest

EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


def stored_name(attachment: Attachment, filename: str) -> str:
    """evidence/<case id>/<document id>.<ext>: the name typed by the family is never used."""
    return f"evidence/{attachment.case_id}/{attachment.id}{EXTENSIONS[attachment.content_type]}"


class Attachment(models.Model):
    class Supports(models.TextChoices):
        REQUEST = "request", _("A request to the warden")
        GROUND = "ground", _("A reason for release")
        RELEASE_PLAN = "release_plan", _("The release plan")
        BACKGROUND = "background", _("Background for the judge")

    class Role(models.TextChoices):
        PROOF_OF_RECEIPT = (
            "proof_of_receipt",
            _("The request, or proof of the date it was received"),
        )
        WARDEN_RESPONSE = "warden_response", _("The warden's answer")
        APPEAL = "appeal", _("An appeal (BP-9, BP-10, BP-11) or its answer")

    class Kind(models.TextChoices):
        MEDICAL_RECORD = "medical_record", _("Medical records")
        DOCTOR_LETTER = "doctor_letter", _("A letter from a doctor or nurse")
        SUPPORT_LETTER = "support_letter", _("A letter of support")
        OTHER = "other", _("Something else")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    supports = models.CharField(max_length=16, choices=Supports.choices)
    # For a ground: its id (eligibility.grounds).
    ground = models.CharField(max_length=32, blank=True)
    # For a request: its row, or None once the family deletes that request.
    request = models.ForeignKey(
        WardenRequest,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attachments",
    )
    request_role = models.CharField(max_length=32, choices=Role.choices, blank=True)
    description = models.CharField(max_length=200)
    # Medical kinds are the exhibits the person asks to file under seal (lettering.SEALED_KINDS).
    kind = models.CharField(max_length=32, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(upload_to=stored_name, max_length=200)
    # What the content turned out to be (evidence/validation.py), never what the browser said.
    content_type = models.CharField(max_length=32, choices=[(t, t) for t in EXTENSIONS])
    size = models.PositiveBigIntegerField()
    pages = models.PositiveIntegerField(default=1)  # counted against the case's page limit
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="attachment_ground_only_for_grounds",
                condition=(models.Q(supports="ground") & ~models.Q(ground=""))
                | (~models.Q(supports="ground") & models.Q(ground="")),
            ),
            models.CheckConstraint(
                name="attachment_request_only_for_requests",
                condition=(models.Q(supports="request") & ~models.Q(request_role=""))
                | (~models.Q(supports="request") & models.Q(request__isnull=True, request_role="")),
            ),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.content_type]

    @property
    def detached(self) -> bool:
        """A document for a request the family has since deleted."""
        return self.supports == self.Supports.REQUEST and self.request_id is None

    def as_evidence(self, request_index: dict[int, int]) -> lettering.Evidence:
        """The document as the drafts see it. `request_index` maps a request's id to its index
        in `Case.to_facts().warden_requests`; a deleted request maps to nothing."""
        return lettering.Evidence(
            key=str(self.id),
            description=self.description,
            supports=self.supports,
            ground=self.ground,
            request=request_index.get(self.request_id) if self.request_id is not None else None,
            role=self.request_role,
            kind=self.kind,
            sha256=self.sha256,
        )


def packet_name(build: PacketBuild, filename: str) -> str:
    """packets/<case id>/<build id>.pdf: ids only, like the uploads."""
    return f"packets/{build.case_id}/{build.id}.pdf"


class PacketBuild(models.Model):
    """One filing packet, built by a background worker (evidence/tasks.py) for one state of a
    case: its answers, its uploads and the day, summed up by `packet.packet_key`. There is one
    build per key, so asking again while it is being built queues nothing more; a changed answer
    or upload gives a new key and a new build. The file lives in the configured storage, so any
    web server can send it whichever worker made it."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="packet_builds")
    key = models.CharField(max_length=64)
    as_of = models.DateField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    # Progress in steps of the builder (each page placed, then each page numbered).
    steps_done = models.PositiveIntegerField(default=0)
    steps_total = models.PositiveIntegerField(default=0)
    pages = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to=packet_name, max_length=200, blank=True)
    # A plain message for the family (an English msgid, translated when shown).
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "key"], name="packet_build_one_per_key"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.key[:12]} {self.status}"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.steps_total:
            return 0
        return min(99, self.steps_done * 100 // self.steps_total)
