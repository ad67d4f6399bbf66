"""Form fields the interview shares: text as people type it, and a date in three boxes.

People type dates the way they say them ("3 14 2025"); one box with a date picker is hard on a
phone and hard to correct. The messages say what to type, never just "invalid".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date

from django import forms
from django.core.validators import MaxLengthValidator
from django.template.loader import render_to_string
from django.utils.choices import BaseChoiceIterator, normalize_choices
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from intake import clock

# C0 and C1 control characters other than tab, line feed and carriage return. They are
# invisible, come in with text pasted from PDFs and phones, mean nothing in an answer, and
# PostgreSQL refuses NUL in text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Zero-width characters and the marks that reorder text (right-to-left override, embeddings,
# isolates): invisible on the page, they can make a court paper print words in an order the
# family never typed, or hide words from a search of the filed PDF.
INVISIBLE_CHARACTERS = re.compile("[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
# A long answer is a few paragraphs; every line break is kept in the papers, so thousands of
# short lines would make a motion thousands of pages long.
MAX_LINES = 200


def without_invisible(value: str) -> str:
    return INVISIBLE_CHARACTERS.sub("", CONTROL_CHARACTERS.sub("", value))


class TextField(forms.CharField):
    """Free text without invisible characters (removed, not refused: no one can see them to
    take them out), and at most `max_lines` lines.

    A box of several lines has no maxlength: a browser would cut pasted text at the limit
    without a word. It carries its limit (data-limit) for the live count under it
    (static/js/text-limit.js), and text over the limit comes back with a message, kept whole.
    """

    default_error_messages = {
        "too_long": _(
            "This is %(length)s characters long. The most it can hold is %(limit)s. Make it "
            "shorter: nothing was cut or saved"
        ),
    }

    def __init__(self, *, max_lines: int = MAX_LINES, **kwargs):
        self.max_lines = max_lines
        super().__init__(**kwargs)
        # validate() says it with the numbers grouped as the reader writes them.
        self.validators = [v for v in self.validators if not isinstance(v, MaxLengthValidator)]

    def validate(self, value):
        super().validate(value)
        if self.max_length is not None and len(value) > self.max_length:
            raise forms.ValidationError(
                self.error_messages["too_long"],
                code="max_length",
                params={
                    "length": number_format(len(value), force_grouping=True),
                    "limit": number_format(self.max_length, force_grouping=True),
                },
            )
        if value and len(value.splitlines()) > self.max_lines:
            raise forms.ValidationError(
                _("Use at most %(max)d lines. Join short lines into paragraphs"),
                code="max_lines",
                params={"max": self.max_lines},
            )

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.Textarea) and self.max_length is not None:
            attrs.pop("maxlength", None)
            attrs["data-limit"] = str(self.max_length)
        return attrs

    def to_python(self, value):
        if isinstance(value, str):
            value = without_invisible(value)
        return super().to_python(value)


class FixedChoices(BaseChoiceIterator):
    """Choices that never change (the BOP facilities, the district courts, the answers of a
    radio question, a reason's papers), built the first time they are read and shared by every
    form of the process.

    Django normalises a field's choices, twice (field and widget), each time a form is made,
    and copies them with each form's fields: about 0.5 ms a form for the facility list. These
    are normalised once and never copied. Labels may be lazy, so one list serves every
    language.
    """

    def __init__(self, build: Callable[[], Iterable]):
        self._build = build
        self._choices: tuple | None = None
        self._values: frozenset[str] | None = None
        # LongListSelect's rendered options, by language and chosen value.
        self.rendered: dict[tuple[str, tuple[str, ...]], str] = {}

    def _all(self) -> tuple:
        if self._choices is None:
            self._choices = tuple(normalize_choices(self._build()))
        return self._choices

    def __iter__(self):
        return iter(self._all())

    def values(self) -> frozenset[str]:
        """Every value in the list, those inside groups too, as a form sends them."""
        if self._values is None:
            self._values = frozenset(
                str(value)
                for group_value, label in self._all()
                for value in (
                    [v for v, _ in label] if isinstance(label, list | tuple) else [group_value]
                )
            )
        return self._values

    def __len__(self) -> int:
        return len(self._all())

    # Shared, never changed: a form's copy of its fields keeps the same choices.
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class LongListSelect(forms.Select):
    """A <select> of a long FixedChoices list (the facilities) whose options are rendered once
    per language and chosen value, then kept with the list.

    Measured on 2026-12-07 (benchmarks/bench_interview.py's machine): the 219 options of the
    facility list took 6.8 ms a render through select.html's loop, and the request_details step
    draws two (a row and the empty row the page adds from); from this cache a render is
    a dictionary lookup. The options are still written by the template
    (django/forms/widgets/select_options.html), so the page's markup is the same either way,
    and a value not in the list is drawn with nothing chosen, as Select draws it, without a
    place in the cache of its own.
    """

    def get_context(self, name, value, attrs):
        context = forms.Widget.get_context(self, name, value, attrs)
        values = self.format_value(value)
        known = [v for v in values if v in self.choices.values()]
        key = (get_language() or "", tuple(known))
        rendered = self.choices.rendered
        if key not in rendered:
            rendered[key] = render_to_string(
                "django/forms/widgets/select_options.html",
                {"widget": {"optgroups": self.optgroups(name, known)}},
            )
        context["widget"]["rendered_options"] = rendered[key]
        return context


# Languages that write the day before the month.
DAY_FIRST = frozenset({"es"})


class DateInputs(forms.MultiWidget):
    """Three boxes: month, day, year, each labelled, with a number keypad on phones.

    Browsers are told not to autofill them: the dates asked for are the family's records, not
    the person typing (autocomplete="bday" would offer the typist's own birthday).
    """

    template_name = "widgets/date_inputs.html"
    use_fieldset = True
    parts = (_("Month"), _("Day"), _("Year"))

    def __init__(self, attrs=None):
        widgets = []
        for part, size in zip(self.parts, (2, 2, 4), strict=True):
            sub_attrs = {
                "inputmode": "numeric",
                "size": size,
                "maxlength": size,
                "class": f"date-{part.lower()}",
                "autocomplete": "off",
            }
            widgets.append(forms.TextInput(attrs=sub_attrs))
        super().__init__(widgets, attrs)

    def __deepcopy__(self, memo):
        # A form's copy shares the three boxes: they are made once and never changed after
        # (copying them was most of the cost of making a form with dates). Django's only write
        # to them, BoundField.build_widget_attrs on a required field, sets what its part
        # fields say, the same for every form.
        return forms.Widget.__deepcopy__(self, memo)

    def decompress(self, value):
        if isinstance(value, date):
            return [str(value.month), str(value.day), str(value.year)]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        subwidgets = context["widget"]["subwidgets"]
        for part, sub in zip(self.parts, subwidgets, strict=True):
            sub["label"] = part
        # Shown in the order the language writes dates (día / mes / año in Spanish), so a day
        # of 12 or less is never typed as the month; the boxes keep their names (_0 is the
        # month) whatever the order.
        if (get_language() or "").split("-")[0] in DAY_FIRST:
            subwidgets[:2] = subwidgets[1], subwidgets[0]
        return context


class MonthDayYearField(forms.MultiValueField):
    """A real calendar date from three boxes; optionally not after today."""

    default_error_messages = {
        "required": _("Enter the date as month, day, year, for example 3 14 2025"),
        "incomplete": _("Enter the date as month, day, year, for example 3 14 2025"),
        "invalid": _("Enter the date as month, day, year in numbers, for example 3 14 2025"),
        "month": _("The month must be a number from 1 to 12"),
        "year": _("Enter the year with 4 digits, for example 2025"),
        "not_real": _("That date does not exist. Check the month and the day"),
        "future": _("That date is in the future. Enter a date that has already happened"),
    }

    def __init__(self, *, past: bool = True, **kwargs):
        self.past = past
        parts = tuple(forms.CharField(required=False) for _ in range(3))
        for part in parts:
            # compress() checks every character and says what to type; a part's own "Null
            # characters are not allowed" would not.
            part.validators = []
        kwargs.setdefault("required", False)
        super().__init__(parts, require_all_fields=False, widget=DateInputs(), **kwargs)

    def __deepcopy__(self, memo):
        # A form's copy shares the three part fields, which are never changed after they are
        # made: only the date field itself and its widget are copied.
        return forms.Field.__deepcopy__(self, memo)

    def compress(self, data_list):
        values = [(v or "").strip() for v in (data_list or [])]
        if not any(values):
            return None
        if not all(values):
            raise forms.ValidationError(self.error_messages["incomplete"], code="incomplete")
        # isdecimal(), not isdigit(): int() refuses digits such as "²". At most 4 digits a box,
        # or int() refuses a number thousands of digits long.
        if not all(v.isdecimal() and len(v) <= 4 for v in values):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        month, day, year = (int(v) for v in values)
        if not 1 <= month <= 12:
            raise forms.ValidationError(self.error_messages["month"], code="month")
        if len(values[2]) != 4 or year < 1900:
            raise forms.ValidationError(self.error_messages["year"], code="year")
        try:
            value = date(year, month, day)
        except ValueError:
            raise forms.ValidationError(self.error_messages["not_real"], code="not_real") from None
        if self.past and value > clock.today():
            raise forms.ValidationError(self.error_messages["future"], code="future")
        return value
