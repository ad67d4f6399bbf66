"""A calendar file (.ics) for the first day the motion can be filed, so families don't miss it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


def filing_date_event(*, uid: str, when: date, url: str, now: datetime | None = None) -> str:
    """One all-day event. No names in it: calendars are often shared or synced."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Second Look//Compassionate release//EN",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{when:%Y%m%d}",
        f"DTEND;VALUE=DATE:{when + timedelta(days=1):%Y%m%d}",
        "SUMMARY:First day the compassionate release motion can be filed",
        "DESCRIPTION:Do not hand the motion to prison staff for mailing before today.",
        f"URL:{url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)


def _fold(line: str) -> str:
    """RFC 5545 3.1: lines longer than 75 octets continue on the next line after a space."""
    out, rest = [], line
    while len(rest.encode()) > 75:
        out.append(rest[:74] if out else rest[:75])
        rest = rest[len(out[-1]) :]
    out.append(rest)
    return "\r\n ".join(out)
