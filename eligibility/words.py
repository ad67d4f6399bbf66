"""Dates and durations in the words people read (domain.md § 8: "Tuesday, April 1, 2025").

The words a family reads follow the active language ("martes, 1 de abril de 2025"); court papers
are in English whatever the language, so `court_date` never translates.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext_noop

from eligibility.i18n import gettext as _
from eligibility.i18n import ngettext

# The names Django's own catalogues translate (django.utils.dates), kept here as plain English
# so that each is translated once per language through eligibility.i18n, not on every date.
WEEKDAYS = tuple(
    gettext_noop(day)
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
)
MONTHS = (
    "",
    *(
        gettext_noop(month)
        for month in (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        )
    ),
)


def long_date(d: date) -> str:
    """'Tuesday, April 1, 2025': for telling a family when they can act."""
    return _("%(weekday)s, %(month)s %(day)s, %(year)s") % {
        "weekday": _(WEEKDAYS[d.weekday()]),
        "month": _(MONTHS[d.month]),
        "day": d.day,
        "year": d.year,
    }


def short_date(d: date) -> str:
    """'April 1, 2025' in the words a family reads ("1 de abril de 2025")."""
    return _("%(month)s %(day)s, %(year)s") % {
        "month": _(MONTHS[d.month]),
        "day": d.day,
        "year": d.year,
    }


def court_date(d: date) -> str:
    """'April 1, 2025': the style of dates in court papers."""
    return f"{d:%B} {d.day}, {d.year}"


def plural(n: int, word: str) -> str:
    """English only: the advocate's workspace counts days and answers with it."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def days(n: int) -> str:
    return ngettext("%(count)s day", "%(count)s days", n) % {"count": n}


def duration(delta: relativedelta) -> str:
    """'11 years 3 months', '9 months 22 days', '0 days'."""
    parts = []
    if delta.years:
        years = delta.years
        parts.append(ngettext("%(count)s year", "%(count)s years", years) % {"count": years})
    if delta.months:
        months = delta.months
        parts.append(ngettext("%(count)s month", "%(count)s months", months) % {"count": months})
    if delta.days and len(parts) < 2:
        parts.append(days(delta.days))
    return " ".join(parts) or days(0)


def months_as_words(months: int) -> str:
    """A term of 180 months as '15 years'; 187 as '15 years 7 months'."""
    return duration(relativedelta(months=months).normalized())
