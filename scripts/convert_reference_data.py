"""Rebuild eligibility/data/ from the upstream reference files kept in eligibility/data/sources/.

    python scripts/convert_reference_data.py [PATH/TO/UPSTREAM/DATA]

The upstream files are copied unchanged into eligibility/data/sources/ (with their README), so
the conversion can be rerun from the project alone. The app reads only what this script writes
next to them (see eligibility/data/README.md for sources and licences).

Every facility gets the name people use for it ("FCI Butner Medium I", "FMC Butner",
"RRM Raleigh"): the type first, then the place, then the security level. The raw data's typos
are mended here, in `NAME_FIXES`, and each mended address says why in `ADDRESS_FIXES`.
"""

import csv
import json
import re
import shutil
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "eligibility" / "data"
SOURCES = DATA / "sources"
SOURCE_FILES = (
    "README.md",
    "LICENSE-courts-db.txt",
    "district-courts.json",
    "district-clerks.json",
    "bop-facility-codes.csv",
    "bop-facility-locations.csv",
    "bop-addresses.csv",
)
CURRENT_SINCE = "2024-01-01"  # a code last seen before 2024 is most likely closed

# The raw names' typos and abbreviations that do not follow the usual pattern, mended by hand.
NAME_FIXES = {
    "BOSTOM RRM": "BOSTON RRM",
    "SEYMOUR JOHNSN FPC": "SEYMOUR JOHNSON FPC",
    "REEVES I &AMP; II CI": "REEVES I & II CI",
    "NE OHIO CORR CTR CI": "NORTHEAST OHIO CORRECTIONAL CENTER CI",
    "ADAMS COUNTY CORR CTR CI": "ADAMS COUNTY CORRECTIONAL CENTER CI",
    "ADAMS COUNTY CORR CTR CCM": "ADAMS COUNTY CORRECTIONAL CENTER CCM",
    "D. RAY JAMES CORR FACL CI": "D. RAY JAMES CORRECTIONAL FACILITY CI",
    "D. RAY JAMES CORR FCL CCM": "D. RAY JAMES CORRECTIONAL FACILITY CCM",
    "DIST OF COLUMBIA CCM": "DISTRICT OF COLUMBIA CCM",
    "WASHINGTON, DC RRM": "WASHINGTON DC RRM",
    "BIG SPRING CI FL": "BIG SPRING (FLIGHTLINE) CI",
    "REEVES DC CCM": "REEVES DETENTION CENTER CCM",
    "SPRINGFIELD USMCFP": "SPRINGFIELD MCFP",
    "THOMSON ADMIN USP": "THOMSON AUSP",
}

# Names people use that are in no BOP list.
EXTRA_ALIASES = {"FLM": ("ADX Florence",)}

# Facility types, as the name's last word: (shown before the place, or after it when None).
TYPES = {
    "FCI": "FCI",
    "USP": "USP",
    "AUSP": "AUSP",
    "FMC": "FMC",
    "MCFP": "MCFP",
    "FPC": "FPC",
    "FCC": "FCC",
    "FDC": "FDC",
    "MDC": "MDC",
    "MCC": "MCC",
    "FTC": "FTC",
    "RRM": "RRM",
    "CCM": "CCM",
    "CI": "CI",
}
SUFFIX_TYPES = {"RO": "Regional Office", "DC": "Detention Center", "ADMIN": "Administration"}
LEVELS = {"LOW": "Low", "MED": "Medium", "HIGH": "High", "ADMAX": "ADMAX"}
KINDS = {
    "FCC": "complex",
    "RRM": "reentry_office",
    "CCM": "reentry_office",
    "RO": "regional_office",
    "ADMIN": "administration",
    "CI": "contract",
    "DC": "contract",
}
KEEP_UPPER = {"I", "II", "III", "US", "U.S.", "NE", "NW", "SE", "SW", "N", "S", "E", "W", "DC"}
KEEP_UPPER |= {"NC", "AFB", "FCI", "FDC", "MDL", "PO", "P.O.", "S.E.", "S.W.", "N.", "S.", "E."}
SMALL_WORDS = {"OF", "AT", "AND"}

