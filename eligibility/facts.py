"""The typed facts of a case, and the reader of the case file (JSON v1).

Every other part of the product (the `screen` and `draft` commands, the interview, import and
export) turns its input into a `CaseFacts` and hands it to `eligibility.rules.screen`. Unknown
is `None`, never a guess. The reader refuses a bad file with one `CaseFileError` that names the
field and says what was wrong, so the commands can print one line instead of a traceback.

The format is described in docs/case-format.md.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eligibility import courts
from eligibility.grounds import GROUND_IDS

FORMAT = "compassionate-release-case/1"

SENTENCING_COURTS = ("federal_district", "state", "dc_superior", "court_martial")
CUSTODY_STATUSES = (
    "bop_facility",
    "rrc",
    "home_confinement",
    "contract_facility",
    "state_custody",
    "supervised_release",
    "probation",
    "pretrial",
    "immigration_detention",
)
REQUEST_KINDS = ("sentence_reduction", "home_confinement", "other")
DELIVERY_METHODS = ("hand_delivered", "electronic", "mail", "email", "fax")
RESPONSES = ("none", "denied", "approved")
# What shows the date the warden received a request; "none" makes a known date an estimate.
RECEIPT_PROOFS = (
    "warden_reply",
    "staff_stamp",
    "delivery_confirmation",
    "electronic_record",
    "none",
)
# How an earlier motion ended; None is read as "decided" (domain.md § 2 rule 8).
PRIOR_MOTION_OUTCOMES = ("decided", "dismissed_unexhausted")

# Caps on what one case file may hold (the reader refuses more, naming the field).
MAX_REQUESTS = 20
MAX_GROUNDS = len(GROUND_IDS)  # per list; a repeated id counts once
MAX_TEXT_CHARS = 10_000
MAX_TEXT_LINES = 200

REGISTER_NUMBER = re.compile(r"^\d{5}-\d{3}$")


class CaseFileError(ValueError):
    """A case file that cannot be read. `str()` is one line naming the field."""

    def __init__(self, field_path: str, problem: str):
        self.field = field_path
        self.problem = problem
        super().__init__(f"{field_path}: {problem}" if field_path else problem)


@dataclass(frozen=True)
class Ground:
    """One extraordinary and compelling reason, as raised in the motion or in a request."""

    category: str
    facts: str = ""
    # Only meaningful on "other": the reason offered is a change in the law (USSG §1B1.13(c)).
    change_in_law: bool | None = None


@dataclass(frozen=True)
class Appeal:
    """The BOP administrative appeals of a refusal (28 C.F.R. part 542)."""

    bp9_on: date | None = None
    bp10_on: date | None = None
    bp11_on: date | None = None
    # A BP-11 denial, or a final General Counsel/Director denial, received: path B is complete.
    final_denial_on: date | None = None


@dataclass(frozen=True)
class WardenRequest:
    sent_on: date | None = None
    asked_for: str | None = None
    method: str | None = None
    received_on: date | None = None
    # What shows `received_on` (RECEIPT_PROOFS); None: not asked, read as proven.
    receipt_proof: str | None = None
    facility: str | None = None
    # None: we do not know what the request listed. (): it listed nothing we can match.
    grounds: tuple[Ground, ...] | None = None
    response: str | None = None
    response_on: date | None = None
    appeal: Appeal = field(default_factory=Appeal)


@dataclass(frozen=True)
class Person:
    name: str | None = None
    register_number: str | None = None
    date_of_birth: date | None = None
    facility: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Custody:
    sentencing_court: str | None = None
    status: str | None = None
    offense_date: date | None = None
    # Did the offense end before 1987-11-01? Used when offense_date is unknown; a date decides.
    old_law: bool | None = None


@dataclass(frozen=True)
class Sentence:
    district: str | None = None
    case_number: str | None = None
    judge: str | None = None
    imposed_on: date | None = None
    term_months: int | None = None
    life: bool = False
    custody_began: date | None = None
    offense: str | None = None
    appeal_pending: bool | None = None
    projected_release: date | None = None


@dataclass(frozen=True)
class PriorMotion:
    filed_on: date | None = None
    decided_on: date | None = None
    outcome: str | None = None  # PRIOR_MOTION_OUTCOMES; None is read as "decided"


@dataclass(frozen=True)
class ReleasePlan:
    residence: str | None = None
    household: str | None = None
    support: str | None = None
    medical_care: str | None = None
    medical_payment: str | None = None


@dataclass(frozen=True)
class Background:
    programs: str | None = None
    work: str | None = None
    education: str | None = None
    conduct: str | None = None
    statement: str | None = None
    support_letters: str | None = None


@dataclass(frozen=True)
class Preparer:
    name: str | None = None
    relationship: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class CaseFacts:
    person: Person = field(default_factory=Person)
    custody: Custody = field(default_factory=Custody)
    sentence: Sentence = field(default_factory=Sentence)
    grounds: tuple[Ground, ...] = ()
    warden_requests: tuple[WardenRequest, ...] = ()
    bop_motion: bool = False
    prior_motion: PriorMotion = field(default_factory=PriorMotion)
    release_plan: ReleasePlan = field(default_factory=ReleasePlan)
    background: Background = field(default_factory=Background)
    preparer: Preparer = field(default_factory=Preparer)
    as_of: date | None = None


def normalise_register_number(raw: str) -> str | None:
    """'12345678', '12345 678' and '12345-678' all become '12345-678'; anything else is None."""
    compact = re.sub(r"\s+", "", raw)
    if re.fullmatch(r"\d{8}", compact):
        compact = f"{compact[:5]}-{compact[5:]}"
    return compact if REGISTER_NUMBER.match(compact) else None


def parse_date(raw: str) -> date | None:
    """A real calendar date written YYYY-MM-DD, or None."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


