"""The advocate workspace's records: organisations and their advocates, the cases shared with
them and each organisation's review of a case (status, assignment, notes, change requests), and
the audit trail.

An organisation's advocates see a case only through a CaseShare: the family shared it with
the organisation, or an advocate started or imported it there. The review lives on the share
(status, assignment, notes, change requests, the audit trail), so a case shared with two
organisations is reviewed by each on its own. intake/access.py decides who may see what.

The tables keep the names they had when these models were part of `intake` (`db_table`): the
move to this app changed no row (migrations 0001 here and intake's 0010).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intake.models import Case


class Organisation(models.Model):
    """A federal defender's office, a clinic or a nonprofit whose advocates review cases."""

    name = models.CharField(max_length=200, unique=True)
    description = models.CharField(
        max_length=300, blank=True, help_text="One line families see, such as where it works."
    )
    listed = models.BooleanField(
        default=True, help_text="Families can choose it when they share a case."
    )
    # The public profile families see beside the share button (edited by the organisation's
    # admin in the workspace). An organisation made before it had a profile serves everywhere.
    all_districts = models.BooleanField(
        default=True, help_text="It takes cases from every federal district."
    )
    districts = models.JSONField(
        default=list, blank=True, help_text="The ids of the districts it takes cases from."
    )
    languages = models.JSONField(
        default=list, blank=True, help_text="The codes of the languages it works in."
    )
    phone = models.CharField(max_length=40, blank=True)
    website = models.URLField(blank=True, validators=[URLValidator(schemes=["http", "https"])])
    email = models.EmailField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "intake_organisation"
        ordering = ["name"]
        verbose_name = "organization"

    def __str__(self) -> str:
        return self.name

    def serves(self, district_id: str | None) -> bool:
        """Whether it takes cases from the district (only those taking every district when
        the district is not known)."""
        return self.all_districts or bool(district_id and district_id in self.districts)

    @property
    def phone_link(self) -> str:
        """The number as a tel: link reads it: digits, and a leading "+"."""
        number = self.phone.lower().split("x")[0]
        return ("+" if number.strip().startswith("+") else "") + "".join(
            c for c in number if c.isdigit()
        )

    def language_names(self) -> list[str]:
        names = dict(SPOKEN_LANGUAGES)
        return [str(names[code]) for code in self.languages if code in names]


# The languages an organisation can say it works in, as families read them.
SPOKEN_LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("zh", _("Chinese")),
    ("fr", _("French")),
    ("ht", _("Haitian Creole")),
    ("ko", _("Korean")),
    ("pt", _("Portuguese")),
    ("ru", _("Russian")),
    ("tl", _("Tagalog")),
    ("vi", _("Vietnamese")),
    ("asl", _("American Sign Language")),
]


class MemberRole(models.TextChoices):
    ADVOCATE = "advocate", "Advocate"
    ADMIN = "admin", "Organization admin"


class Membership(models.Model):
    """An advocate: an account working for one organisation. Admins also invite colleagues."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(max_length=200, help_text="The name colleagues see.")
    role = models.CharField(max_length=16, choices=MemberRole.choices, default=MemberRole.ADVOCATE)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "intake_membership"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_admin(self) -> bool:
        return self.role == MemberRole.ADMIN


INVITATION_DAYS = 14


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """An emailed link to join an organisation.

    Only a hash of the link's token is stored, so the database alone cannot be used to join;
    a link works once, for `INVITATION_DAYS` days, unless an admin withdraws it first.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(max_length=16, choices=MemberRole.choices, default=MemberRole.ADVOCATE)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "intake_invitation"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} to {self.organisation}"

    @classmethod
    def issue(cls, *, organisation: Organisation, email: str, role: str, invited_by) -> tuple:
        """A new invitation and the token for its link (shown once, in the email)."""
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            organisation=organisation,
            email=email,
            role=role,
            invited_by=invited_by,
            token_hash=_token_hash(token),
        )
        return invitation, token

    @classmethod
    def open_for_token(cls, token: str) -> Invitation | None:
        invitation = (
            cls.objects.select_related("organisation").filter(token_hash=_token_hash(token)).first()
        )
        return invitation if invitation is not None and invitation.is_open else None

    @property
    def expires_at(self):
        return self.created_at + timedelta(days=INVITATION_DAYS)

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.withdrawn_at is None
            and timezone.now() < self.expires_at
        )


class CaseStatus(models.TextChoices):
    NEW = "new", "New"
    IN_REVIEW = "in_review", "In review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    WARDEN_REQUEST_SENT = "warden_request_sent", "Warden request sent"
    READY_TO_FILE = "ready_to_file", "Ready to file"
    FILED = "filed", "Filed"
    GRANTED = "granted", "Granted"
    DENIED = "denied", "Denied"
    WITHDRAWN = "withdrawn", "Withdrawn"