# Addresses mended here; each entry says where the better value comes from.
ADDRESS_FIXES = {
    # bop-addresses.csv notes: the bop.gov page (Data Liberation Project, 2024) gives the street.
    "LAT": {"street": "8500 DONIPHAN ROAD"},
    # bop-addresses.csv notes: the bop.gov page has ZIP 76127 (Naval Air Station Fort Worth).
    "CRW": {"street": "NAVAL AIR STATION, J ST BLDG 3000", "zip": "76127"},
    # ZIP 20534 and 400 First Street NW are in Washington, DC (the source says MD).
    "CBR": {"street": "400 FIRST STREET NW, 5TH FLOOR", "state": "DC"},
    # The BOP's field stops at 28 characters; the Dallas RRM in the same complex gives the rest.
    "SCRO": {"street": "US ARMED FORCES RESERVE COMPLEX, 344 MARINE FORCES DR"},
    "CDA": {"street": "US ARMED FORCES RESERVE COMPLEX, 344 MARINE FORCES DR"},
    "SERO": {"street": "3800 CAMP CREEK PKWY SW, BLDG 2000"},
    "MXRO": {"city": "ANNAPOLIS JUNCTION"},
    "CMY": {"street": "MAXWELL AFB, BLDG 1209, 820 WILLOW STREET"},
    "CSA": {"street": "727 EAST CESAR E. CHAVEZ BLVD, SUITE B-138"},
    "CNK": {"street": "201 VARICK STREET, ROOM 849"},
    "CPG": {"street": "1000 LIBERTY AVENUE, STE 1315"},
    "DAN": {"street": "33 1/2 PEMBROKE STATION, ROUTE 37"},
    "LEE": {"street": "LEE COUNTY INDUSTRIAL PARK, HICKORY FLATS ROAD"},
    "ALF": {"street": "RT 15, 2 MILES N OF ALLENWOOD"},
    "ALP": {"street": "RT 15, 2 MILES N OF ALLENWOOD"},
    "ALM": {"street": "RT 15, 2 MILES N OF ALLENWOOD"},
}
# The fixes above that take their words from the Data Liberation Project (CC BY-SA 4.0).
FIXES_FROM_DLP = {"LAT", "CRW", "SCRO"}


def clean(value: str | None) -> str:
    return "" if value in (None, "NA") else value.replace("&AMP;", "&").strip()


def _word(word: str) -> str:
    """One word of a name or street as it is written in running text."""
    if word.endswith(",") and len(word) > 1:
        return _word(word[:-1]) + ","
    if word.upper() in KEEP_UPPER or not any(c.isalpha() for c in word):
        return word.upper()
    if word.upper() in SMALL_WORDS:
        return word.lower()
    if word[0].isdigit():  # 54TH, 2ND, 2107-A
        return word.lower() if re.fullmatch(r"\d+(ST|ND|RD|TH)", word) else word
    if len(word) == 1:
        return word.upper()
    if word.startswith("(") or word.endswith(")"):
        inner = word.strip("()")
        return word.replace(inner, _word(inner)) if inner else word
    if "-" in word:
        return "-".join(_word(part) for part in word.split("-"))
    if "/" in word:
        return "/".join(_word(part) for part in word.split("/"))
    upper = word.upper()
    if upper.startswith("MC") and len(upper) > 3:
        return "Mc" + upper[2:].capitalize()
    if upper.startswith("MAC") and upper in ("MACARTHUR",):
        return "MacArthur"
    if upper == "SEATAC":
        return "SeaTac"
    if upper == "ST" or upper == "ST.":
        return "St" + ("." if upper.endswith(".") else "")
    return word.capitalize()


def words(text: str) -> str:
    out = [_word(w) for w in text.split()]
    if out:
        out[0] = out[0][0].upper() + out[0][1:]
    return " ".join(out)


def display_name(raw: str) -> tuple[str, str]:
    """('FCI Butner Medium I', 'institution') for 'BUTNER MED I FCI'."""
    parts = NAME_FIXES.get(raw, raw).split()
    kind_word = parts.pop()
    roman = parts.pop() if parts and parts[-1] in ("I", "II", "III") else ""
    level = LEVELS[parts.pop()] if parts and parts[-1] in LEVELS else ""
    if not roman and parts and parts[-1] in ("I", "II") and level:
        roman = parts.pop()
    place = words(" ".join(parts))
    place = place.replace("St Louis", "St. Louis")
    tail = " ".join(p for p in (level, roman) if p)
    if kind_word in SUFFIX_TYPES:
        name = f"{place} {SUFFIX_TYPES[kind_word]}"
        if kind_word == "ADMIN":
            name = f"FCC {place} Administration"
    else:
        name = f"{TYPES[kind_word]} {place}"
    name = f"{name} {tail}".strip()
    return name, KINDS.get(kind_word, "institution")


def street_lines(street: str) -> tuple[str, str]:
    """The street in one or two lines: a building or base first, the number and street next."""
    text = words(street).replace(" ,", ",")
    head, sep, rest = text.partition(", ")
    if sep and rest[:1].isdigit() and not any(c.isdigit() for c in head):
        return head, rest
    return text, ""