def loads(text: str | bytes) -> CaseFacts:
    """Read a case file's text. Raises CaseFileError for anything that is not a valid v1 file."""
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CaseFileError("", f"the file is not valid JSON ({exc})") from None
    except RecursionError:
        raise CaseFileError("", "the file is nested too deeply to be a case") from None
    return read_case(data)


def load_file(path: str) -> CaseFacts:
    """Read a case file from disk; an unreadable file is a CaseFileError too."""
    try:
        with open(path, "rb") as f:
            text = f.read()
    except OSError as exc:
        raise CaseFileError("", f"cannot read the file ({exc.strerror})") from None
    return loads(text)


def as_of_for(facts: CaseFacts, option: str | None, today: date) -> date:
    """The day to screen for: the command line's --as-of wins, then the file's, then today.

    A date that cannot be true on that day (case-format.md, "Also refused") is a CaseFileError
    naming the field, so every command that screens or drafts a file refuses it the same way.
    """
    if option is not None:
        parsed = parse_date(option.strip())
        if parsed is None:
            raise CaseFileError("--as-of", f"{option!r} is not a real date written YYYY-MM-DD")
        day = parsed
    else:
        day = facts.as_of or today
    check_dates(facts, day)
    return day


def read_case(data: Any) -> CaseFacts:
    """Build CaseFacts from the parsed JSON of a case file.

    Dates that contradict each other are refused here; dates after the screening day are
    refused once that day is known (`as_of_for`, or `check_dates`).
    """
    facts = _Reader(data).case()
    check_dates(facts, None)
    return facts


# -- dates that cannot be true -------------------------------------------------------------------


@dataclass(frozen=True)
class DateProblem:
    """One impossible date: `field` is its case-file path, `code` what is wrong with it."""

    field: str
    code: str  # one of DATE_PROBLEM_CODES


DATE_PROBLEM_CODES = (
    "received_before_sent",
    "response_before_received",
    "after_today",
    "imposed_before_offense",
    "old_law_contradicts_offense_date",
)

_DATE_PROBLEM_TEXT = {
    "received_before_sent": "the request cannot be received before it was sent",
    "response_before_received": "the warden cannot answer before receiving the request",
    "after_today": "the date is after the screening date ({as_of})",
    "imposed_before_offense": "the sentence cannot be imposed before the offense ended",
    "old_law_contradicts_offense_date": "contradicts custody.offense_date (a date decides)",
}


def check_request_dates(
    sent_on: date | None,
    received_on: date | None,
    response_on: date | None,
    as_of: date | None,
    *,
    prefix: str = "",
) -> list[DateProblem]:
    """The impossible dates of one warden request (fields named `prefix` + field name)."""
    out: list[DateProblem] = []
    for name, day in (("sent_on", sent_on), ("received_on", received_on)):
        if as_of is not None and day is not None and day > as_of:
            out.append(DateProblem(prefix + name, "after_today"))
    if sent_on is not None and received_on is not None and received_on < sent_on:
        out.append(DateProblem(prefix + "received_on", "received_before_sent"))
    if as_of is not None and response_on is not None and response_on > as_of:
        out.append(DateProblem(prefix + "response_on", "after_today"))
    if received_on is not None and response_on is not None and response_on < received_on:
        out.append(DateProblem(prefix + "response_on", "response_before_received"))
    return out


