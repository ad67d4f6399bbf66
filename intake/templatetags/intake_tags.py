"""Display helpers for the family pages: how a field is drawn, error links, words for verdicts.

Nothing here decides anything about a case; people's words are escaped like everywhere else.
"""

from __future__ import annotations

import html

from django import forms, template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_noop

from eligibility import words
from intake.fields import DateInputs

register = template.Library()

VERDICT_LABELS = {
    "not_eligible": gettext_noop("This law does not apply"),
    "needs_information": gettext_noop("More information needed"),
    "no_qualifying_ground": gettext_noop("No reason qualifies yet"),
    "needs_warden_request": gettext_noop("Needs a request to the warden"),
    "new_request_needed": gettext_noop("Needs a new request to the warden"),
    "waiting": gettext_noop("Waiting for the 30 days to pass"),
    "ready_to_file": gettext_noop("Ready to file"),
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


def _described_by(bound_field, extra: str = "") -> str:
    """The ids of what describes a field for screen readers: `extra`, its hint, its error."""
    ids = [extra] if extra else []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}_error")
    return " ".join(ids)


@register.simple_tag
def described_widget(bound_field, extra: str = ""):
    """The field's input, pointing at its hint and its error message for screen readers."""
    described_by = _described_by(bound_field, extra)
    return _widget(bound_field, {"aria-describedby": described_by} if described_by else {})


# -- inputs drawn in Python ---------------------------------------------------------------------
#
# A page with a dozen fields renders a hundred small widget templates (a date is six), which
# was most of a step's time (docs/benchmarks.md). These draw the same markup as Django's
# widget templates, templates/django/forms/widgets/select.html and widgets/date_inputs.html;
# any other widget is rendered by its template as before.

INPUT_TEMPLATES = {
    f"django/forms/widgets/{name}.html"
    for name in ("input", "text", "email", "password", "number", "hidden", "checkbox")
}
TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"
SELECT_TEMPLATE = "django/forms/widgets/select.html"
DATE_TEMPLATE = DateInputs.template_name
DRAWN = {*INPUT_TEMPLATES, TEXTAREA_TEMPLATE, SELECT_TEMPLATE, DATE_TEMPLATE}


def _escape(value) -> str:
    """conditional_escape without its lazy-string wrapper, which costs more than the escaping
    on a list of two hundred options."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def _attrs(attrs: dict) -> SafeString:
    """As django/forms/widgets/attrs.html: False left out, True as a bare attribute."""
    return mark_safe(
        "".join(
            f" {_escape(name)}" if value is True else f' {_escape(name)}="{_escape(value)}"'
            for name, value in attrs.items()
            if value is not False
        )
    )


def _draw(widget: dict) -> SafeString:
    """A widget's markup from its template context (`widget.get_context(...)["widget"]`)."""
    template = widget["template_name"]
    attrs = _attrs(widget["attrs"])
    if template in INPUT_TEMPLATES:
        value = widget["value"]
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            widget["type"],
            widget["name"],
            format_html(' value="{}"', value) if value is not None else "",
            attrs,
        )
    if template == TEXTAREA_TEMPLATE:
        return format_html(
            '<textarea name="{}"{}>\n{}</textarea>', widget["name"], attrs, widget["value"] or ""
        )
    if template == SELECT_TEMPLATE:
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            drawn = mark_safe(
                "".join(
                    f'\n  <option value="{_escape(o["value"])}"{_attrs(o["attrs"])}>'
                    f"{_escape(o['label'])}</option>"
                    for o in options
                )
            )
            if group_name:
                drawn = format_html('\n  <optgroup label="{}">{}\n  </optgroup>', group_name, drawn)
            groups.append(drawn)
        return format_html(
            '<select name="{}"{}>{}\n</select>', widget["name"], attrs, mark_safe("".join(groups))
        )
    # DATE_TEMPLATE
    parts = format_html_join(
        "",
        '\n  <div class="date-part"><label for="{}">{}</label>{}</div>',
        ((sub["attrs"]["id"], str(sub["label"]), _draw(sub)) for sub in widget["subwidgets"]),
    )
    return format_html('<div class="date-inputs">{}\n</div>', parts)


