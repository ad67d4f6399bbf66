"""Case files (JSON v1, docs/case-format.md) into and out of an organisation's workspace.

Import reads a file with the same reader as the `screen` and `draft` commands
(`eligibility.facts.loads`), then checks what the reader allows but the database cannot hold
(a name longer than its column, a NUL character PostgreSQL refuses, a term too large for its
column), so a bad file always ends as one `CaseFileError` naming the field, never a 500.
`create_case` is the inverse of `Case.to_facts`: exporting an imported case gives back the
same facts.

An exported file also carries, under "interview", the answers the case file v1 has no place for
(who is filling it in, the screening's other answers, the non-reasons, the papers each reason
has, the stages after the request) and a list of the uploaded documents, so a family
downloading its case gets everything we hold but the files themselves. Readers of v1 ignore the
section (case-format.md: extra fields are ignored); the import reads it back. How each
request's receipt is shown is the case file's own `warden_requests[].receipt_proof`; files
written before it was read from the section, and such a file's section is still read for it.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from eligibility import facts as casefile
from eligibility.facts import CaseFacts, CaseFileError
from eligibility.grounds import BY_ID, NOT_GROUNDS_BY_ID
from intake import stage_files, workspace
from intake.fields import MAX_LINES, without_invisible
from intake.models import (
    SCREENING_FIELDS,
    AuditAction,
    Case,
    CaseGround,
    CaseShare,
    CaseStatus,
    Membership,
    ReceiptProof,
    RequestGround,
    Role,
    ShareOrigin,
    TermKind,
    WardenRequest,
    YesNo,
)
from intake.steps import STEPS

MAX_BYTES = 1_000_000
EVIDENCE_NOTES_LENGTH = 1000  # as the grounds step allows
# The section of an exported case file with what the case file v1 has no place for.
INTERVIEW = "interview"
# PositiveIntegerField: the largest value every supported database stores.
LARGEST_TERM = 2_147_483_647

# Case-file text that goes into a column of limited length: (path, column).
_LIMITED = (
    ("person.name", Case, "person_name"),
    ("person.facility", Case, "facility"),
    ("person.unit", Case, "unit"),
    ("sentence.case_number", Case, "case_number"),
    ("sentence.judge", Case, "judge"),
    ("preparer.name", Case, "preparer_name"),
    ("preparer.relationship", Case, "preparer_relationship"),
    ("preparer.contact", Case, "preparer_contact"),
)


def read_upload(upload) -> tuple[CaseFacts, Interview]:
    """The facts of an uploaded case file and its interview section, or a CaseFileError that
    says what is wrong."""
    if upload.size > MAX_BYTES:
        raise CaseFileError("", "the file is larger than 1 MB, which no case file needs")
    text = upload.read()
    facts = casefile.loads(text)
    check_storable(facts)
    facts = _visible(facts)
    return facts, read_interview(json.loads(text).get(INTERVIEW), facts)


@dataclass(frozen=True)
class Interview:
    """The "interview" section of a case file, checked: values the case's columns take."""

    fields: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, tuple[list[str], str]] = field(default_factory=dict)
    receipt_proof: tuple[str, ...] = ()
    stages: tuple[dict, ...] = ()  # intake/stage_files.py


def read_interview(data: Any, facts: CaseFacts) -> Interview:
    """Check the section written by `export_text`; the documents' list is not read back (the
    files are not in the case file)."""
    if data is None:
        return Interview()
    section = _object(data, INTERVIEW)
    fields = {
        "preparer_role": _choice(section, "preparer_role", Role.values),
        "several_districts": _choice(section, "several_districts", YesNo.values),
        "transferred_supervision": _choice(section, "transferred_supervision", YesNo.values),
        "not_grounds": [
            _one_of(item, f"{INTERVIEW}.not_grounds[{i}]", NOT_GROUNDS_BY_ID)
            for i, item in enumerate(_list(section, "not_grounds"))
        ],
    }
    raised = {g.category for g in facts.grounds}
    evidence = {}
    for i, item in enumerate(_list(section, "grounds")):
        path = f"{INTERVIEW}.grounds[{i}]"
        ground = _object(item, path)
        category = _one_of(ground.get("category"), f"{path}.category", raised)
        papers = [
            _one_of(paper, f"{path}.evidence[{j}]", BY_ID[category].evidence_en)
            for j, paper in enumerate(_list(ground, "evidence", path))
        ]
        notes = _notes(ground.get("notes"), f"{path}.notes")
        evidence[category] = (list(dict.fromkeys(papers)), notes)
    requests = _list(section, "warden_requests")
    if len(requests) > len(facts.warden_requests):
        raise CaseFileError(f"{INTERVIEW}.warden_requests", "has more requests than the file")
    proofs = tuple(
        _OLD_PROOFS.get(proof, proof)
        for proof in (
            _choice(
                _object(r, f"{INTERVIEW}.warden_requests[{i}]"),
                "receipt_proof",
                (*ReceiptProof.values, *_OLD_PROOFS),
                f"{INTERVIEW}.warden_requests[{i}]",
            )
            for i, r in enumerate(requests)
        )
    )
    stages = stage_files.read(section.get("stages"), f"{INTERVIEW}.stages")
    return Interview(fields, evidence, proofs, stages)


