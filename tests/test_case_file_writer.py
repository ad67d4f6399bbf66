"""The case-file writer: what the product exports reads back as the same facts."""

import json
from datetime import date
from pathlib import Path

import pytest

from eligibility.facts import (
    FORMAT,
    Appeal,
    CaseFacts,
    Ground,
    Person,
    Sentence,
    WardenRequest,
    dumps,
    loads,
    read_case,
)

# The scenarios the reader accepts: not those it must refuse (an "exit" expected).
SCENARIO_CASES = {
    path.stem: scenario["case"]
    for path in sorted((Path(__file__).parent / "scenarios").glob("*.json"))
    if (scenario := json.loads(path.read_text()))["case"].get("format") == FORMAT
    and "exit" not in scenario["expect"]
}


@pytest.mark.parametrize("case", SCENARIO_CASES.values(), ids=SCENARIO_CASES.keys())
def test_it_round_trips_every_readable_scenario(case):
    facts = read_case(case)
    assert loads(dumps(facts)) == facts


def test_it_keeps_unknown_request_grounds_apart_from_an_empty_list():
    facts = CaseFacts(
        warden_requests=(WardenRequest(grounds=None), WardenRequest(grounds=())),
    )
    data = json.loads(dumps(facts))
    assert data["warden_requests"][0]["grounds"] is None
    assert data["warden_requests"][1]["grounds"] == []
    assert loads(dumps(facts)) == facts


def test_it_writes_dates_as_iso_and_the_format_tag():
    facts = CaseFacts(
        person=Person(name="Ana <b>Ruiz</b>", date_of_birth=date(1950, 2, 28)),
        sentence=Sentence(life=True),
        grounds=(Ground("age", "Falls often"),),
        warden_requests=(
            WardenRequest(
                sent_on=date(2026, 9, 1),
                appeal=Appeal(final_denial_on=date(2026, 10, 1)),
            ),
        ),
    )
    data = json.loads(dumps(facts))
    assert data["format"] == FORMAT
    assert data["person"]["date_of_birth"] == "1950-02-28"
    assert data["person"]["name"] == "Ana <b>Ruiz</b>"
    assert data["warden_requests"][0]["appeal"]["final_denial_on"] == "2026-10-01"
    assert data["sentence"]["life"] is True
    assert loads(dumps(facts)) == facts
