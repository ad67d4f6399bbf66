"""Dates and durations in the words people read (domain.md § 8: "Tuesday, April 1, 2025")."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta


def long_date(d: date) -> str:
    """'Tuesday, April 1, 2025': for telling a family when they can act."""
    return f"{d:%A}, {d:%B} {d.day}, {d.year}"


def court_date(d: date) -> str:
    """'April 1, 2025': the style of dates in court papers."""
    return f"{d:%B} {d.day}, {d.year}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def duration(delta: relativedelta) -> str:
    """'11 years 3 months', '9 months 22 days', '0 days'."""
    parts = []
    if delta.years:
        parts.append(plural(delta.years, "year"))
    if delta.months:
        parts.append(plural(delta.months, "month"))
    if delta.days and len(parts) < 2:
        parts.append(plural(delta.days, "day"))
    return " ".join(parts) or "0 days"


def months_as_words(months: int) -> str:
    """A term of 180 months as '15 years'; 187 as '15 years 7 months'."""
    return duration(relativedelta(months=months).normalized())