def convert_facilities() -> list[dict]:
    with open(SOURCES / "bop-facility-codes.csv", newline="", encoding="utf-8") as f:
        listed: dict[str, list[dict]] = {}
        for row in csv.DictReader(f):
            listed.setdefault(row["code"], []).append(row)
    with open(SOURCES / "bop-facility-locations.csv", newline="", encoding="utf-8") as f:
        places = {r["Facility_Code"]: r for r in csv.DictReader(f)}
    with open(SOURCES / "bop-addresses.csv", newline="", encoding="utf-8") as f:
        addresses = {r["code"]: r for r in csv.DictReader(f)}

    rows = []
    for code in sorted(set(listed) | set(places)):
        seen = sorted(listed.get(code, []), key=lambda r: r["last_seen"])
        place, address = places.get(code), addresses.get(code)
        # The newest name on the BOP list wins (Atlanta, Lewisburg, Thomson ... became FCIs);
        # an institution inside a complex has its name only in the other two files.
        raw_names = [clean(r["name"]) for r in seen]
        if address:
            raw_names.insert(0, clean(address["name"]))
        if place:
            raw_names.insert(0, clean(place["Facility_Name"]))
        raw = raw_names[-1]
        name, kind = display_name(raw)
        aliases = []
        for other in raw_names:
            other_name = display_name(other)[0]
            for alias in (other, other_name):
                if alias not in (raw, name) and alias not in aliases:
                    aliases.append(alias)
        aliases += EXTRA_ALIASES.get(code, ())
        last_seen = seen[-1]["last_seen"] if seen else ""
        current = address is not None and address["status"] == "current"
        if seen and last_seen < CURRENT_SINCE:
            current = False
        row = {
            "code": code,
            "name": raw,
            "display_name": name,
            "kind": kind,
            "street": "",
            "street2": "",
            "city": "",
            "state": "",
            "zip": "",
            "phone": "",
            "last_seen": last_seen,
            "current": "yes" if current else "no",
            "aliases": "|".join(aliases),
            "address_licence": "",
        }
        if address:
            fixed = {**address, **ADDRESS_FIXES.get(code, {})}
            row["street"], row["street2"] = street_lines(fixed["street"])
            row["city"] = words(fixed["city"]).replace("St Louis", "St. Louis")
            row["state"], row["zip"], row["phone"] = fixed["state"], fixed["zip"], fixed["phone"]
            cc = "CC BY-SA" in address["license"] or code in FIXES_FROM_DLP
            row["address_licence"] = "CC BY-SA 4.0" if cc else "public domain"
        rows.append(row)
    return rows


def convert_clerks() -> list[dict]:
    raw = json.loads((SOURCES / "district-clerks.json").read_text(encoding="utf-8"))
    out = []
    for district in raw["districts"]:
        offices = []
        for office in district["offices"]:
            if office.get("duplicate_of_other_entry"):
                continue
            offices.append(
                {
                    "division": office["division"],
                    "address": office["address"],
                    "city": office["city"],
                    "state": office["state"],
                    "zip": office.get("zip") or "",
                    "phone": office.get("phone") or "",
                    "staffed": office.get("staffed"),
                    "primary": bool(office.get("primary")),
                    "verify": not office.get("source", "").startswith("pacer:"),
                }
            )
        out.append({"district": district["district"], "offices": offices})
    return out


def write_csv(rows: list[dict], path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def main(upstream: Path | None) -> None:
    if upstream is not None:
        SOURCES.mkdir(exist_ok=True)
        for name in SOURCE_FILES:
            shutil.copyfile(upstream / name, SOURCES / name)

    courts = json.loads((SOURCES / "district-courts.json").read_text(encoding="utf-8"))
    assert len(courts) == 94, len(courts)
    shutil.copyfile(SOURCES / "district-courts.json", DATA / "district-courts.json")
    shutil.copyfile(SOURCES / "LICENSE-courts-db.txt", DATA / "LICENSE-courts-db.txt")

    clerks = convert_clerks()
    assert {c["district"] for c in clerks} == {c["id"] for c in courts}
    with open(DATA / "district-clerks.json", "w", encoding="utf-8") as f:
        json.dump(clerks, f, indent=1, ensure_ascii=False)
        f.write("\n")

    rows = convert_facilities()
    write_csv(rows, DATA / "bop-facilities.csv")
    print(
        f"{len(courts)} district courts, {sum(len(c['offices']) for c in clerks)} clerk's "
        f"offices, {len(rows)} facilities ({sum(r['current'] == 'yes' for r in rows)} current)"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
