"""The reference data (eligibility/courts.py, eligibility/data/): the 94 district courts with
their circuits, the BOP facility codes, and the attribution their licences require.
"""

import importlib.util
import json
import re
from pathlib import Path

import pytest

from eligibility import courts

DATA = Path(courts.__file__).resolve().parent / "data"

# The circuits by state or territory (28 U.S.C. § 41), written out independently of the data.
CIRCUIT_OF = {
    **dict.fromkeys(
        ["Maine", "Massachusetts", "New Hampshire", "Puerto Rico", "Rhode Island"], "1"
    ),
    **dict.fromkeys(["Connecticut", "New York", "Vermont"], "2"),
    **dict.fromkeys(["Delaware", "New Jersey", "Pennsylvania", "Virgin Islands"], "3"),
    **dict.fromkeys(
        ["Maryland", "North Carolina", "South Carolina", "Virginia", "West Virginia"], "4"
    ),
    **dict.fromkeys(["Louisiana", "Mississippi", "Texas"], "5"),
    **dict.fromkeys(["Kentucky", "Michigan", "Ohio", "Tennessee"], "6"),
    **dict.fromkeys(["Illinois", "Indiana", "Wisconsin"], "7"),
    **dict.fromkeys(
        ["Arkansas", "Iowa", "Minnesota", "Missouri", "Nebraska", "North Dakota", "South Dakota"],
        "8",
    ),
    **dict.fromkeys(
        [
            "Alaska",
            "Arizona",
            "California",
            "Guam",
            "Hawaii",
            "Idaho",
            "Montana",
            "Nevada",
            "Northern Mariana Islands",
            "Oregon",
            "Washington",
        ],
        "9",
    ),
    **dict.fromkeys(["Colorado", "Kansas", "New Mexico", "Oklahoma", "Utah", "Wyoming"], "10"),
    **dict.fromkeys(["Alabama", "Florida", "Georgia"], "11"),
    "District of Columbia": "DC",
}


# -- districts ----------------------------------------------------------------------------------


def test_it_has_the_94_district_courts():
    assert len(courts.districts()) == 94


def test_it_gives_each_district_a_unique_id():
    ids = [d.id for d in courts.districts()]

    assert len(set(ids)) == len(ids)
    assert all(i == i.strip().lower() and i for i in ids)


def test_it_puts_each_district_in_a_circuit_from_1_to_11_or_dc():
    allowed = {str(n) for n in range(1, 12)} | {"DC"}

    assert {d.circuit for d in courts.districts()} == allowed


def test_it_puts_each_district_in_its_states_circuit():
    wrong = [
        (d.id, d.state, d.circuit)
        for d in courts.districts()
        if CIRCUIT_OF.get(d.state) != d.circuit
    ]

    assert wrong == []
    assert {d.state for d in courts.districts()} == set(CIRCUIT_OF)


@pytest.mark.parametrize(
    ("district_id", "circuit", "circuit_name", "short_name"),
    [
        ("nysd", "2", "2nd Circuit", "Southern District of New York"),
        ("paed", "3", "3rd Circuit", "Eastern District of Pennsylvania"),
        ("vaed", "4", "4th Circuit", "Eastern District of Virginia"),
        ("txsd", "5", "5th Circuit", "Southern District of Texas"),
        ("mad", "1", "1st Circuit", "District of Massachusetts"),
        ("cand", "9", "9th Circuit", "Northern District of California"),
        ("flsd", "11", "11th Circuit", "Southern District of Florida"),
        ("dcd", "DC", "D.C. Circuit", "District of Columbia"),
    ],
)
def test_it_names_the_circuit_of_a_district(district_id, circuit, circuit_name, short_name):
    found = courts.district(district_id)

    assert found.circuit == circuit
    assert found.circuit_name == circuit_name
    assert found.short_name == short_name
    assert found.name.endswith(short_name)


@pytest.mark.parametrize("raw", ["NYSD", " nysd ", "NySd"])
def test_it_finds_a_district_in_any_case(raw):
    assert courts.district(raw).id == "nysd"


