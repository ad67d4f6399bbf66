"""The case's stages after the request (domain.md § 9), as the family or an advocate records
them: the motion mailed, the government's answer, the decision, the appeals.

A model of its own module, imported at the end of intake/models.py: the rules it feeds are in
eligibility/after_filing.py, and the page is intake/views/timeline.py.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from eligibility import after_filing

# One wording for each stage, in eligibility/after_filing.py; translated when shown.
KIND_CHOICES = [(k, _(after_filing.STAGE_LABELS[k])) for k in after_filing.STAGE_KINDS]
OUTCOME_CHOICES = [(k, _(after_filing.OUTCOME_LABELS[k])) for k in after_filing.OUTCOMES]


class CaseStage(models.Model):
    """One stage, on the date it happened (the order's entry date for a decision)."""

    case = models.ForeignKey("intake.Case", on_delete=models.CASCADE, related_name="stages")
    kind = models.CharField(max_length=32, choices=KIND_CHOICES)
    on = models.DateField()
    outcome = models.CharField(max_length=32, choices=OUTCOME_CHOICES, blank=True)
    # The date the court's order gives for the reply: asked for, never computed.
    reply_due_on = models.DateField(null=True, blank=True)
    # RESPONSE only: the objections the family says the government raised, each with the
    # answer in the person's own words ({objection id: text}; after_filing.OBJECTION_IDS).
    objections = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "intake"
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.on}"

    def to_stage(self) -> after_filing.Stage:
        return after_filing.Stage(self.kind, self.on, self.outcome or None, self.reply_due_on)
