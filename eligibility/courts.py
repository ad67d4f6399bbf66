"""District courts, their clerk's offices and BOP facilities, read once from eligibility/data/.

The data are facts no one should type by hand; the sources and licences are in
eligibility/data/README.md, and scripts/convert_reference_data.py writes the files read here.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parent / "data"

# The circuits where filing after 30 days is settled even after a warden's early denial
# (domain.md § 2 rule 4: Harris (3d Cir. 2020), Muhammad (4th Cir. 2021)).
CIRCUITS_FILING_AFTER_DENIAL_SETTLED = frozenset({"3", "4"})

_ORDINALS = {
    "1": "First",
    "2": "Second",
    "3": "Third",
    "4": "Fourth",
    "5": "Fifth",
    "6": "Sixth",
    "7": "Seventh",
    "8": "Eighth",
    "9": "Ninth",
    "10": "Tenth",
    "11": "Eleventh",
    "DC": "District of Columbia",
}


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
    def court_of_appeals(self) -> str:
        """'United States Court of Appeals for the Fourth Circuit' (28 U.S.C. § 41)."""
        return f"United States Court of Appeals for the {_ORDINALS[self.circuit]} Circuit"

    @property
    def short_name(self) -> str:
        """'Southern District of New York' for 'United States District Court for the …'."""
        return self.name.removeprefix("United States District Court for the ")


@dataclass(frozen=True)
class Facility:
    code: str
    name: str  # the BOP's own name, e.g. "BUTNER MED I FCI"
    display_name: str  # as people say it, e.g. "FCI Butner Medium I"
    kind: str  # institution, complex, reentry_office, regional_office, administration, contract
    street: str
    street2: str
    city: str
    state: str
    zip: str
    phone: str
    last_seen: str
    current: bool
    aliases: tuple[str, ...]  # earlier names and the raw names, for search and comparison
    address_licence: str

    @property
    def is_reentry_office(self) -> bool:
        return self.kind == "reentry_office"

    @property
    def address_lines(self) -> tuple[str, ...]:
        """('Old NC Hwy 75', 'Butner, NC 27509'); empty when the address is unknown."""
        if not self.street:
            return ()
        last = f"{self.city}, {self.state} {self.zip}".strip()
        return tuple(line for line in (self.street, self.street2, last) if line)

    @property
    def address(self) -> str:
        """The address on one line: 'Old NC Hwy 75, Butner, NC 27509' ('' when unknown)."""
        return ", ".join(self.address_lines)

    @property
    def label(self) -> str:
        """'FCI Butner Medium I, Butner, NC': the name and the town, for a list to choose from."""
        where = f", {self.city}, {self.state}" if self.city and self.state else ""
        return f"{self.display_name}{where}"

    @property
    def search_text(self) -> str:
        """Every name the facility goes by, its code and town: what a search looks through."""
        return " ".join((self.code, self.label, *self.aliases))


class FacilityChoices(NamedTuple):
    current: tuple[tuple[str, str], ...]
    former: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ClerkOffice:
    district: str
    division: str
    name: str
    address_lines: tuple[str, ...]
    phone: str
    verify: bool  # from a source other than the court's own listing: check before relying on it


# -- districts --------------------------------------------------------------------------------


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


# -- clerk's offices ----------------------------------------------------------------------------


@cache
def _clerk_offices() -> dict[str, list[dict]]:
    with open(DATA / "district-clerks.json", encoding="utf-8") as f:
        return {d["district"]: d["offices"] for d in json.load(f)}


_DIVISION_NOISE = re.compile(r"\b(divisional|division|office|courthouse|at)\b")


def _division_words(text: str) -> set[str]:
    return set(_DIVISION_NOISE.sub(" ", _normalise(text)).split())


def clerk_office(district_id: str | None, division: str | None = None) -> ClerkOffice | None:
    """Where a motion is mailed: the sentencing division's staffed office when the court lists
    one, else the district's first staffed office (its headquarters when marked so).

    Offices said to be unstaffed are never chosen; an office whose staffing the source does not
    state is chosen only when no office is known to be staffed.
    """
    found = district(district_id)
    if found is None:
        return None
    offices = [o for o in _clerk_offices().get(found.id, []) if o["staffed"] is not False]
    if not offices:
        return None
    # Known-staffed offices first, the headquarters first among them; otherwise list order.
    ranked = sorted(offices, key=lambda o: (o["staffed"] is not True, not o["primary"]))
    wanted = _division_words(division or "")
    if wanted:
        # "Raleigh" matches "Raleigh Office, Western Division"; "Western" matches it too.
        matching = [o for o in ranked if wanted <= _division_words(o["division"])]
        if matching:
            return _clerk(found, matching[0])
    return _clerk(found, ranked[0])


def _clerk(found: District, office: dict) -> ClerkOffice:
    last = f"{office['city']}, {office['state']} {office['zip']}".strip()
    return ClerkOffice(
        district=found.id,
        division=office["division"],
        name=f"Clerk of Court, {found.name}",
        address_lines=(*_street_lines(office["address"]), last),
        phone=office["phone"],
        verify=office["verify"],
    )


def _street_lines(address: str) -> tuple[str, ...]:
    """'Terry Sanford Federal Building' over '310 New Bern Ave.': a building's name on its own
    line, the street number and street under it."""
    head, sep, rest = address.partition(", ")
    if sep and rest[:1].isdigit() and not any(c.isdigit() for c in head):
        return (head, rest)
    return (address,)


# -- facilities ---------------------------------------------------------------------------------


@cache
def facilities() -> tuple[Facility, ...]:
    with open(DATA / "bop-facilities.csv", encoding="utf-8", newline="") as f:
        return tuple(
            Facility(
                code=row["code"],
                name=row["name"],
                display_name=row["display_name"],
                kind=row["kind"],
                street=row["street"],
                street2=row["street2"],
                city=row["city"],
                state=row["state"],
                zip=row["zip"],
                phone=row["phone"],
                last_seen=row["last_seen"],
                current=row["current"] == "yes",
                aliases=tuple(a for a in row["aliases"].split("|") if a),
                address_licence=row["address_licence"],
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
def facility_choices() -> FacilityChoices:
    """The one list every facility picker offers: (code, label) pairs ordered by place, the
    current ones, then the closed (or merged) ones that old warden requests may name."""

    def ordered(current: bool) -> tuple[tuple[str, str], ...]:
        chosen = sorted((f for f in facilities() if f.current == current), key=_place_order)
        return tuple((f.code, f.label) for f in chosen)

    return FacilityChoices(current=ordered(True), former=ordered(False))


_LEVEL_WORDS = frozenset({"low", "medium", "high", "admax", "i", "ii", "iii", "administration"})


def _place_order(f: Facility) -> tuple[str, str]:
    """By place first ('Butner' before 'Coleman'), whatever the kind or level of facility:
    FCC Butner, FCI Butner Low, FCI Butner Medium I, ..., FMC Butner."""
    kind, _, place = f.display_name.partition(" ")
    if kind.upper() != kind or not place:
        place = f.display_name
    words = [w for w in _normalise(place).split() if w not in _LEVEL_WORDS]
    return (" ".join(words), f.display_name)


@lru_cache(maxsize=4096)
def _facility_key(value: str) -> str:
    text = " ".join(value.split()).casefold()
    found = facility(value) or _facilities_by_name().get(text)
    return found.code if found else text


@cache
def _facilities_by_name() -> dict[str, Facility]:
    by_name: dict[str, Facility] = {}
    for f in facilities():
        for name in (f.name, f.display_name, *f.aliases):
            by_name.setdefault(name.casefold(), f)
    return by_name


def same_facility(a: str | None, b: str | None) -> bool:
    """Whether two facility values (codes, names or free text) name the same place."""
    if not a or not b:
        return False
    return _facility_key(a) == _facility_key(b)


# -- search -------------------------------------------------------------------------------------
# static/js/filter-select.js holds a copy of these two tables (tests/test_facility_search.py
# checks that they agree), so the picker in the browser finds what this search finds.

# The BOP's abbreviations, spelled out: a facility is also found by the words of its kind.
SPELLED_OUT = {
    "fci": "federal correctional institution",
    "usp": "united states penitentiary",
    "ausp": "administrative united states penitentiary",
    "fmc": "federal medical center",
    "mcfp": "medical center for federal prisoners",
    "fpc": "federal prison camp",
    "fcc": "federal correctional complex",
    "fdc": "federal detention center",
    "mdc": "metropolitan detention center",
    "mcc": "metropolitan correctional center",
    "ftc": "federal transfer center",
    "rrm": "residential reentry management office halfway house",
    "ccm": "community corrections manager residential reentry halfway house",
    "ci": "correctional institution",
}

# What people type, in English or Spanish, and the words of the list it stands for. The
# longest phrase is taken first; a query word also keeps its own meaning, so "medical" still
# finds "Federal Medical Center" word by word.
SYNONYMS = {
    "med": "medium",
    "medio": "medium",
    "media": "medium",
    "mediana": "medium",
    "baja": "low",
    "alta": "high",
    "medical": "fmc mcfp",
    "medical center": "fmc mcfp",
    "hospital": "fmc mcfp",
    "centro medico": "fmc mcfp",
    "penitentiary": "usp ausp",
    "pen": "usp ausp",
    "penitenciaria": "usp ausp",
    "correctional institution": "fci",
    "institucion correccional": "fci",
    "camp": "fpc",
    "prison camp": "fpc",
    "satellite camp": "fpc",
    "campamento": "fpc",
    "complex": "fcc",
    "complejo": "fcc",
    "detention center": "fdc mdc",
    "detention": "fdc mdc",
    "centro de detencion": "fdc mdc",
    "metropolitan": "mdc mcc",
    "metropolitano": "mdc mcc",
    "transfer center": "ftc",
    "residential reentry": "rrm ccm",
    "reentry": "rrm ccm",
    "re entry": "rrm ccm",
    "halfway house": "rrm ccm",
    "halfway": "rrm ccm",
    "rrc": "rrm ccm",
    "casa de transicion": "rrm ccm",
    "ft": "fort",
    "saint": "st",
}

# Words that say nothing about which facility is meant ("Butner prison", "FCI Butner low
# security"); a phrase above that contains one is read first.
IGNORED = frozenset({"the", "of", "de", "security", "level", "prison", "jail", "bop"})
_LONGEST_SYNONYM = max(len(phrase.split()) for phrase in SYNONYMS)


def _normalise(text: str) -> str:
    """Lower case, without accents, letters and digits only: 'Médium-I' -> 'medium i'."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def search_words(text: str) -> frozenset[str]:
    """The words a facility's text is found by: its own, and its abbreviations spelled out."""
    words = _normalise(text).split()
    spelled = (SPELLED_OUT[w] for w in words if w in SPELLED_OUT)
    return frozenset(words).union(*(s.split() for s in spelled))