def check_old_law(offense_date: date | None, old_law: bool | None) -> list[DateProblem]:
    """An old-law answer that the offense date contradicts (1987-11-01 is new law)."""
    from eligibility.rules import NEW_LAW_BEGINS  # the rules own the date; they import this module

    if offense_date is None or old_law is None:
        return []
    if old_law != (offense_date < NEW_LAW_BEGINS):
        return [DateProblem("custody.old_law", "old_law_contradicts_offense_date")]
    return []


def date_problems(facts: CaseFacts, as_of: date | None) -> list[DateProblem]:
    """Every date in the case that cannot be true (case-format.md, "Also refused with exit 2").

    With `as_of` None only the dates that contradict each other are checked.
    """
    out: list[DateProblem] = []

    def not_after_today(path: str, day: date | None) -> None:
        if as_of is not None and day is not None and day > as_of:
            out.append(DateProblem(path, "after_today"))

    not_after_today("person.date_of_birth", facts.person.date_of_birth)
    out += check_old_law(facts.custody.offense_date, facts.custody.old_law)
    imposed, offense = facts.sentence.imposed_on, facts.custody.offense_date
    not_after_today("sentence.imposed_on", imposed)
    if imposed is not None and offense is not None and imposed < offense:
        out.append(DateProblem("sentence.imposed_on", "imposed_before_offense"))
    not_after_today("sentence.custody_began", facts.sentence.custody_began)
    for i, r in enumerate(facts.warden_requests):
        where = f"warden_requests[{i}]."
        out += check_request_dates(r.sent_on, r.received_on, r.response_on, as_of, prefix=where)
        for key in ("bp9_on", "bp10_on", "bp11_on", "final_denial_on"):
            not_after_today(f"{where}appeal.{key}", getattr(r.appeal, key))
    return out


def date_problem_text(problem: DateProblem, as_of: date | None = None) -> str:
    """The problem in the command line's words (English, one line)."""
    day = as_of.isoformat() if as_of else "today"
    return _DATE_PROBLEM_TEXT[problem.code].format(as_of=day)


def check_dates(facts: CaseFacts, as_of: date | None) -> None:
    """Raise CaseFileError for the first impossible date, naming its field."""
    problems = date_problems(facts, as_of)
    if problems:
        first = problems[0]
        raise CaseFileError(first.field, date_problem_text(first, as_of))


