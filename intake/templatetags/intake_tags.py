"""Display helpers for the family pages: how a field is drawn, error links, words for verdicts.

Nothing here decides anything about a case; people's words are escaped like everywhere else.
"""

from __future__ import annotations

import html
import re

from django import forms, template
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.text import normalize_newlines
from django.utils.translation import get_language, gettext

from eligibility import rules, words
from eligibility.i18n import screening_language
from intake.fields import DateInputs, FixedChoices

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


def _errors_of(bound_field):
    """`bound_field.errors`, without making a new empty error list each time it is asked (four
    times a field)."""
    return bound_field.form.errors.get(bound_field.name) or ()


def _described_by(bound_field, extra: str = "") -> str:
    """The ids of what describes a field for screen readers: `extra`, its hint, its error."""
    ids = [extra] if extra else []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}_helptext")
    if _errors_of(bound_field):
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


_TO_ESCAPE = re.compile("[&<>\"']")  # what html.escape replaces


def _escape(value) -> str:
    """conditional_escape without its lazy-string wrapper, which costs more than the escaping
    on a list of two hundred options; a plain string with nothing to escape (most attribute
    names and values, a thousand a page) is returned as it is."""
    if type(value) is str:
        return html.escape(value) if _TO_ESCAPE.search(value) else value
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def _format(template: str, *args) -> SafeString:
    """format_html, through _escape: every argument is escaped unless it is safe already."""
    return SafeString(template.format(*map(_escape, args)))


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
        return _format(
            '<input type="{}" name="{}"{}{}>',
            widget["type"],
            widget["name"],
            _format(' value="{}"', value) if value is not None else "",
            attrs,
        )
    if template == TEXTAREA_TEMPLATE:
        return _format(
            '<textarea name="{}"{}>\n{}</textarea>', widget["name"], attrs, widget["value"] or ""
        )
    if template == SELECT_TEMPLATE:
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            drawn = mark_safe(
                "".join(_option(o["value"], o["label"], _attrs(o["attrs"])) for o in options)
            )
            if group_name:
                drawn = _format('\n  <optgroup label="{}">{}\n  </optgroup>', group_name, drawn)
            groups.append(drawn)
        return _format(
            '<select name="{}"{}>{}\n</select>', widget["name"], attrs, mark_safe("".join(groups))
        )
    # DATE_TEMPLATE
    parts = mark_safe(
        "".join(
            _format(
                '\n  <div class="date-part"><label for="{}">{}</label>{}</div>',
                sub["attrs"]["id"],
                str(sub["label"]),
                _draw(sub),
            )
            for sub in widget["subwidgets"]
        )
    )
    return _format('<div class="date-inputs">{}\n</div>', parts)


def _option(value, label, attrs: str) -> str:
    return f'\n  <option value="{_escape(value)}"{attrs}>{_escape(label)}</option>'


# The facility list has some 300 options, and Django makes a dict of each option every time it
# is drawn (about 0.6 ms a list). Choices that never change (FixedChoices) are drawn once per
# language; a page then only marks its chosen option. Same markup as _draw's.

_FIXED_OPTIONS: dict[tuple[int, str | None], tuple] = {}


def _fixed_options(choices: FixedChoices) -> tuple[tuple[str, ...], dict[str, tuple[int, str]]]:
    """The drawn options and optgroup tags, and for each value, the place of its first option
    and that option drawn as chosen."""
    key = (id(choices), get_language())
    found = _FIXED_OPTIONS.get(key)
    if found is None:
        pieces: list[str] = []
        chosen: dict[str, tuple[int, str]] = {}
        for value, label in choices:
            value = "" if value is None else value
            grouped = isinstance(label, (list, tuple))
            if grouped and value:
                pieces.append(_format('\n  <optgroup label="{}">', value))
            for sub_value, sub_label in label if grouped else [(value, label)]:
                place = (len(pieces), _option(sub_value, sub_label, " selected"))
                chosen.setdefault(str(sub_value), place)
                pieces.append(_option(sub_value, sub_label, ""))
            if grouped and value:
                pieces.append("\n  </optgroup>")
        # Holding `choices` keeps its id from being reused.
        found = _FIXED_OPTIONS[key] = (choices, tuple(pieces), chosen)
    return found[1], found[2]