# What files exported before the case file had `receipt_proof` called a value.
_OLD_PROOFS = {"stamped_copy": ReceiptProof.STAFF_STAMP}


def _notes(value: Any, path: str) -> str:
    """Text as the grounds step keeps it: control characters dropped, at most 1,000 characters,
    and nothing a page or a PDF cannot print (a lone surrogate, which JSON allows)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise CaseFileError(path, "must be text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise CaseFileError(path, "contains a character that is not valid text") from None
    value = without_invisible(value).strip()
    if len(value) > EVIDENCE_NOTES_LENGTH:
        raise CaseFileError(path, f"is longer than {EVIDENCE_NOTES_LENGTH} characters")
    return value


def _object(value: Any, path: str) -> dict:
    if not isinstance(value, dict):
        raise CaseFileError(path, "must be an object")
    return value


def _list(section: dict, key: str, path: str = INTERVIEW) -> list:
    value = section.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise CaseFileError(f"{path}.{key}", "must be a list")
    return value


def _one_of(value: Any, path: str, allowed) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise CaseFileError(path, f"is not one of the known values: {value!r:.60}")
    return value


def _choice(section: dict, key: str, allowed, path: str = INTERVIEW) -> str:
    """A choice column's value; "" for null or absent."""
    value = section.get(key)
    return "" if value is None else _one_of(value, f"{path}.{key}", allowed)


def check_storable(facts: CaseFacts) -> None:
    """Refuse what the reader accepts but a database column cannot keep."""
    data = casefile.to_json(facts)
    for path, value in _strings(data, ""):
        if "\x00" in value:
            raise CaseFileError(path, "contains a NUL character, which is not text")
        if len(value.splitlines()) > MAX_LINES:
            raise CaseFileError(path, f"has more than {MAX_LINES} lines")
    for path, model, column in _LIMITED:
        section, key = path.split(".")
        _check_length(path, data[section][key], model._meta.get_field(column).max_length)
    for i, request in enumerate(data["warden_requests"]):
        limit = WardenRequest._meta.get_field("facility").max_length
        _check_length(f"warden_requests[{i}].facility", request["facility"], limit)
    term = facts.sentence.term_months
    if term is not None and term > LARGEST_TERM:
        raise CaseFileError("sentence.term_months", f"{term} months is more than any sentence")