_S = CaseStatus
# Where a case can go from each status. The work runs new → in review → (changes requested ↔
# in review) → warden request sent → ready to file → filed → granted or denied; it can be
# withdrawn until decided, and a denied or withdrawn case can be opened again (a second motion
# needs its own request to the warden: domain.md § 2 rule 8).
STATUS_MOVES: dict[str, tuple[str, ...]] = {
    _S.NEW: (_S.IN_REVIEW, _S.CHANGES_REQUESTED, _S.WITHDRAWN),
    _S.IN_REVIEW: (_S.CHANGES_REQUESTED, _S.WARDEN_REQUEST_SENT, _S.READY_TO_FILE, _S.WITHDRAWN),
    _S.CHANGES_REQUESTED: (
        _S.IN_REVIEW,
        _S.WARDEN_REQUEST_SENT,
        _S.READY_TO_FILE,
        _S.WITHDRAWN,
    ),
    _S.WARDEN_REQUEST_SENT: (
        _S.IN_REVIEW,
        _S.CHANGES_REQUESTED,
        _S.READY_TO_FILE,
        _S.WITHDRAWN,
    ),
    _S.READY_TO_FILE: (_S.IN_REVIEW, _S.CHANGES_REQUESTED, _S.FILED, _S.WITHDRAWN),
    _S.FILED: (_S.GRANTED, _S.DENIED, _S.WITHDRAWN),
    _S.GRANTED: (),
    _S.DENIED: (_S.IN_REVIEW,),
    _S.WITHDRAWN: (_S.IN_REVIEW,),
}


class ShareOrigin(models.TextChoices):
    FAMILY = "family", "Shared by the family"
    STARTED = "started", "Started by an advocate"
    IMPORTED = "imported", "Imported from a case file"


class CaseShare(models.Model):
    """A case in an organisation's workspace, and the organisation's review of it.

    Advocates see the case only while the share is `active`. When the family stops sharing,
    the row stays (inactive) with its status, notes and audit trail, so sharing again picks up
    where the review stopped, and nobody can read it in the meantime.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="shares")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="shares")
    origin = models.CharField(
        max_length=16, choices=ShareOrigin.choices, default=ShareOrigin.FAMILY
    )
    active = models.BooleanField(default=True)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    shared_at = models.DateTimeField(default=timezone.now)
    stopped_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=32, choices=CaseStatus.choices, default=CaseStatus.NEW)
    assigned_to = models.ForeignKey(
        Membership,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_shares",
    )

    class Meta:
        db_table = "intake_caseshare"
        ordering = ["-shared_at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "organisation"], name="one_share_per_org")
        ]
        indexes = [models.Index(fields=["organisation", "active", "status"])]

    def __str__(self) -> str:
        return f"{self.case} at {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("advocate_case", args=[self.case_id])

    def next_statuses(self) -> tuple[str, ...]:
        return STATUS_MOVES.get(self.status, ())

    def can_move_to(self, status: str) -> bool:
        return status in self.next_statuses()


class Note(models.Model):
    """A note internal to the organisation: the family never sees it."""

    share = models.ForeignKey(CaseShare, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=200)
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "intake_note"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Note by {self.author_name}"


class ChangeRequest(models.Model):
    """An advocate's message asking the family to change answers; shown on the family's case."""

    share = models.ForeignKey(CaseShare, on_delete=models.CASCADE, related_name="change_requests")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=200)
    message = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "intake_changerequest"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Changes asked by {self.author_name}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


class AppendOnlyError(RuntimeError):
    """An attempt to change or delete a record that may only be added to."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} rows are never changed")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError(f"{self.model.__name__} rows are never changed")

    def delete(self):
        raise AppendOnlyError(f"{self.model.__name__} rows are never deleted")


class AppendOnlyModel(models.Model):
    """A record that is written once: saving it again or deleting it raises AppendOnlyError.

    Only the rows' owners going away (the case, the share) takes them with it, through the
    database's cascade, so a family that deletes its case deletes its history too.
    """

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} rows are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} rows are never deleted")


class AuditAction(models.TextChoices):
    VIEWED = "viewed", "Viewed the case"
    DOWNLOADED = "downloaded", "Downloaded a draft"
    EXPORTED = "exported", "Exported the case file"
    CHANGED = "changed", "Changed answers"
    STARTED = "started", "Started the case"
    IMPORTED = "imported", "Imported the case from a file"
    SHARED = "shared", "Shared the case"
    UNSHARED = "unshared", "Stopped sharing the case"
    STATUS = "status", "Changed the status"
    ASSIGNED = "assigned", "Changed who it is assigned to"
    NOTE = "note", "Added a note"
    CHANGES_REQUESTED = "changes_requested", "Asked the family for changes"
    CHANGES_DONE = "changes_done", "Marked the changes as made"


class AuditEvent(AppendOnlyModel):
    """Who viewed, downloaded or changed a case in a workspace, and when. Never edited."""

    share = models.ForeignKey(CaseShare, on_delete=models.CASCADE, related_name="audit_events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # As the actor was named then ("The family" for the family), kept if the account goes.
    actor_name = models.CharField(max_length=200)
    action = models.CharField(max_length=32, choices=AuditAction.choices)
    detail = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        db_table = "intake_auditevent"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.actor_name}: {self.get_action_display()}"


class AnswerChange(AppendOnlyModel):
    """One answer an advocate changed: the question, the answer before and after, who, when."""

    share = models.ForeignKey(CaseShare, on_delete=models.CASCADE, related_name="answer_changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_by_name = models.CharField(max_length=200)
    step = models.CharField(max_length=32)
    # The question as the interview asks it (intake/review.py), with its group ("Request 1").
    field = models.CharField(max_length=500)
    old = models.TextField(blank=True)
    new = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "intake_answerchange"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.field}: {self.old} → {self.new}"
