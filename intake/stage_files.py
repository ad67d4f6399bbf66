"""The case's stages in a case file: the `stages` list of the `interview` section
(intake/casefiles.py), written on export and checked on import like the rest of the file, so a
bad list ends as one CaseFileError naming the field, never a 500.

Each stage: {"kind", "on" (ISO date), "outcome" (a decision only), "reply_due_on" (the
government's response only, the date in the court's order), "objections" (the response only:
{objection id: the answer in the person's words})}.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eligibility import after_filing
from eligibility.facts import CaseFileError
from intake import clock
from intake.fields import CONTROL_CHARACTERS
from intake.stages import CaseStage

ANSWER_LENGTH = 5000  # as the reply form allows
MAX_STAGES = 100


def export(case) -> list[dict]:
    return [
        {
            "kind": s.kind,
            "on": s.on.isoformat(),
            "outcome": s.outcome or None,
            "reply_due_on": s.reply_due_on.isoformat() if s.reply_due_on else None,
            "objections": dict(s.objections),
        }
        for s in case.stages.all()
    ]


def read(value: Any, path: str) -> tuple[dict, ...]:
    """The stages of the section, checked: known kinds, real dates not after today, in an order
    that can happen, an outcome for each decision, answers the reply form could hold."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise CaseFileError(path, "must be a list")
    if len(value) > MAX_STAGES:
        raise CaseFileError(path, f"has more than {MAX_STAGES} stages")
    stages: list[after_filing.Stage] = []
    rows: list[dict] = []
    for i, item in enumerate(value):
        where = f"{path}[{i}]"
        if not isinstance(item, dict):
            raise CaseFileError(where, "must be an object")
        kind = item.get("kind")
        if kind not in after_filing.STAGE_KINDS:
            raise CaseFileError(f"{where}.kind", f"is not one of the known values: {kind!r:.60}")
        on = _date(item.get("on"), f"{where}.on")
        if on is None:
            raise CaseFileError(f"{where}.on", "is missing")
        outcome = item.get("outcome")
        if kind == after_filing.DECIDED and outcome not in after_filing.OUTCOMES:
            raise CaseFileError(
                f"{where}.outcome", f"is not one of the known values: {outcome!r:.60}"
            )
        row = {
            "kind": kind,
            "on": on,
            "outcome": outcome if kind == after_filing.DECIDED else "",
            "reply_due_on": None,
            "objections": {},
        }
        if kind == after_filing.RESPONSE:
            row["reply_due_on"] = _date(
                item.get("reply_due_on"), f"{where}.reply_due_on", future=True
            )
            row["objections"] = _objections(item.get("objections"), f"{where}.objections")
        stage = after_filing.Stage(kind, on)
        if after_filing.order_problem(stages, stage):
            raise CaseFileError(f"{where}.on", "is before the stage it must follow")
        stages.append(stage)
        rows.append(row)
    return tuple(rows)


def create(case, rows: tuple[dict, ...]) -> None:
    CaseStage.objects.bulk_create(CaseStage(case=case, **row) for row in rows)


def _date(value: Any, path: str, *, future: bool = False) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise CaseFileError(path, "must be a date written YYYY-MM-DD")
    if not future and day > clock.today():
        raise CaseFileError(path, "is after today")
    return day


def _objections(value: Any, path: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise CaseFileError(path, "must be an object")
    out = {}
    for key in after_filing.OBJECTION_IDS:
        text = value.get(key)
        if text is None:
            continue
        if not isinstance(text, str):
            raise CaseFileError(f"{path}.{key}", "must be text")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise CaseFileError(
                f"{path}.{key}", "contains a character that is not valid text"
            ) from None
        text = CONTROL_CHARACTERS.sub("", text).strip()
        if len(text) > ANSWER_LENGTH:
            raise CaseFileError(f"{path}.{key}", f"is longer than {ANSWER_LENGTH} characters")
        if text:
            out[key] = text
    unknown = set(value) - set(after_filing.OBJECTION_IDS)
    if unknown:
        raise CaseFileError(f"{path}.{sorted(unknown)[0]:.40}", "is not a known objection")
    return out
