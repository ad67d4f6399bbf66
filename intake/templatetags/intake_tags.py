"""Display helpers for the family pages: what a field's template needs to know (its kind, what
describes it, the notes under it), error links, words for verdicts.

The markup itself is in the templates (templates/includes/field.html and the files it
includes); nothing here draws HTML or decides anything about a case.
"""

from __future__ import annotations

from django import forms, template
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_noop

from eligibility import rules, words
from intake.fields import DateInputs

register = template.Library()


@register.filter
def field_kind(bound_field) -> str:
    widget = bound_field.field.widget
    if isinstance(widget, DateInputs):
        return "date"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "text"


def _first_input_id(bound_field) -> str:
    kind = field_kind(bound_field)
    if kind in ("date", "radios", "checkboxes"):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


@register.simple_tag
def described_by(bound_field, extra: str = "") -> str:
    """The ids of what describes a field for screen readers: `extra`, its hint, its error."""
    ids = [extra] if extra else []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}_error")
    return " ".join(ids)


@register.simple_tag
def described_widget(bound_field, extra: str = ""):
    """The field's input (its widget's template), pointing at its hint and its error message
    for screen readers."""
    ids = described_by(bound_field, extra)
    return bound_field.as_widget(attrs={"aria-describedby": ids} if ids else None)


@register.inclusion_tag("includes/voice_notice.html")
def voice_notice(bound_field) -> dict:
    """What to say under a box whose text reaches a court paper (includes/voice_notice.html):
    whose words it becomes there, the caution for the offense, and whether a preview line of
    the motion's words goes under it."""
    attrs = bound_field.field.widget.attrs
    voice = attrs.get("data-voice")
    return {
        "field": bound_field,
        "caution": gettext(OFFENSE_CAUTION) if attrs.get("data-caution") == "offense" else "",
        "notice": gettext(VOICE_NOTICES[voice]) if voice in VOICE_NOTICES else "",
        "preview": voice in ("motion", "own"),
    }


VOICE_NOTICES = {
    "motion": gettext_noop(
        "This goes in the court paper as your loved one's own words. They sign it under oath, "
        "so write only what they know is true."
    ),
    "own": gettext_noop(
        "This goes in the court paper as your own words. You sign it under oath, so write only "
        "what you know is true."
    ),
    "declaration": gettext_noop(
        "This goes in your own signed statement, not in your loved one's words."
    ),
}

OFFENSE_CAUTION = gettext_noop(
    "Be careful here. Stay within what the court already found. Do not add anything they were "
    "not charged with. If an appeal is still open, talk to the appeal lawyer before writing "
    "about the crime."
)


@register.inclusion_tag("includes/text_limit.html")
def text_limit(bound_field) -> dict:
    """How much a box of several lines holds (includes/text_limit.html), grouped as the reader
    writes numbers; nothing for a box without a limit."""
    limit = bound_field.field.widget.attrs.get("data-limit")
    return {
        "field": bound_field,
        "limit": number_format(int(limit), force_grouping=True) if limit else "",
    }


@register.simple_tag
def error_links(form) -> list[tuple[str, str]]:
    """(link target, message) for every error of a form or formset, in page order."""
    links: list[tuple[str, str]] = []
    if form is None:
        return links
    if isinstance(form, forms.BaseFormSet):
        for message in form.non_form_errors():
            links.append((f"{form.prefix}-errors", message))
        for sub in form.forms:
            links += error_links(sub)
        return links
    if not form.errors:  # unbound or valid: no need to look at each field
        return links
    for message in form.non_field_errors():
        links.append((f"{form.prefix or 'form'}-errors", message))
    for bound_field in form:
        for message in bound_field.errors:
            links.append((_first_input_id(bound_field), message))
    return links


APPEAL_FIELDS = ("bp9_on", "bp10_on", "bp11_on", "final_denial_on")


@register.filter
def appeals_answered(form) -> bool:
    """Open the appeals part of a request when it holds an answer or an error."""
    for name in APPEAL_FIELDS:
        bound_field = form[name]
        value = bound_field.value()
        if bound_field.errors or (any(value) if isinstance(value, list) else value):
            return True
    return False


@register.filter
def long_date(value) -> str:
    return words.long_date(value) if value else ""


@register.filter
def local_day(value) -> str:
    """The day of a moment (a datetime) in the site's time zone, in the reader's words."""
    return words.short_date(timezone.localdate(value)) if value else ""


@register.filter
def court_date(value) -> str:
    return words.court_date(value) if value else ""


@register.filter
def verdict_label(verdict: str) -> str:
    return rules.verdict_label(verdict)
