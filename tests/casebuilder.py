"""A small builder of case-file dicts (docs/case-format.md, v1) for table-driven tests.

`case()` is a complete, federal-eligible case that screens `ready_to_file` on `AS_OF`: one
terminal-illness ground, one hand-delivered request received on `RECEIVED` (so the earliest
filing date is `READY_ON`, receipt + 31 days). Every keyword replaces a top-level section; a
dict for `person`, `custody` or `sentence` is merged into the default section, so a test names
only what it changes:

    case(custody={"status": "rrc"}, warden_requests=[request(received_on=None)])

`None` as a merged value writes JSON null (unknown); `DROP` removes the key altogether.
`screen_case()` reads the dict with the real reader and screens it, so every test goes through
the same code path as the `screen` command.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from typing import Any

from eligibility.facts import read_case
from eligibility.rules import Finding, Screening, screen

FORMAT = "compassionate-release-case/1"
AS_OF = date(2026, 11, 29)
RECEIVED = date(2026, 9, 1)
READY_ON = date(2026, 10, 2)  # RECEIVED + 31 days

VERDICTS = (
    "not_eligible",
    "needs_information",
    "no_qualifying_ground",
    "needs_warden_request",
    "new_request_needed",
    "waiting",
    "ready_to_file",
)

DROP = object()  # a marker: leave this key out of the file
DEFAULT = object()  # a marker: use the builder's default


def iso(d: date | str | None) -> str | None:
    if d is None or isinstance(d, str):
        return d
    return d.isoformat()


def day(text: str) -> date:
    return date.fromisoformat(text)


def plus(d: date | str, days: int) -> date:
    return (day(d) if isinstance(d, str) else d) + timedelta(days=days)


def ground(category: str, facts: str | None = "The facts the warden was told.") -> dict:
    """A ground as an object; `facts=None` leaves the facts out."""
    out: dict[str, Any] = {"category": category}
    if facts is not None:
        out["facts"] = facts
    return out


def grounds(*categories: str) -> list[dict]:
    return [ground(c) for c in categories]


def request(
    *,
    received_on: date | str | None = RECEIVED,
    sent_on: date | str | None = RECEIVED,
    method: str | None = "hand_delivered",
    asked_for: str | None = "sentence_reduction",
    facility: str | None = "BUT",
    covering: tuple[str, ...] = ("medical_terminal",),
    listed: Any = DEFAULT,
    response: str | None = "none",
    response_on: date | str | None = None,
    final_denial_on: date | str | None = None,
    bp9_on: date | str | None = None,
    bp10_on: date | str | None = None,
    bp11_on: date | str | None = None,
    receipt_proof: Any = DROP,
) -> dict:
    """One warden request. `covering` names the grounds it raised, each with facts; `listed`
    replaces the request's whole `grounds` value instead (`None` for unknown, `[]`, plain ids).
    """
    if listed is DEFAULT:
        listed = grounds(*covering)
    out = {
        "sent_on": iso(sent_on),
        "asked_for": asked_for,
        "method": method,
        "received_on": iso(received_on),
        "facility": facility,
        "grounds": listed,
        "response": response,
        "response_on": iso(response_on),
        "appeal": {
            "bp9_on": iso(bp9_on),
            "bp10_on": iso(bp10_on),
            "bp11_on": iso(bp11_on),
            "final_denial_on": iso(final_denial_on),
        },
    }
    if receipt_proof is not DROP:
        out["receipt_proof"] = receipt_proof
    return out


def base_case() -> dict:
    return {
        "format": FORMAT,
        "as_of": iso(AS_OF),
        "person": {
            "name": "Robert Example",
            "register_number": "12345-678",
            "date_of_birth": "1960-05-05",
            "facility": "BUT",
        },
        "custody": {
            "sentencing_court": "federal_district",
            "status": "bop_facility",
            "offense_date": "2012-03-01",
        },
        "sentence": {
            "district": "nysd",
            "case_number": "1:12-cr-00123-ABC",
            "judge": "Hon. Example",
            "imposed_on": "2013-05-01",
            "term_months": 240,
            "life": False,
            "custody_began": "2012-03-15",
            "offense": "Conspiracy to distribute a controlled substance",
            "appeal_pending": False,
        },
        "grounds": [ground("medical_terminal", "Metastatic prostate cancer, diagnosed 2026.")],
        "warden_requests": [request()],
        "bop_motion": False,
        "prior_motion": {"filed_on": None, "decided_on": None},
    }


MERGED = ("person", "custody", "sentence", "prior_motion")


def case(**sections: Any) -> dict:
    """The base case with sections replaced (or, for MERGED sections given a dict, merged)."""
    out = base_case()
    for key, value in sections.items():
        if value is DROP:
            out.pop(key, None)
        elif key in MERGED and isinstance(value, dict):
            merged = dict(out.get(key) or {})
            for k, v in value.items():
                if v is DROP:
                    merged.pop(k, None)
                else:
                    merged[k] = iso(v) if isinstance(v, date) else v
            out[key] = merged
        else:
            out[key] = iso(value) if isinstance(value, date) else copy.deepcopy(value)
    return out


def screen_case(data: dict, as_of: date | None = None) -> Screening:
    """Read the dict as the command would (through JSON) and screen it on `as_of`."""
    facts = read_case(json.loads(json.dumps(data)))
    return screen(facts, as_of or facts.as_of or AS_OF)


def findings(result: Screening, rule: str, ground_: str | None = None) -> list[Finding]:
    return [
        f for f in result.findings if f.rule == rule and (ground_ is None or f.ground == ground_)
    ]


def statuses(result: Screening, rule: str, ground_: str | None = None) -> set[str]:
    return {f.status for f in findings(result, rule, ground_)}


def only(result: Screening, rule: str, ground_: str | None = None) -> Finding:
    """The single finding of a rule; fails the test when there are none or several."""
    found = findings(result, rule, ground_)
    assert len(found) == 1, (rule, ground_, [(f.status, f.message) for f in result.findings])
    return found[0]


def messages(result: Screening, rule: str | None = None) -> str:
    return "\n".join(f.message for f in result.findings if rule is None or f.rule == rule)