def _visible(value: Any) -> Any:
    """The facts without the invisible characters the interview's fields remove."""
    if isinstance(value, str):
        return without_invisible(value)
    if isinstance(value, tuple):
        return tuple(_visible(item) for item in value)
    if dataclasses.is_dataclass(value):
        changes = {f.name: _visible(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def _check_length(path: str, value: str | None, limit: int) -> None:
    if value is not None and len(value) > limit:
        raise CaseFileError(path, f"is longer than {limit} characters")


def _strings(value: Any, path: str):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


def _yes_no(value: bool | None) -> str:
    return {True: YesNo.YES, False: YesNo.NO}.get(value, "")


def _text(value: str | None) -> str:
    return value or ""


@transaction.atomic
def create_case(
    facts: CaseFacts,
    *,
    membership: Membership,
    today: date,
    source: str = "",
    interview: Interview | None = None,
) -> CaseShare:
    """A new case in the advocate's organisation holding exactly these facts."""
    case = build_case(facts, today=today, interview=interview)
    share = CaseShare.objects.create(
        case=case,
        organisation=membership.organisation,
        origin=ShareOrigin.IMPORTED,
        shared_by=membership.user,
        status=CaseStatus.NEW,
    )
    workspace.record(share, membership.user, AuditAction.IMPORTED, source)
    return share


@transaction.atomic
def build_case(
    facts: CaseFacts, *, today: date, interview: Interview | None = None, **fields
) -> Case:
    """A saved case (with its grounds and requests) whose `to_facts()` gives back `facts`,
    with the file's other interview answers; `fields` sets more of the case, such as its
    owner."""
    interview = interview or Interview()
    person, custody, sentence = facts.person, facts.custody, facts.sentence
    offense_date = custody.offense_date
    prior = facts.prior_motion
    case = Case(
        sentencing_court=_text(custody.sentencing_court),
        custody_status=_text(custody.status),
        offense_before_1987=_yes_no(custody.old_law),
        offense_ended_on=offense_date,
        appeal_pending=_yes_no(sentence.appeal_pending),
        prior_motion=YesNo.YES if prior.filed_on or prior.decided_on or prior.outcome else "",
        prior_motion_filed_on=prior.filed_on,
        prior_motion_decided_on=prior.decided_on,
        prior_motion_outcome=_text(prior.outcome),
        person_name=_text(person.name),
        register_number=_text(person.register_number),
        date_of_birth=person.date_of_birth,
        facility=_text(person.facility),
        unit=_text(person.unit),
        district=_text(sentence.district),
        case_number=_text(sentence.case_number),
        judge=_text(sentence.judge),
        imposed_on=sentence.imposed_on,
        term_kind=(
            TermKind.LIFE
            if sentence.life
            else TermKind.YEARS
            if sentence.term_months is not None
            else ""
        ),
        term_months=None if sentence.life else sentence.term_months,
        custody_began=sentence.custody_began,
        offense=_text(sentence.offense),
        projected_release=sentence.projected_release,
        requests_sent=YesNo.YES if facts.warden_requests else "",
        bop_motion=facts.bop_motion,
        preparer_name=_text(facts.preparer.name),
        preparer_relationship=_text(facts.preparer.relationship),
        preparer_contact=_text(facts.preparer.contact),
        **{name: _text(getattr(facts.release_plan, name)) for name in _RELEASE_PLAN},
        **{name: _text(getattr(facts.background, name)) for name in _BACKGROUND},
        **interview.fields,
        **fields,
    )
    # Every step holds what the file gave; what it left out shows as "Not answered".
    case.completed_steps = [s for s in STEPS if s != "request_details" or facts.warden_requests]
    case.current_step = "review"
    case.finished_at = timezone.now()
    case.save()
    CaseGround.objects.bulk_create(
        CaseGround(
            case=case,
            category=g.category,
            facts=g.facts,
            evidence=interview.evidence.get(g.category, ([], ""))[0],
            evidence_notes=interview.evidence.get(g.category, ([], ""))[1],
            change_in_law=_yes_no(g.change_in_law) if g.category == "other" else "",
        )
        for g in facts.grounds
    )
    for position, request in enumerate(facts.warden_requests):
        row = WardenRequest.objects.create(
            case=case,
            position=position,
            asked_for=_text(request.asked_for),
            sent_on=request.sent_on,
            method=_text(request.method),
            received_on=request.received_on,
            facility=_text(request.facility),
            grounds_known=request.grounds is not None,
            response=_text(request.response),
            response_on=request.response_on,
            bp9_on=request.appeal.bp9_on,
            bp10_on=request.appeal.bp10_on,
            bp11_on=request.appeal.bp11_on,
            final_denial_on=request.appeal.final_denial_on,
            receipt_proof=_receipt_proof(request, position, interview),
        )
        RequestGround.objects.bulk_create(
            RequestGround(request=row, category=g.category, facts=g.facts)
            for g in request.grounds or ()
        )
    stage_files.create(case, interview.stages)
    case.rescreen(today)
    case.save(update_fields=SCREENING_FIELDS)
    return case


def _receipt_proof(request: casefile.WardenRequest, position: int, interview: Interview) -> str:
    """The file's own `receipt_proof`; for a file written before it had one, the section's."""
    if request.receipt_proof is not None:
        return request.receipt_proof
    old = interview.receipt_proof
    return old[position] if position < len(old) else ""


_RELEASE_PLAN = ("residence", "household", "support", "medical_care", "medical_payment")
_BACKGROUND = ("programs", "work", "education", "conduct", "statement", "support_letters")


# -- export ---------------------------------------------------------------------------------


def file_name(case: Case, today: date, suffix: str = "") -> str:
    """'case-doe-2026-11-29.json', or with the case's id when several go in one zip."""
    words = case.person_name.split()
    last = unicodedata.normalize("NFKD", words[-1] if words else "").encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", last.decode().lower()).strip("-")
    parts = ["case", slug, suffix or today.isoformat()]
    return "-".join(p for p in parts if p) + ".json"


def export_text(case: Case) -> str:
    """The case file, with the interview's other answers and the documents' list."""
    data = casefile.to_json(case.to_facts())
    data[INTERVIEW] = interview_answers(case)
    return json.dumps(data, indent=2, ensure_ascii=False)


def interview_answers(case: Case) -> dict:
    """What the interview holds beyond the case file v1, as plain values (null: no answer).
    A document names its request by the request's index in `warden_requests`."""
    request_index = {r.pk: index for index, r in enumerate(case.warden_requests.all())}
    return {
        "preparer_role": case.preparer_role or None,
        "several_districts": case.several_districts or None,
        "transferred_supervision": case.transferred_supervision or None,
        "not_grounds": list(case.not_grounds),
        "grounds": [
            {"category": g.category, "evidence": list(g.evidence), "notes": g.evidence_notes}
            for g in case.grounds.all()
        ],
        "documents": [
            {
                "description": a.description,
                "supports": a.supports,
                "ground": a.ground or None,
                "request": request_index.get(a.request_id),
                "request_removed": a.supports == "request" and a.request_id is None,
                "role": a.request_role or None,
                "kind": a.kind,
                "type": a.content_type,
                "bytes": a.size,
                "sha256": a.sha256,
                "uploaded_at": a.uploaded_at.isoformat(timespec="seconds"),
            }
            for a in case.attachments.all()
        ],
        "stages": stage_files.export(case),
    }


def export_zip(cases: Iterable[Case], today: date) -> bytes:
    """One case file per case, named by last name and id so that no two collide."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for case in cases:
            archive.writestr(file_name(case, today, suffix=str(case.id)), export_text(case))
    return buffer.getvalue()
