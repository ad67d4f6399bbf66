"""How the facts are printed in the papers: a facility and its address, the court's name as
the caption sets it, dates, the term and the time served, birth dates cut to the year, and a
home address cut to its city and state (Fed. R. Crim. P. 49.1).

Arithmetic and wording for the reader, not rules: nothing here decides anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from eligibility import courts
from eligibility.grounds import GroundInfo
from eligibility.words import court_date, months_as_words


@dataclass(frozen=True)
class Place:
    """A facility as a letter addresses it; None for what is unknown."""

    name: str | None
    address: str | None
    reentry_office: bool = False


def place_of(value: str | None) -> Place:
    """A facility code from the BOP list, or free text printed as typed with a blank address."""
    found = courts.facility(value)
    if found is None:
        return Place(value, None)
    return Place(found.display_name, found.address or None, found.is_reentry_office)


def court_lines(district: courts.District | None) -> tuple[str | None, ...]:
    """The court's name as a caption sets it: 'United States District Court' over the district.

    None stands for the district still to be written in.
    """
    if district is None:
        return ("United States District Court", None)
    if district.short_name == district.name:
        return (district.name,)
    return ("United States District Court", f"for the {district.short_name}")


def term_words(life: bool, months: int | None) -> str | None:
    if life:
        return "life imprisonment"
    if months is None:
        return None
    return f"{months_as_words(months)} ({months} months)"


def date_words(d: date | None) -> str | None:
    return court_date(d) if d else None


def time_served(began: date | None, term_months: int | None, life: bool, as_of: date) -> str | None:
    """'14 years 8 months (73% of the term)': time in federal custody on `as_of`, for display.

    Arithmetic for the judge's reading, not a rule: the rules decide nothing from it.
    """
    if began is None or began > as_of:
        return None
    served = relativedelta(as_of, began)
    words = duration_words(served)
    if life or not term_months:
        return words
    end = began + relativedelta(months=term_months)
    share = int(100 * (as_of - began).days / (end - began).days)
    return f"{words} (about {min(share, 100)}% of the term)"


def duration_words(delta: relativedelta) -> str:
    """'14 years 8 months' in English (court papers), days only under a month."""
    parts = []
    for count, unit in ((delta.years, "year"), (delta.months, "month")):
        if count:
            parts.append(f"{count} {unit}" + ("" if count == 1 else "s"))
    if not parts:
        parts.append(f"{delta.days} day" + ("" if delta.days == 1 else "s"))
    return " ".join(parts)


def three_quarters(term_months: int | None) -> str | None:
    """'75% of 20 years = 15 years': the age ground's share of the term, in whole months.

    A term whose three quarters is not a whole number of months says so in months
    ("75% of 250 months = 187.5 months"), never a day added by date arithmetic.
    """
    if not term_months:
        return None
    whole, rest = divmod(3 * term_months, 4)
    if rest == 0:
        return f"75% of {months_as_words(term_months)} = {months_as_words(whole)}"
    return f"75% of {term_months} months = {3 * term_months / 4:g} months"


_BIRTH_DATE = re.compile(
    r"\b(born(?:\s+on)?|date of birth:?|d\.?o\.?b\.?:?|birth ?date:?)\s+"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2},?\s+(\d{4})"
    r"|(\d{4})-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-](\d{4}))",
    re.IGNORECASE,
)


def without_birth_dates(text: str | None) -> str | None:
    """Text with every birth date cut to its year ("born March 4, 2017" -> "born in 2017").

    Court papers are public: Fed. R. Crim. P. 49.1 allows the year of birth only, and a
    child's birth date must never reach them. Other dates are left as typed.
    """
    if not text:
        return text

    def year_only(match: re.Match) -> str:
        year = next(y for y in match.groups()[1:] if y)
        word = match.group(1)
        return f"born in {year}" if word.lower().startswith("born") else f"year of birth {year}"

    return _BIRTH_DATE.sub(year_only, text)


_LOVED_ONE = re.compile(r"\byour loved one\b", re.IGNORECASE)


def suggested_evidence(info: GroundInfo, name: str | None) -> tuple[str, ...]:
    """The catalogue's suggested evidence, worded for papers sent in the person's name.

    The catalogue speaks to families ("Your loved one's birth certificate"); a letter to the
    warden or a court exhibit list names the person instead.
    """
    return tuple(_LOVED_ONE.sub(name or "the defendant", item) for item in info.evidence)


_STATE_AND_ZIP = re.compile(r"([A-Z]{2})(?:\s+\d{5}(?:-\d{4})?)?")


_CITY = re.compile(r"[A-Za-z][A-Za-z .'-]*")


def city_and_state(residence: str | None) -> str | None:
    """'Durham, NC' from '12 Elm St, Durham, NC 27701'; None unless the text plainly ends so.

    A filed motion may show only the city and state of a home address (Fed. R. Crim. P. 49.1),
    so anything ambiguous is left blank for the person to write in rather than risk printing
    the street.
    """
    if not residence:
        return None
    parts = [p.strip().rstrip(".").strip() for p in re.split(r"[,\n]", residence)]
    for i in range(len(parts) - 1, 0, -1):
        state = _STATE_AND_ZIP.fullmatch(parts[i])
        city = parts[i - 1]
        if state and _CITY.fullmatch(city) and len(city.split()) <= 3:
            return f"{city}, {state[1]}"
    return None