class _Reader:
    """Walks the parsed JSON, checking each value's type and set as it goes."""

    def __init__(self, data: Any):
        self.data = data

    def case(self) -> CaseFacts:
        if not isinstance(self.data, dict):
            raise CaseFileError("", "the file must hold one JSON object (a case)")
        fmt = self.data.get("format")
        if fmt != FORMAT:
            # Escaped to ASCII: a U+0085 or U+2028 in the value would break the one-line message.
            raise CaseFileError("format", f'must be "{FORMAT}" (found {json.dumps(fmt)[:60]})')
        d = self.data
        return CaseFacts(
            as_of=self.date(d, "as_of", "as_of"),
            person=self.person(self.obj(d, "person", "person")),
            custody=self.custody(self.obj(d, "custody", "custody")),
            sentence=self.sentence(self.obj(d, "sentence", "sentence")),
            grounds=self.grounds(d.get("grounds"), "grounds") or (),
            warden_requests=self.requests(d.get("warden_requests")),
            bop_motion=self.bool(d, "bop_motion", "bop_motion") or False,
            prior_motion=self.prior_motion(self.obj(d, "prior_motion", "prior_motion")),
            release_plan=ReleasePlan(
                **self.strings(
                    self.obj(d, "release_plan", "release_plan"),
                    "release_plan",
                    ("residence", "household", "support", "medical_care", "medical_payment"),
                )
            ),
            background=Background(
                **self.strings(
                    self.obj(d, "background", "background"),
                    "background",
                    ("programs", "work", "education", "conduct", "statement", "support_letters"),
                )
            ),
            preparer=Preparer(
                **self.strings(
                    self.obj(d, "preparer", "preparer"),
                    "preparer",
                    ("name", "relationship", "contact"),
                )
            ),
        )

    # -- sections ------------------------------------------------------------------------

    def person(self, d: dict) -> Person:
        register = self.str(d, "register_number", "person.register_number")
        if register is not None:
            normalised = normalise_register_number(register)
            if normalised is None:
                raise CaseFileError(
                    "person.register_number",
                    f"{register!r} is not a register number like 12345-678",
                )
            register = normalised
        return Person(
            name=self.str(d, "name", "person.name"),
            register_number=register,
            date_of_birth=self.date(d, "date_of_birth", "person.date_of_birth"),
            facility=self.str(d, "facility", "person.facility"),
            unit=self.str(d, "unit", "person.unit"),
        )

    def custody(self, d: dict) -> Custody:
        return Custody(
            sentencing_court=self.choice(
                d, "sentencing_court", "custody.sentencing_court", SENTENCING_COURTS
            ),
            status=self.choice(d, "status", "custody.status", CUSTODY_STATUSES),
            offense_date=self.date(d, "offense_date", "custody.offense_date"),
            old_law=self.bool(d, "old_law", "custody.old_law"),
        )

    def sentence(self, d: dict) -> Sentence:
        district = self.str(d, "district", "sentence.district")
        if district is not None and courts.district(district) is None:
            raise CaseFileError(
                "sentence.district", f"{district!r} is not a U.S. district court id (e.g. nysd)"
            )
        term = d.get("term_months")
        if term is not None and (isinstance(term, bool) or not isinstance(term, int) or term < 1):
            raise CaseFileError(
                "sentence.term_months",
                f"must be a whole number of months, 1 or more (found {term!r})",
            )
        life = self.bool(d, "life", "sentence.life") or False
        if life and term is not None:
            raise CaseFileError("sentence", 'give either "term_months" or "life": true, not both')
        return Sentence(
            district=district,
            case_number=self.str(d, "case_number", "sentence.case_number"),
            judge=self.str(d, "judge", "sentence.judge"),
            imposed_on=self.date(d, "imposed_on", "sentence.imposed_on"),
            term_months=term,
            life=life,
            custody_began=self.date(d, "custody_began", "sentence.custody_began"),
            offense=self.str(d, "offense", "sentence.offense"),
            appeal_pending=self.bool(d, "appeal_pending", "sentence.appeal_pending"),
            projected_release=self.date(d, "projected_release", "sentence.projected_release"),
        )

    def grounds(self, value: Any, path: str) -> tuple[Ground, ...] | None:
        if value is None:
            return None
        if not isinstance(value, list):
            raise CaseFileError(path, "must be a list of grounds")
        seen: dict[str, Ground] = {}
        for i, item in enumerate(value):
            where = f"{path}[{i}]"
            change_in_law = None
            if isinstance(item, str):
                category, facts = item, ""
            elif isinstance(item, dict):
                category = item.get("category")
                if not isinstance(category, str):
                    raise CaseFileError(f"{where}.category", "must name a ground id")
                facts = self.str(item, "facts", f"{where}.facts") or ""
                change_in_law = self.bool(item, "change_in_law", f"{where}.change_in_law")
            else:
                raise CaseFileError(where, "must be a ground id or an object with a category")
            if category not in GROUND_IDS:
                raise CaseFileError(
                    f"{where}.category" if isinstance(item, dict) else where,
                    f"{category!r} is not a ground id ({', '.join(GROUND_IDS)})",
                )
            if category in seen:
                # A repeated ground counts once; keep whatever facts and answer were given.
                before = seen[category]
                seen[category] = Ground(
                    category,
                    before.facts or facts,
                    before.change_in_law if before.change_in_law is not None else change_in_law,
                )
                continue
            seen[category] = Ground(category, facts, change_in_law)
        return tuple(seen.values())

    def requests(self, value: Any) -> tuple[WardenRequest, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise CaseFileError("warden_requests", "must be a list of requests")
        if len(value) > MAX_REQUESTS:
            raise CaseFileError(
                "warden_requests", f"at most {MAX_REQUESTS} requests (found {len(value)})"
            )
        out = []
        for i, item in enumerate(value):
            where = f"warden_requests[{i}]"
            if not isinstance(item, dict):
                raise CaseFileError(where, "must be an object")
            appeal = self.obj(item, "appeal", f"{where}.appeal")
            out.append(
                WardenRequest(
                    sent_on=self.date(item, "sent_on", f"{where}.sent_on"),
                    asked_for=self.choice(item, "asked_for", f"{where}.asked_for", REQUEST_KINDS),
                    method=self.choice(item, "method", f"{where}.method", DELIVERY_METHODS),
                    received_on=self.date(item, "received_on", f"{where}.received_on"),
                    receipt_proof=self.choice(
                        item, "receipt_proof", f"{where}.receipt_proof", RECEIPT_PROOFS
                    ),
                    facility=self.str(item, "facility", f"{where}.facility"),
                    grounds=self.grounds(item.get("grounds"), f"{where}.grounds"),
                    response=self.choice(item, "response", f"{where}.response", RESPONSES),
                    response_on=self.date(item, "response_on", f"{where}.response_on"),
                    appeal=Appeal(
                        **{
                            key: self.date(appeal, key, f"{where}.appeal.{key}")
                            for key in ("bp9_on", "bp10_on", "bp11_on", "final_denial_on")
                        }
                    ),
                )
            )
        return tuple(out)

    def prior_motion(self, d: dict) -> PriorMotion:
        return PriorMotion(
            filed_on=self.date(d, "filed_on", "prior_motion.filed_on"),
            decided_on=self.date(d, "decided_on", "prior_motion.decided_on"),
            outcome=self.choice(d, "outcome", "prior_motion.outcome", PRIOR_MOTION_OUTCOMES),
        )

    # -- values --------------------------------------------------------------------------

    @staticmethod
    def obj(d: dict, key: str, path: str) -> dict:
        value = d.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise CaseFileError(path, "must be an object")
        return value

    @staticmethod
    def str(d: dict, key: str, path: str) -> str | None:
        value = d.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise CaseFileError(path, f"must be text (found {json.dumps(value)[:40]})")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            # JSON allows "\ud800" on its own, but no document or page can print it.
            raise CaseFileError(path, "contains a character that is not valid text") from None
        value = value.strip()
        if len(value) > MAX_TEXT_CHARS:
            raise CaseFileError(path, f"is too long: at most {MAX_TEXT_CHARS:,} characters")
        if len(value.splitlines()) > MAX_TEXT_LINES:
            raise CaseFileError(path, f"has too many lines: at most {MAX_TEXT_LINES}")
        return value or None

    def strings(self, d: dict, path: str, keys: tuple[str, ...]) -> dict[str, str | None]:
        return {key: self.str(d, key, f"{path}.{key}") for key in keys}

    @staticmethod
    def bool(d: dict, key: str, path: str) -> bool | None:
        value = d.get(key)
        if value is None:
            return None
        if not isinstance(value, bool):
            raise CaseFileError(path, f"must be true or false (found {json.dumps(value)[:40]})")
        return value

    @staticmethod
    def date(d: dict, key: str, path: str) -> date | None:
        value = d.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise CaseFileError(path, f"must be a date written YYYY-MM-DD (found {value!r})")
        parsed = parse_date(value.strip())
        if parsed is None:
            raise CaseFileError(path, f"{value!r} is not a real date written YYYY-MM-DD")
        return parsed

    @staticmethod
    def choice(d: dict, key: str, path: str, allowed: tuple[str, ...]) -> str | None:
        value = d.get(key)
        if value is None:
            return None
        if value not in allowed:
            raise CaseFileError(
                path, f"{json.dumps(value)[:40]} is not one of: {', '.join(allowed)}"
            )
        return value


# -- writing ---------------------------------------------------------------------------------


def to_json(facts: CaseFacts) -> dict:
    """The case file (v1) for these facts: what `read_case` reads back into equal facts."""

    def plain(obj: Any) -> Any:
        if isinstance(obj, date):
            return obj.isoformat()
        if isinstance(obj, tuple | list):
            return [plain(item) for item in obj]
        if hasattr(obj, "__dataclass_fields__"):
            return {name: plain(getattr(obj, name)) for name in obj.__dataclass_fields__}
        return obj

    out: dict[str, Any] = {"format": FORMAT}
    for name in CaseFacts.__dataclass_fields__:
        out[name] = plain(getattr(facts, name))
    return out


def dumps(facts: CaseFacts) -> str:
    return json.dumps(to_json(facts), indent=2, ensure_ascii=False)