class Term(NamedTuple):
    """One word of a query: the starts of words it may be, and whole words it stands for."""

    starts: tuple[str, ...]
    words: tuple[str, ...] = ()


def query_terms(query: str) -> list[Term]:
    """The query's terms, each word or phrase of SYNONYMS read as the words it stands for."""
    words = _normalise(query).split()
    terms: list[Term] = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST_SYNONYM, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            if phrase in SYNONYMS:
                # A word typed also stands for itself ('medical' in 'Federal Medical Center').
                starts = (phrase,) if size == 1 else ()
                terms.append(Term(starts, tuple(SYNONYMS[phrase].split())))
                i += size
                break
        else:
            if words[i] not in IGNORED:
                terms.append(Term((words[i],)))
            i += 1
    return terms


def matches(terms: list[Term], words: frozenset[str]) -> bool:
    """Every term begins one of the words, or is one of them, in any order: 'but med' finds
    'Butner Medium'; 'metropolitan' finds 'MCC' but not 'McCreary'."""
    return all(
        any(w in words for w in term.words)
        or any(w.startswith(t) for t in term.starts for w in words)
        for term in terms
    )


@cache
def _search_index() -> tuple[tuple[Facility, frozenset[str], frozenset[str]], ...]:
    return tuple(
        (f, search_words(f.label + " " + f.code), search_words(f.search_text)) for f in facilities()
    )


def search_facilities(query: str, *, include_former: bool = False) -> list[Facility]:
    """The facilities a person may mean by `query`: words in any order, each the start of a
    word of the facility's name, town, code or an earlier name; common words for the kinds of
    facility ('medical center', 'camp', 'halfway house') count as their abbreviations.

    A code typed in full comes first, then facilities found by their current name, then those
    found only by an earlier one, each group in the pickers' order.
    """
    terms = query_terms(query)
    if not terms:
        return []
    code = query.strip().upper()
    found = []
    for f, own, every in _search_index():
        if not (f.current or include_former) or not matches(terms, every):
            continue
        found.append((f.code != code, not matches(terms, own), _place_order(f), f))
    return [f for *_, f in sorted(found, key=lambda row: row[:3])]