def _widget(bound_field, attrs: dict) -> SafeString:
    """`bound_field.as_widget(attrs=attrs)`, drawn in Python when the widget is one of ours."""
    widget = bound_field.field.widget
    if widget.template_name not in DRAWN or bound_field.field.localize:
        return bound_field.as_widget(attrs=attrs)
    # The attributes and value BoundField.as_widget gives the widget.
    attrs = bound_field.build_widget_attrs(attrs, widget)
    if bound_field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bound_field.auto_id)
    context = widget.get_context(bound_field.html_name, bound_field.value(), attrs)
    return _draw(context["widget"])


# -- a whole field: label, hint, errors and input ---------------------------------------------
#
# In Python rather than a template: a step's page draws dozens of fields (hundreds of radio
# buttons), and the template version cost most of a page's time (docs/benchmarks.md). The
# markup is the one includes/field.html used to hold, and includes/field_errors.html still does.


def _hint(bound_field) -> SafeString:
    if not bound_field.help_text:
        return mark_safe("")
    return format_html(
        '<p class="hint" id="{}_helptext">{}</p>', bound_field.auto_id, str(bound_field.help_text)
    )


def _errors(bound_field) -> SafeString:
    if not bound_field.errors:
        return mark_safe("")
    prefix = format_html('<span class="visually-hidden">{} </span>', gettext("Error:"))
    # Every part is escaped already.
    messages = mark_safe("<br>".join(prefix + conditional_escape(e) for e in bound_field.errors))
    return format_html(
        '<p class="error-message" id="{}_error">{}</p>', bound_field.auto_id, messages
    )


def _choice(choice) -> SafeString:
    """One radio button or checkbox and its label."""
    data = choice.data
    return format_html(
        '<div class="choice"><input type="{}" name="{}" value="{}"{}>'
        '<label for="{}">{}</label></div>',
        data["type"],
        data["name"],
        str(data["value"]),
        _attrs(data["attrs"]),
        choice.id_for_label,
        str(choice.choice_label),
    )


@register.simple_tag
def field_block(bound_field):
    """A field as every form draws it: a fieldset and legend for a group of inputs (radios,
    checkboxes, a date's three boxes), else a label; then the hint, the errors, the input."""
    kind = field_kind(bound_field)
    error_class = " field-error" if bound_field.errors else ""
    label = str(bound_field.label)
    if kind in ("radios", "checkboxes", "date"):
        described_by = _described_by(bound_field)
        inputs = (
            _widget(bound_field, {})
            if kind == "date"
            else format_html(
                '<div class="choices">\n{}</div>\n',
                format_html_join("", "      {}\n", ((_choice(c),) for c in bound_field)),
            )
        )
        return format_html(
            '<div class="field{}">\n  <fieldset class="fieldset"{}>\n'
            '    <legend class="legend">{}</legend>\n    {}\n    {}\n    {}\n'
            "  </fieldset>\n</div>\n",
            error_class,
            format_html(' aria-describedby="{}"', described_by) if described_by else "",
            label,
            _hint(bound_field),
            _errors(bound_field),
            inputs,
        )
    if kind == "checkbox":
        return format_html(
            '<div class="field choice{}">\n  {}<label for="{}">{}</label>\n  {}\n  {}\n</div>\n',
            error_class,
            described_widget(bound_field),
            bound_field.id_for_label,
            label,
            _hint(bound_field),
            _errors(bound_field),
        )
    return format_html(
        '<div class="field{}">\n  <label class="label" for="{}">{}</label>\n  {}\n  {}\n'
        "  {}\n</div>\n",
        error_class,
        bound_field.id_for_label,
        label,
        _hint(bound_field),
        _errors(bound_field),
        described_widget(bound_field),
    )


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
    return gettext(VERDICT_LABELS.get(verdict, gettext_noop("Not checked yet")))