@pytest.mark.parametrize("raw", [None, "", "nyzd", "new york"])
def test_it_finds_no_district_for_an_unknown_id(raw):
    assert courts.district(raw) is None


CIRCUIT_NAMES = {
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


def test_it_names_a_real_court_of_appeals_for_every_district():
    wrong = [
        (d.id, d.court_of_appeals)
        for d in courts.districts()
        if d.court_of_appeals
        != f"United States Court of Appeals for the {CIRCUIT_NAMES[CIRCUIT_OF[d.state]]} Circuit"
    ]

    assert wrong == []


@pytest.mark.parametrize(
    ("district_id", "circuit"),
    [
        ("ncmd", "Fourth"),
        ("dcd", "District of Columbia"),
        ("prd", "First"),
        ("gud", "Ninth"),
        ("nmid", "Ninth"),
        ("vid", "Third"),
        ("vtd", "Second"),
        ("txsd", "Fifth"),
    ],
)
def test_it_names_the_court_of_appeals_of_a_district(district_id, circuit):
    expected = f"United States Court of Appeals for the {circuit} Circuit"

    assert courts.district(district_id).court_of_appeals == expected


def test_it_gives_every_district_a_website():
    assert [d.id for d in courts.districts() if not d.url.startswith("http")] == []


def test_it_settles_filing_after_an_early_denial_only_in_the_3rd_and_4th_circuits():
    assert frozenset({"3", "4"}) == courts.CIRCUITS_FILING_AFTER_DENIAL_SETTLED


# -- facilities -----------------------------------------------------------------------------------


def test_it_has_the_union_of_the_facility_codes():
    codes = [f.code for f in courts.facilities()]

    assert len(codes) == 217
    assert len(set(codes)) == 217
    assert all(code == code.strip().upper() and code for code in codes)


@pytest.mark.parametrize(
    ("code", "display_name"),
    [
        ("BUT", "FCI Butner Medium I"),
        ("BTF", "FCI Butner Medium II"),
        ("BUH", "FMC Butner"),
        ("BUX", "FCC Butner"),
        ("COP", "USP Coleman I"),
        ("TRM", "FCI Terminal Island"),
        ("ALD", "FPC Alderson"),
        ("CRL", "RRM Raleigh"),
        ("SET", "FDC SeaTac"),
        ("MCD", "FCI McDowell"),
        ("SPG", "MCFP Springfield"),
        ("MXRO", "Mid-Atlantic Regional Office"),
        ("TOM", "FCI Thomson"),
    ],
)
def test_it_knows_current_facilities(code, display_name):
    found = courts.facility(code)

    assert found is not None
    assert found.current is True
    assert found.display_name == display_name


def test_it_marks_every_code_last_seen_before_2024_as_not_current():
    old = [f for f in courts.facilities() if f.last_seen and f.last_seen < "2024"]

    assert old  # there are such codes in the data
    assert [f.code for f in old if f.current] == []


def test_it_marks_a_code_seen_in_2024_as_current():
    seen = [f for f in courts.facilities() if f.last_seen.startswith("2024")]

    assert seen
    assert all(f.current for f in seen)


@pytest.mark.parametrize("raw", ["but", " BUT ", "But"])
def test_it_finds_a_facility_in_any_case(raw):
    assert courts.facility(raw).code == "BUT"


@pytest.mark.parametrize("raw", [None, "", "XXX", "Butner"])
def test_it_finds_no_facility_for_free_text_or_unknown_codes(raw):
    assert courts.facility(raw) is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("BUT", "but", True),
        ("Some  Jail", "some jail", True),
        ("BUT", "BUX", False),
        ("ATL", "USP Atlanta", True),
        ("TOM", "THOMSON USP", True),
        ("BUT", None, False),
        (None, None, False),
    ],
)
def test_it_compares_facility_values(a, b, same):
    assert courts.same_facility(a, b) is same


# -- attribution ----------------------------------------------------------------------------------


