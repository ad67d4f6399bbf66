"""What the site remembers about the emails it sends families.

- `ComeBackLink`: a link that opens a case on another device. The link itself is signed and
  carries a random nonce; only the nonce's hash is kept, and the row records when it was used,
  so a used link fails (notices/links.py).
- `ReminderPreference` and `SentReminder`: who wants reminders for a case, in which language,
  and each reminder sent, unique per case, kind and date so that `send_reminders` never sends
  one twice.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from intake.models import Case


class ComeBackLink(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="come_back_links")
    nonce_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Link to come back to a case, made {self.created_at:%Y-%m-%d}"


class ReminderKind(models.TextChoices):
    FILING_DAY = "filing_day", "The first day the motion may be filed"
    BP9_DEADLINE = "bp9_deadline", "The deadline to appeal a warden's early denial (BP-9)"
    PROOF_MISSING = "proof_missing", "Proof of the warden's receipt still missing"
    APPEAL_DEADLINE = "appeal_deadline", "The last day to mail a notice of appeal"
    REPLY_DUE = "reply_due", "The date the court's order gives for the reply"
    BP10_DEADLINE = "bp10_deadline", "The deadline for the appeal to the regional director (BP-10)"
    BP11_DEADLINE = "bp11_deadline", "The deadline for the appeal to the central office (BP-11)"


class ReminderPreference(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="reminders")
    # Empty for an account's case: the reminders go to the account's address.
    email = models.EmailField(blank=True)
    language = models.CharField(max_length=8, default="en")
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return "Reminders on" if self.enabled else "Reminders off"

    @classmethod
    def are_on(cls, case: Case) -> bool:
        """On by default for a case in an account; asked for without one."""
        preference = cls.objects.filter(case=case).first()
        return case.owner_id is not None if preference is None else preference.enabled


class SentReminder(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="sent_reminders")
    kind = models.CharField(max_length=32, choices=ReminderKind.choices)
    # The date the reminder is about (the filing day, the deadline, the estimated receipt).
    about = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind", "about"], name="one_reminder_per_case_kind_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.about})"
