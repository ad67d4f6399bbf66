"""Rebuild eligibility/data/ from the upstream reference files.

    python scripts/convert_reference_data.py PATH/TO/UPSTREAM/DATA

The app never reads the upstream folder: it reads only what this script writes into
eligibility/data/ (see eligibility/data/README.md for sources and licences).
"""

import csv
import json
import shutil
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "eligibility" / "data"
CURRENT_SINCE = "2024-01-01"  # a code last seen before 2024 is most likely closed
COMPLEX_PARTS = {"LOW", "MED", "HIGH", "I", "II", "USP", "FCI", "FPC", "FMC", "ADMIN", "ADMAX"}


def complex_name(name: str) -> str:
    words = name.split()
    while words and words[-1] in COMPLEX_PARTS:
        words.pop()
    return " ".join(words)


def main(src: Path) -> None:
    courts = json.loads((src / "district-courts.json").read_text())
    assert len(courts) == 94, len(courts)
    shutil.copyfile(src / "district-courts.json", OUT / "district-courts.json")
    shutil.copyfile(src / "LICENSE-courts-db.txt", OUT / "LICENSE-courts-db.txt")

    with open(src / "bop-facility-codes.csv", newline="") as f:
        codes = {r["code"]: r for r in csv.DictReader(f)}
    with open(src / "bop-facility-locations.csv", newline="") as f:
        places = {r["Facility_Code"]: r for r in csv.DictReader(f)}

    # Member institutions of a complex (BUT, COP, ...) appear only in the locations file; they
    # are current when their complex (BUX "BUTNER FCC") is.
    current_complexes = {
        r["name"].removesuffix(" FCC")
        for r in codes.values()
        if r["name"].endswith(" FCC") and r["last_seen"] >= CURRENT_SINCE
    }

    def clean(value: str) -> str:
        return "" if value in ("NA", "") else value.replace("&AMP;", "&").strip()

    rows = []
    for code in sorted(set(codes) | set(places)):
        listed, place = codes.get(code), places.get(code)
        name = clean(listed["name"]) if listed else clean(place["Facility_Name"])
        last_seen = listed["last_seen"] if listed else ""
        current = last_seen >= CURRENT_SINCE if listed else complex_name(name) in current_complexes
        rows.append(
            {
                "code": code,
                "name": name,
                "address": clean(place["Facility_Address"]) if place else "",
                "city": clean(place["City"]) if place else "",
                "state": clean(place["State"]) if place else "",
                "last_seen": last_seen,
                "current": "yes" if current else "no",
            }
        )
    with open(OUT / "bop-facilities.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(
        f"{len(courts)} district courts, {len(rows)} facilities "
        f"({sum(r['current'] == 'yes' for r in rows)} current)"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