def test_it_keeps_a_readme_with_the_attribution_next_to_the_data():
    readme = (DATA / "README.md").read_text(encoding="utf-8")

    assert (DATA / "district-courts.json").is_file()
    assert (DATA / "bop-facilities.csv").is_file()
    for needed in (
        "courts-db",
        "Free Law Project",
        "BSD-2-Clause",
        "Data Liberation Project",
        "CC BY-SA 4.0",
        "district-courts.json",
        "bop-facilities.csv",
        "district-clerks.json",
        "public domain",
        "PACER",
    ):
        assert needed in readme, needed


def test_it_keeps_the_sources_it_converts_inside_the_project():
    for name in (
        "bop-addresses.csv",
        "bop-facility-codes.csv",
        "bop-facility-locations.csv",
        "district-clerks.json",
        "district-courts.json",
        "README.md",
    ):
        assert (DATA / "sources" / name).is_file(), name


def test_it_ships_the_courts_db_licence():
    licence = (DATA / "LICENSE-courts-db.txt").read_text(encoding="utf-8")

    assert "BSD 2-Clause" in licence
    assert "Free Law Project" in licence


# -- clerk's offices ------------------------------------------------------------------------------


def test_it_finds_a_clerks_office_for_every_district():
    missing = [d.id for d in courts.districts() if courts.clerk_office(d.id) is None]

    assert missing == []


def test_it_gives_every_clerks_office_a_street_and_town():
    for d in courts.districts():
        office = courts.clerk_office(d.id)

        assert len(office.address_lines) >= 2, d.id
        assert office.address_lines[-1].startswith(f"{office.address_lines[-1].split(',')[0]}, ")
        assert office.name == f"Clerk of Court, {d.name}"


@pytest.mark.parametrize(
    ("district_id", "division", "street"),
    [
        # The sentencing division's staffed office.
        ("nced", "Raleigh", "310 New Bern Ave."),
        ("nced", "Wilmington", "2 Princess St."),
        ("pamd", "Harrisburg", "228 Walnut Street, P.O. Box 983"),
        ("txsd", "Houston", "515 Rusk Avenue"),
        # "Western" names two offices; the unstaffed Fayetteville one is passed over.
        ("nced", "Western", "310 New Bern Ave."),
        # Durham's office is unstaffed: the district's first staffed office instead.
        ("ncmd", "Durham", "324 W. Market Street"),
        # No division, or one the court does not list: the headquarters.
        ("ncmd", None, "324 W. Market Street"),
        ("cacd", None, "350 W. 1st Street"),
        ("cacd", "Nowhere", "350 W. 1st Street"),
    ],
)
def test_it_chooses_the_office_a_motion_is_mailed_to(district_id, division, street):
    office = courts.clerk_office(district_id, division)

    assert street in office.address_lines


def test_it_never_chooses_an_office_said_to_be_unstaffed():
    for d in courts.districts():
        for division in ("", *d.divisions, "Fayetteville", "Durham", "Helena", "Nome"):
            office = courts.clerk_office(d.id, division)
            assert "not a staffed" not in office.division.lower()
            assert office.division not in ("Winston-Salem", "Durham"), (d.id, division)


def test_it_marks_offices_taken_from_outside_the_courts_own_listing():
    assert courts.clerk_office("vaed").verify is True
    assert courts.clerk_office("flsd").verify is True
    assert courts.clerk_office("nysd").verify is False


@pytest.mark.parametrize("raw", [None, "", "nyzd"])
def test_it_finds_no_clerks_office_for_an_unknown_district(raw):
    assert courts.clerk_office(raw) is None


# -- the one facility list ----------------------------------------------------------------------


def test_it_gives_every_current_facility_a_street_address_and_town():
    missing = [f.code for f in courts.facilities() if f.current and len(f.address_lines) < 2]

    assert missing == []


