"""District courts and BOP facilities, read once from the files in eligibility/data/.

The data are facts no one should type by hand; the sources and licences are in
eligibility/data/README.md.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# The circuits where filing after 30 days is settled even after a warden's early denial
# (domain.md § 2 rule 4: Harris (3d Cir. 2020), Muhammad (4th Cir. 2021)).
CIRCUITS_FILING_AFTER_DENIAL_SETTLED = frozenset({"3", "4"})


_ABBREVIATIONS = frozenset(
    {
        "FCI",
        "USP",
        "FMC",
        "FPC",
        "FCC",
        "FDC",
        "MCC",
        "MDC",
        "RRM",
        "CCM",
        "CI",
        "DC",
        "I",
        "II",
        "III",
        "MCFP",
        "ADMAX",
        "SFF",
        "FTC",
        "NE",
        "NW",
        "SE",
        "SW",
    }
)


@dataclass(frozen=True)
class District:
    id: str
    name: str
    citation: str
    state: str
    circuit: str
    divisions: tuple[str, ...]
    url: str

    @property
    def circuit_name(self) -> str:
        if self.circuit == "DC":
            return "D.C. Circuit"
        n = int(self.circuit)
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n, "th")
        return f"{n}{suffix} Circuit"

    @property
    def short_name(self) -> str:
        """'Southern District of New York' for 'United States District Court for the …'."""
        return self.name.removeprefix("United States District Court for the ")


@dataclass(frozen=True)
class Facility:
    code: str
    name: str
    address: str
    city: str
    state: str
    last_seen: str
    current: bool

    @property
    def display_name(self) -> str:
        """'Butner Med I FCI' for 'BUTNER MED I FCI', keeping the BOP's abbreviations."""
        return _display_name(self.name)

    @property
    def is_reentry_office(self) -> bool:
        return self.name.endswith((" RRM", " CCM"))


@cache
def districts() -> tuple[District, ...]:
    with open(DATA / "district-courts.json", encoding="utf-8") as f:
        raw = json.load(f)
    return tuple(
        District(
            id=d["id"],
            name=d["name"],
            citation=d["citation"],
            state=d["state"],
            circuit=str(d["circuit"]),
            divisions=tuple(d.get("divisions") or ()),
            url=d.get("url") or "",
        )
        for d in raw
    )


@cache
def _districts_by_id() -> dict[str, District]:
    return {d.id: d for d in districts()}


def district(district_id: str | None) -> District | None:
    if not district_id:
        return None
    return _districts_by_id().get(district_id.strip().lower())


@cache
def facilities() -> tuple[Facility, ...]:
    with open(DATA / "bop-facilities.csv", encoding="utf-8", newline="") as f:
        return tuple(
            Facility(
                code=row["code"],
                name=row["name"],
                address=row["address"],
                city=row["city"],
                state=row["state"],
                last_seen=row["last_seen"],
                current=row["current"] == "yes",
            )
            for row in csv.DictReader(f)
        )


@cache
def _facilities_by_code() -> dict[str, Facility]:
    return {f.code: f for f in facilities()}


def facility(code: str | None) -> Facility | None:
    """The facility for a BOP code (any case), or None for free text and unknown codes."""
    if not code:
        return None
    return _facilities_by_code().get(code.strip().upper())


@cache
def _display_name(name: str) -> str:
    # Once per facility and process: the rules name facilities in their messages.
    return " ".join(
        word if word in _ABBREVIATIONS or not word.isalpha() else word.capitalize()
        for word in name.split()
    )


@lru_cache(maxsize=4096)
def _facility_key(value: str) -> str:
    text = " ".join(value.split()).casefold()
    found = facility(value) or _facilities_by_name().get(text)
    return found.code if found else text


@cache
def _facilities_by_name() -> dict[str, Facility]:
    by_name: dict[str, Facility] = {}
    for f in facilities():
        by_name.setdefault(f.name.casefold(), f)
        by_name.setdefault(f.display_name.casefold(), f)
    return by_name


def same_facility(a: str | None, b: str | None) -> bool:
    """Whether two facility values (codes, names or free text) name the same place."""
    if not a or not b:
        return False
    return _facility_key(a) == _facility_key(b)