def _fixed_select(widget: forms.Select, name: str, value, attrs: dict) -> SafeString:
    pieces, chosen = _fixed_options(widget.choices)
    # As ChoiceWidget.optgroups: the first option whose value is one of the field's.
    places = [chosen[v] for v in widget.format_value(value) if v in chosen]
    if places:
        index, drawn = min(places)
        pieces = (*pieces[:index], drawn, *pieces[index + 1 :])
    return _format(
        '<select name="{}"{}>{}\n</select>',
        name,
        _attrs(widget.build_attrs(widget.attrs, attrs)),
        # Every piece is escaped already.
        mark_safe("".join(pieces)),
    )


def _widget(bound_field, attrs: dict) -> SafeString:
    """`bound_field.as_widget(attrs=attrs)`, drawn in Python when the widget is one of ours."""
    widget = bound_field.field.widget
    if widget.template_name not in DRAWN or bound_field.field.localize:
        return bound_field.as_widget(attrs=attrs)
    # The attributes and value BoundField.as_widget gives the widget.
    attrs = bound_field.build_widget_attrs(attrs, widget)
    if bound_field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bound_field.auto_id)
    if type(widget) is forms.Select and isinstance(widget.choices, FixedChoices):
        return _fixed_select(widget, bound_field.html_name, bound_field.value(), attrs)
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
    return _format(
        '<p class="hint" id="{}_helptext">{}</p>', bound_field.auto_id, str(bound_field.help_text)
    )


def _errors(bound_field) -> SafeString:
    errors = _errors_of(bound_field)
    if not errors:
        return mark_safe("")
    prefix = _format('<span class="visually-hidden">{} </span>', gettext("Error:"))
    # Every part is escaped already.
    messages = mark_safe("<br>".join(prefix + _escape(e) for e in errors))
    return _format('<p class="error-message" id="{}_error">{}</p>', bound_field.auto_id, messages)


