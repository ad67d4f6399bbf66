"""Finding the prison: one search over the facility list, the same in Python and in the picker's
script (static/js/filter-select.js), by words in any order, prefixes, synonyms and codes."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from eligibility import courts
from eligibility.courts import search_facilities

SCRIPT = Path(settings.BASE_DIR) / "static" / "js" / "filter-select.js"


def names(query, **kwargs):
    return [f.display_name for f in search_facilities(query, **kwargs)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Butner medium", ["FCI Butner Medium I", "FCI Butner Medium II"]),
        ("medium butner", ["FCI Butner Medium I", "FCI Butner Medium II"]),
        ("butner med ii", ["FCI Butner Medium II"]),
        ("federal medical center butner", ["FMC Butner"]),
        ("medical center butner", ["FMC Butner"]),
        ("FMC Butner", ["FMC Butner"]),
        ("butner low", ["FCI Butner Low"]),
        ("butner complex", ["FCC Butner"]),
        ("butner camp", []),
        ("alderson prison camp", ["FPC Alderson"]),
        ("coleman penitentiary", ["USP Coleman I", "USP Coleman II"]),
        ("federal correctional institution coleman", ["FCI Coleman Low", "FCI Coleman Medium"]),
        ("halfway house raleigh", ["RRM Raleigh"]),
        ("residential reentry raleigh", ["RRM Raleigh"]),
        ("detention center miami", ["FDC Miami"]),
        ("metropolitan brooklyn", ["MDC Brooklyn"]),
        ("metropolitan chicago", ["MCC Chicago"]),
        ("ft dix", ["FCI Fort Dix"]),
        ("MÉDIUM BÚTNER", ["FCI Butner Medium I", "FCI Butner Medium II"]),
        ("centro médico butner", ["FMC Butner"]),
        ("terre haute penitentiary", ["USP Terre Haute"]),
        ("seatac", ["FDC SeaTac"]),
        ("mcdowell", ["FCI McDowell"]),
        ("mid-atlantic", ["Mid-Atlantic Regional Office"]),
        ("adx florence", ["USP Florence ADMAX"]),
    ],
)
def test_it_finds_facilities_by_the_words_people_use(query, expected):
    assert names(query) == expected


def test_a_synonym_stands_for_whole_words_only():
    # "metropolitan" is MDC or MCC, never the start of "McCreary".
    assert "USP McCreary" not in names("metropolitan")
    assert set(names("metropolitan")) == {
        "MDC Brooklyn",
        "MCC Chicago",
        "MDC Guaynabo",
        "MDC Los Angeles",
        "MCC New York",
        "MCC San Diego",
    }


def test_it_puts_a_code_typed_in_full_first():
    assert search_facilities("but")[0].code == "BUT"
    assert search_facilities("BUH")[0].code == "BUH"


def test_it_finds_a_facility_by_an_earlier_name_after_those_found_by_their_own():
    found = names("usp atlanta")

    assert found == ["FCI Atlanta"]
    assert names("atlanta")[0] == "FCI Atlanta"
    assert names("penitentiary")[-1] in {"FCI Atlanta", "FCI Thomson", "FCI Leavenworth"}


def test_it_offers_closed_facilities_only_when_asked():
    assert names("boston") == []
    assert names("boston", include_former=True) == ["RRM Boston"]
    assert names("seymour johnson", include_former=True) == ["FPC Seymour Johnson"]


@pytest.mark.parametrize("query", ["", "   ", "the", "-"])
def test_it_finds_nothing_for_an_empty_query(query):
    assert search_facilities(query) == []


def test_it_finds_every_current_facility_by_its_own_name_and_its_code():
    for f in courts.facilities():
        if f.current:
            assert f in search_facilities(f.display_name), f.code
            assert search_facilities(f.code)[0] == f


# -- the same search in the picker ----------------------------------------------------------------


def test_the_pickers_script_holds_the_same_tables():
    source = SCRIPT.read_text(encoding="utf-8")
    found = re.search(r"/\* search-tables:begin \*/(.*?)/\* search-tables:end \*/", source, re.S)
    tables = json.loads(found.group(1))

    assert tables["spelled_out"] == courts.SPELLED_OUT
    assert tables["synonyms"] == courts.SYNONYMS
    assert set(tables["ignored"]) == courts.IGNORED


QUERIES = [
    "Butner medium",
    "butner med",
    "federal medical center butner",
    "halfway house",
    "metropolitan",
    "usp atlanta",
    "MÉDIUM BÚTNER",
    "ft dix",
    "camp",
    "coleman pen",
    "centro de detención",
    "bu",
    "TRM",
]


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to run the script")
def test_the_pickers_script_finds_what_the_search_finds():
    program = """
    const {searchWords, queryTerms, matches} = require(process.argv[1]);
    const {options, queries} = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const found = {};
    for (const q of queries) {
      const terms = queryTerms(q);
      found[q] = options.filter(o => matches(terms, searchWords(o.search + " " + o.code)))
        .map(o => o.code);
    }
    process.stdout.write(JSON.stringify(found));
    """
    options = [{"code": f.code, "search": f.search_text} for f in courts.facilities()]
    out = subprocess.run(
        ["node", "-e", program, str(SCRIPT)],
        input=json.dumps({"options": options, "queries": QUERIES}),
        capture_output=True,
        text=True,
        check=True,
    )
    in_script = json.loads(out.stdout)

    for query in QUERIES:
        expected = {f.code for f in search_facilities(query, include_former=True)}
        assert set(in_script[query]) == expected, query
