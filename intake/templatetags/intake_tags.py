"""Display helpers for the family pages: how a field is drawn, error links, words for verdicts.

Nothing here decides anything about a case; people's words are escaped like everywhere else.
"""

from __future__ import annotations

from django import forms, template

from eligibility import words
from intake.fields import DateInputs

register = template.Library()

VERDICT_LABELS = {
    "not_eligible": "This law does not apply",
    "needs_information": "More information needed",
    "no_qualifying_ground": "No reason qualifies yet",
    "needs_warden_request": "Needs a request to the warden",
    "new_request_needed": "Needs a new request to the warden",
    "waiting": "Waiting for the 30 days to pass",
    "ready_to_file": "Ready to file",
}


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
def described_widget(bound_field, extra: str = ""):
    """The field's input, pointing at its hint and its error message for screen readers."""
    ids = [extra] if extra else []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    return bound_field.as_widget(attrs=attrs)


@register.simple_tag
def fieldset_describedby(bound_field) -> str:
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}_error")
    return " ".join(ids)


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
def court_date(value) -> str:
    return words.court_date(value) if value else ""


@register.filter
def verdict_label(verdict: str) -> str:
    return VERDICT_LABELS.get(verdict, "Not checked yet")