def _choice(choice) -> SafeString:
    """One radio button or checkbox and its label."""
    data = choice.data
    return _format(
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
    error_class = " field-error" if _errors_of(bound_field) else ""
    label = str(bound_field.label)
    if kind in ("radios", "checkboxes", "date"):
        described_by = _described_by(bound_field)
        inputs = (
            _widget(bound_field, {})
            if kind == "date"
            else _format(
                '<div class="choices">\n{}</div>\n',
                mark_safe("".join(f"      {_choice(c)}\n" for c in bound_field)),
            )
        )
        return _format(
            '<div class="field{}">\n  <fieldset class="fieldset"{}>\n'
            '    <legend class="legend">{}</legend>\n    {}\n    {}\n    {}\n'
            "  </fieldset>\n</div>\n",
            error_class,
            _format(' aria-describedby="{}"', described_by) if described_by else "",
            label,
            _hint(bound_field),
            _errors(bound_field),
            inputs,
        )
    if kind == "checkbox":
        return _format(
            '<div class="field choice{}">\n  {}<label for="{}">{}</label>\n  {}\n  {}\n</div>\n',
            error_class,
            described_widget(bound_field),
            bound_field.id_for_label,
            label,
            _hint(bound_field),
            _errors(bound_field),
        )
    return _format(
        '<div class="field{}">\n  <label class="label" for="{}">{}</label>\n  {}\n  {}\n'
        "  {}{}\n</div>\n",
        error_class,
        bound_field.id_for_label,
        label,
        _hint(bound_field),
        _errors(bound_field),
        described_widget(bound_field),
        _limit(bound_field),
    )


def _limit(bound_field) -> SafeString:
    """Under a box of several lines, how much it holds; static/js/text-limit.js turns it into a
    live count from the words in data-count and data-over ({count}, {limit}, {over})."""
    limit = bound_field.field.widget.attrs.get("data-limit")
    if not limit:
        return mark_safe("")
    shown = number_format(int(limit), force_grouping=True)
    return _format(
        '\n  <p class="hint text-count" id="{}_count" data-count="{}" data-over="{}">{}</p>',
        bound_field.auto_id,
        gettext("{count} of {limit} characters"),
        gettext("{over} characters too many: make it shorter before you save"),
        gettext("Up to %(limit)s characters.") % {"limit": shown},
    )


# -- the reasons, on the grounds step and in each request --------------------------------------
#
# A dozen reasons, each a box, its words and the questions shown when it is ticked: as a
# template loop these were most of the two pages' time. The markup is the one the loops in
# intake/steps/grounds.html and request_details.html held, to the byte.


@register.simple_tag
def reason_rows(form) -> SafeString:
    """Every reason of the grounds step (GroundsForm.rows): its box, what it means, and its
    questions (the facts to give, the papers, other papers), or why it cannot be used yet."""
    # The catalogue's words (some hundred), each translated once per process, not per page.
    with screening_language():
        return mark_safe("".join(_reason_row(row) for row in form.rows()))


def _reason_row(row: dict) -> SafeString:
    info, choose = row["info"], row["choose"]
    return _format(
        '\n    <div class="reveal">\n      {}<label for="{}">{}</label>\n'
        '      <p class="hint">{}</p>\n      <div class="reveal-panel">\n        {}\n'
        "      </div>\n    </div>\n  ",
        described_widget(choose),
        choose.id_for_label,
        info.title,
        info.explanation,
        _reason_questions(row),
    )


def _reason_questions(row: dict) -> SafeString:
    info = row["info"]
    if not info.available:
        return _format('\n          <p class="notice">{}</p>\n        ', info.unavailable_reason)
    facts = row["facts"]
    asks = mark_safe("".join(f"<li>{_escape(fact)}</li>" for fact in info.facts_to_ask))
    return _format(
        '\n          <div class="field{}">\n'
        '            <label class="label" for="{}">{}</label>\n'
        '            <ul class="hint" id="{}_ask">\n              {}\n            </ul>\n'
        "            {}\n\n            {}\n          </div>\n"
        "          {}{}\n\n          {}\n\n        ",
        " field-error" if _errors_of(facts) else "",
        facts.id_for_label,
        facts.label,
        facts.auto_id,
        asks,
        _errors(facts),
        described_widget(facts, f"{facts.auto_id}_ask"),
        _format("{}\n\n          ", field_block(row["change_in_law"]))
        if row.get("change_in_law")
        else "",
        field_block(row["evidence"]),
        field_block(row["notes"]),
    )


@register.simple_tag
def listed_reason_rows(form) -> SafeString:
    """The reasons a request to the warden gave (RequestForm.ground_rows): a box for each, and
    what the request said about it."""
    with screening_language():
        return _listed_reason_rows(form)


def _listed_reason_rows(form) -> SafeString:
    return mark_safe(
        "".join(
            _format(
                '\n        <div class="reveal">\n          {}<label for="{}">{}</label>\n'
                '          <div class="reveal-panel">{}\n</div>\n        </div>\n      ',
                described_widget(row["choose"]),
                row["choose"].id_for_label,
                row["info"].title,
                field_block(row["facts"]),
            )
            for row in form.ground_rows()
        )
    )


@register.simple_tag
def hidden_form(form) -> SafeString:
    """`{{ form }}` for a form of hidden fields only (the wizard's and a formset's management
    form), drawn without Django's form templates: one on every step."""
    if form.visible_fields() or form.errors:
        return str(form)
    return mark_safe("".join(_widget(bound_field, {}) for bound_field in form.hidden_fields()))


@register.simple_tag
def answer_rows(rows) -> SafeString:
    """The "Check your answers" rows (intake/review.py): a question and the answer given, its
    lines kept, as `<dt>{{ question }}</dt><dd>{{ answer|linebreaksbr }}</dd>` drew them."""
    return mark_safe(
        "".join(
            f"<div><dt>{_escape(row.question)}</dt><dd>{_answer_lines(row.answer)}</dd></div>"
            for row in rows
        )
    )


def _answer_lines(answer) -> str:
    if isinstance(answer, SafeData):
        return normalize_newlines(str(answer)).replace("\n", "<br>")
    return html.escape(normalize_newlines(str(answer))).replace("\n", "<br>")


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