@pytest.mark.parametrize(
    ("code", "lines"),
    [
        ("BUT", ("Old NC Hwy 75", "Butner, NC 27509")),
        ("BUH", ("Old N. Carolina Hwy 75", "Butner, NC 27509")),
        ("COP", ("846 NE 54th Terrace", "Sumterville, FL 33521")),
        ("ALM", ("Rt 15, 2 Miles N of Allenwood", "White Deer, PA 17810")),
        ("FTD", ("5756 Hartford & Pointville Rd", "Joint Base MDL, NJ 08640")),
        ("LAT", ("8500 Doniphan Road", "Anthony, TX 79821")),
        ("CRL", ("Old NC 75 Highway", "Butner, NC 27509")),
        ("CBR", ("400 First Street NW, 5th Floor", "Washington, DC 20534")),
        (
            "SCRO",
            ("US Armed Forces Reserve Complex", "344 Marine Forces Dr", "Grand Prairie, TX 75051"),
        ),
        ("MXRO", ("302 Sentinel Drive", "Annapolis Junction, MD 20701")),
    ],
)
def test_it_knows_where_a_facility_is(code, lines):
    found = courts.facility(code)

    assert found.address_lines == lines
    assert found.address == ", ".join(lines)


def test_it_knows_the_phone_of_every_institution_and_office():
    without = [
        f.code
        for f in courts.facilities()
        if f.current and f.kind != "complex" and not re.fullmatch(r"\d{3}-\d{3}-\d{4}", f.phone)
    ]

    assert without == []


def test_it_has_every_reentry_and_regional_office_with_an_address():
    rrm = [f for f in courts.facilities() if f.current and f.is_reentry_office]
    regional = [f for f in courts.facilities() if f.current and f.kind == "regional_office"]

    assert len(rrm) == 22
    assert len(regional) == 6
    assert all(f.address_lines for f in rrm + regional)


def test_it_writes_no_raw_abbreviation_or_typo_in_a_name():
    typo = re.compile(r"Bostom|Johnsn|\bRo\b|\bMed\b|\bCorr\b|\bCtr\b|\bFac?l\b|\bDist\b|&AMP;")
    kinds = {"FCI", "USP", "AUSP", "FMC", "MCFP", "FPC", "FCC", "FDC", "MDC", "MCC", "FTC"}
    allowed_capitals = kinds | {"RRM", "CCM", "CI", "ADMAX", "II", "III", "D.", "W."}

    assert [f.display_name for f in courts.facilities() if typo.search(f.display_name)] == []
    shouting = [
        f.display_name
        for f in courts.facilities()
        for word in f.display_name.split()
        if len(word) > 1 and word.isupper() and word not in allowed_capitals
    ]
    assert shouting == []
    assert courts.facility("CBN").display_name == "RRM Boston"
    assert courts.facility("SEY").display_name == "FPC Seymour Johnson"
    assert courts.facility("MXRO").display_name == "Mid-Atlantic Regional Office"


def test_it_keeps_a_closed_facility_only_as_former():
    choices = courts.facility_choices()
    current = {code for code, _ in choices.current}
    former = {code for code, _ in choices.former}

    assert current.isdisjoint(former)
    assert current | former == {f.code for f in courts.facilities()}
    assert {"CBN", "SEY", "TAF"} <= former
    assert {"BUT", "BUH", "TOM", "CRL"} <= current


def test_it_lists_the_choices_by_place_with_the_town():
    labels = [label for _, label in courts.facility_choices().current]

    assert "FCI Butner Medium I, Butner, NC" in labels
    butner = [label for label in labels if "Butner" in label.split(",")[0]]
    assert butner == [
        "FCC Butner, Butner, NC",
        "FCI Butner Low, Butner, NC",
        "FCI Butner Medium I, Butner, NC",
        "FCI Butner Medium II, Butner, NC",
        "FMC Butner, Butner, NC",
    ]


def test_the_data_files_are_what_the_script_makes_from_the_sources(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "convert_reference_data", DATA.parent.parent / "scripts" / "convert_reference_data.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)

    script.write_csv(script.convert_facilities(), tmp_path / "bop-facilities.csv")
    made = json.dumps(script.convert_clerks(), indent=1, ensure_ascii=False) + "\n"

    assert (tmp_path / "bop-facilities.csv").read_bytes() == (
        DATA / "bop-facilities.csv"
    ).read_bytes()
    assert made == (DATA / "district-clerks.json").read_text(encoding="utf-8")
