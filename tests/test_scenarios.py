"""Every worked scenario in tests/scenarios/ through `python manage.py screen`, as a user runs it.

The files are identical copies of the project's reference scenarios (tests/scenarios/README.md
describes their shape); each is written to a temporary case file and screened by the command
itself, so the scenarios exercise the same code path as the command line.
"""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*.json"))


def run_screen(case_path: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("screen", str(case_path), *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_there_are_scenarios():
    assert len(SCENARIOS) >= 32


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_scenario(path, tmp_path):
    scenario = json.loads(path.read_text())
    case_path = tmp_path / "case.json"
    case_path.write_text(json.dumps(scenario["case"]))
    expect = scenario["expect"]

    code, out, err = run_screen(case_path, *scenario.get("args", []))

    if expect.get("exit") == 2:
        assert code == 2
        assert out == ""
        assert len(err.strip().splitlines()) == 1
        return
    assert code == 0, err
    result = json.loads(out)
    if "verdict" in expect:
        assert result["verdict"] == expect["verdict"]
    if "earliest_filing_date" in expect:
        assert result["earliest_filing_date"] == expect["earliest_filing_date"]
    if "unmatched_grounds" in expect:
        assert set(result["unmatched_grounds"]) == set(expect["unmatched_grounds"])
    if "partial_filing_date" in expect:
        assert result["partial_filing_date"] == expect["partial_filing_date"]
    if "partial_grounds" in expect:
        assert set(result["partial_grounds"]) == set(expect["partial_grounds"])
    found = {(f["rule"], f["status"], f.get("ground")) for f in result["findings"]}
    found_any_ground = {(f["rule"], f["status"]) for f in result["findings"]}
    for item in expect.get("has", []):
        if len(item) == 3:
            assert tuple(item) in found, item
        else:
            assert tuple(item) in found_any_ground, item
    for item in expect.get("lacks", []):
        if len(item) == 3:
            assert tuple(item) not in found, item
        else:
            assert tuple(item) not in found_any_ground, item
