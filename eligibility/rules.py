"""The screening rules: findings and a verdict for one case on one day.

Pure functions over `CaseFacts`; no database, no HTTP. The law is docs/domain.md (the section of
each rule is named in its docstring) and the exact behaviour where a reader could hesitate is in
docs/case-format.md. Tests: tests/test_rules_*.py and the scenarios in tests/scenarios/.

`screen(facts, as_of)` is the only entry point the rest of the product uses. Messages are made
with gettext, so they read in the active language (Spanish: eligibility/locale/es); the `screen`
command and the drafts run in English.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from math import ceil

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext_noop

from eligibility import courts
from eligibility.facts import CaseFacts, WardenRequest
from eligibility.grounds import BY_ID, same_family
from eligibility.i18n import gettext as _
from eligibility.i18n import ngettext, screening_language
from eligibility.words import days, duration, long_date, months_as_words, short_date

PASS, FAIL, WARN, UNKNOWN = "pass", "fail", "warn", "unknown"

VERDICTS = (
    "not_eligible",
    "needs_information",
    "no_qualifying_ground",
    "needs_warden_request",
    "new_request_needed",
    "waiting",
    "ready_to_file",
)

NEW_LAW_BEGINS = date(1987, 11, 1)  # Sentencing Reform Act: offenses ending on or after this date
WAIT_DAYS = 31  # receipt + 31: the first day after 30 full days (domain.md § 2 rule 1)
MAIL_DAYS = 7  # estimated delivery for a request sent from outside (domain.md § 2 rule 2)
BP9_DAYS = 20  # BP-9 deadline after a warden's denial (28 C.F.R. § 542.14(a))

STATUTE = "18 U.S.C. § 3582(c)(1)(A)"
WILLIAMS = "United States v. Williams, 987 F.3d 700 (7th Cir. 2021)"
KELLER = "United States v. Keller, 2 F.4th 1278 (9th Cir. 2021)"


@dataclass(frozen=True)
class Finding:
    rule: str
    status: str
    message: str
    citation: str
    ground: str | None = None

    def to_json(self) -> dict:
        out = {
            "rule": self.rule,
            "status": self.status,
            "message": self.message,
            "citation": self.citation,
        }
        if self.ground is not None:
            out["ground"] = self.ground
        return out


@dataclass(frozen=True)
class RequestResult:
    """One counting warden request, as the screening computed it (domain.md § 2)."""

    index: int  # position in the case's list of requests
    sent_on: date | None
    received_on: date | None  # the known receipt, or the estimate
    receipt_estimated: bool
    receipt_proof: str | None
    lapsed_on: date | None  # receipt + 31: the first day after the 30 days
    final_denial_on: date | None
    exhausted_on: date | None  # the earliest candidate date this request gives
    proven: bool  # whether `exhausted_on` is proven
    grounds: tuple[str, ...]  # the case's grounds it covers (by family), in the case's order
    # The BP-9 the early-denial advice offers (domain.md § 2 rule 4): the warden said no before
    # the 30 days, no appeal is filed yet and the circuit has not settled the question.
    bp9_due_on: date | None = None


# The motions a screening may allow: every qualifying ground, or the grounds that can go sooner.
MOTION, MOTION_NOW = "motion", "motion-now"


@dataclass(frozen=True)
class Screening:
    as_of: date
    verdict: str
    earliest_filing_date: date | None
    unmatched_grounds: tuple[str, ...]
    partial_filing_date: date | None
    findings: tuple[Finding, ...]
    qualifying_grounds: tuple[str, ...] = ()
    partial_grounds: tuple[str, ...] = ()
    requests: tuple[RequestResult, ...] = ()
    # earliest_filing_date (or partial_filing_date) rests on an estimated receipt
    date_is_estimate: bool = False
    partial_date_is_estimate: bool = False
    warden_request_allowed: bool = False
    no_motion_reason: str | None = None

    def to_json(self) -> dict:
        """The `screen` output (docs/case-format.md, "Output of screen")."""
        return {
            "format": "compassionate-release-screening/1",
            "as_of": self.as_of.isoformat(),
            "verdict": self.verdict,
            "earliest_filing_date": _iso(self.earliest_filing_date),
            "unmatched_grounds": list(self.unmatched_grounds),
            "partial_filing_date": _iso(self.partial_filing_date),
            "partial_grounds": list(self.partial_grounds),
            "findings": [f.to_json() for f in self.findings],
        }

    def by_rule(self, rule: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.rule == rule)

    @property
    def motion_documents(self) -> tuple[str, ...]:
        """The motions that may be drafted (case-format.md, `draft`): "motion" for every
        qualifying ground when the verdict is ready_to_file or waiting, and "motion-now" for the
        partial grounds whenever there is a partial_filing_date."""
        out: list[str] = []
        if self.verdict in ("ready_to_file", "waiting"):
            out.append(MOTION)
        if self.partial_filing_date is not None and self.partial_grounds:
            out.append(MOTION_NOW)
        return tuple(out)

    def grounds_for(self, document: str) -> tuple[str, ...]:
        """The ground ids a motion carries, in the case's order."""
        if document == MOTION:
            return tuple(g for g in self.qualifying_grounds if g not in self.unmatched_grounds)
        if document == MOTION_NOW:
            return self.partial_grounds
        raise ValueError(f"no such motion: {document!r}")

    def filing_date_for(self, document: str) -> date | None:
        if document == MOTION:
            return self.earliest_filing_date
        if document == MOTION_NOW:
            return self.partial_filing_date
        raise ValueError(f"no such motion: {document!r}")

    def estimate_for(self, document: str) -> bool:
        """Whether that motion's date rests on an estimated receipt."""
        if document == MOTION:
            return self.date_is_estimate
        if document == MOTION_NOW:
            return self.partial_date_is_estimate
        raise ValueError(f"no such motion: {document!r}")

    def emergency_for(self, document: str) -> bool:
        """A terminal illness among the motion's grounds: title it "Emergency" (domain.md § 6)."""
        return "medical_terminal" in self.grounds_for(document)


VERDICT_LABELS = {
    "not_eligible": gettext_noop("This law does not apply"),
    "needs_information": gettext_noop("More information needed"),
    "no_qualifying_ground": gettext_noop("No reason qualifies yet"),
    "needs_warden_request": gettext_noop("Needs a request to the warden"),
    "new_request_needed": gettext_noop("Needs a new request to the warden"),
    "waiting": gettext_noop("Waiting for the 30 days to pass"),
    "ready_to_file": gettext_noop("Ready to file"),
}


def verdict_label(verdict: str | None) -> str:
    """The verdict in a few words, in the active language (the long form is `summary`)."""
    return _(VERDICT_LABELS.get(verdict or "", gettext_noop("Not checked yet")))


def _first_upper(text: str) -> str:
    """'The request sent on September 1, …': unlike str.capitalize, leaves the month alone."""
    return text[:1].upper() + text[1:]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _plus(day: date, delta: timedelta | relativedelta) -> date:
    """`day + delta`, or the last day of the calendar when that lies past the year 9999.

    A far-future date or a huge term is still a well-formed case, and screening it must not
    crash (case-format.md: exit 0 "for any well-formed case ... Never a traceback").
    """
    try:
        return day + delta
    except (OverflowError, ValueError):
        return date.max


# -- § 1: who can use it ----------------------------------------------------------------------


def federal_only(facts: CaseFacts) -> list[Finding]:
    """domain.md § 1: only a federal prison term, imposed by a U.S. district court, being served.

    One finding per fact that is not a plain yes; a single `pass` when all are.
    """
    court, status, offense_date = (
        facts.custody.sentencing_court,
        facts.custody.status,
        facts.custody.offense_date,
    )
    out: list[Finding] = []

    def add(status_: str, message: str, citation: str = STATUTE) -> None:
        out.append(Finding("federal_only", status_, message, citation))

    if court is None:
        add(
            UNKNOWN,
            _(
                "We need to know which court gave the sentence. Look at the first page of the "
                "judgment, or search for your loved one on the BOP inmate locator (bop.gov), "
                "which lists federal prisoners."
            ),
        )
    elif court == "state":
        add(
            FAIL,
            _(
                "This law is only for sentences given by a federal court. A sentence from a "
                "state court cannot be shortened this way, even if your loved one is held in a "
                "federal prison. Ask about your state's compassionate or medical release law, or "
                "clemency from the governor. A lawyer in your state can help."
            ),
        )
    elif court == "dc_superior":
        add(
            FAIL,
            _(
                "A sentence from D.C. Superior Court cannot be shortened under this federal law. "
                "D.C. has its own law: a motion in D.C. Superior Court under D.C. Code "
                "§ 24-403.04. The Public Defender Service for D.C. may be able to help."
            ),
            "D.C. Code § 24-403.04",
        )
    elif court == "court_martial":
        add(
            FAIL,
            _(
                "A sentence from a court-martial (a military court) cannot be cut this way. Ask "
                "the clemency and parole board of your loved one's branch of service."
            ),
            "10 U.S.C. § 953; 10 U.S.C. § 952",
        )

    if status is None:
        add(
            UNKNOWN,
            _(
                "We need to know where your loved one is now: in a federal prison, a halfway "
                "house, home confinement, or somewhere else. The BOP inmate locator (bop.gov) "
                "shows it."
            ),
        )
    elif status in ("supervised_release", "probation"):
        statute = (
            "18 U.S.C. § 3583(e)(1)" if status == "supervised_release" else "18 U.S.C. § 3564(c)"
        )
        add(
            FAIL,
            _(
                "Your loved one is already out of prison, so there is no prison time left to "
                "shorten. The court can end supervision early or change its conditions instead "
                "(%(statute)s). A federal defender's office can help with that request."
            )
            % {"statute": statute},
            statute,
        )
    elif status == "pretrial":
        add(
            FAIL,
            _(
                "Your loved one has not been sentenced yet, so there is no sentence to shorten. "
                "Their lawyer can ask the court to review detention (bail) instead."
            ),
            "18 U.S.C. § 3142",
        )
    elif status == "immigration_detention":
        add(
            FAIL,
            _(
                "Immigration detention is not a prison sentence. So this law does not apply. An "
                "immigration lawyer can explain other ways out, such as release on bond."
            ),
        )
    elif status in ("contract_facility", "state_custody"):
        if status == "contract_facility":
            message = _(
                "Your loved one is held in a place that the BOP does not run itself. They can "
                "probably still use this law, but it is unclear who counts as the warden. A "
                "lawyer can help make sure the request goes to the right person."
            )
        else:
            message = _(
                "Your loved one has a federal sentence but is still in state custody, so the "
                "federal prison term may not have started. Whether this law can be used yet is "
                "uncertain. Please talk to a lawyer."
            )
        add(WARN, message)

    old_law = facts.custody.old_law if offense_date is None else offense_date < NEW_LAW_BEGINS
    if old_law is None:
        add(
            UNKNOWN,
            _(
                "We need the date the offense ended (the last date of the crime of conviction). "
                "The judgment or the indictment shows it."
            )
            + " "
            + _(
                "If you don't know the date, it is enough to know if it ended before November "
                "1, 1987, or on or after that day."
            ),
        )
    elif old_law:
        add(
            FAIL,
            _(
                'The offense ended before November 1, 1987, so this is an "old law" sentence. '
                "For these sentences only the BOP can ask the court (18 U.S.C. § 4205(g)); your "
                "loved one cannot file the motion. Ask about parole, and about a request that "
                "the BOP file for them."
            ),
            "18 U.S.C. § 4205(g)",
        )

    if not out:
        add(
            PASS,
            _(
                "This is a sentence from a federal court, and your loved one is still serving "
                "it. So this law can apply."
            ),
        )
    return out


def pending_appeal(facts: CaseFacts) -> list[Finding]:
    """domain.md § 1, last row: while an appeal is pending the court cannot grant the motion."""
    if facts.sentence.appeal_pending:
        return [
            Finding(
                "pending_appeal",
                WARN,
                _(
                    "An appeal is still open. While it is open, the judge cannot grant the "
                    'motion; the judge can only say they would grant it (an "indicative '
                    'ruling"). Talk with the lawyer handling the appeal before filing.'
                ),
                "Fed. R. Crim. P. 37",
            )
        ]
    return []


# -- § 4: the grounds ---------------------------------------------------------------------------


def ground_checks(facts: CaseFacts, as_of: date) -> tuple[list[Finding], dict[str, str]]:
    """domain.md § 4: which grounds are available and meet their criteria.

    Returns the findings and each ground's status: PASS (qualifies), UNKNOWN (cannot be checked
    yet; still counts for matching and dates), FAIL (unavailable or criteria not met).
    """
    findings: list[Finding] = []
    statuses: dict[str, str] = {}
    for ground in facts.grounds:
        info = BY_ID[ground.category]
        if not info.available:
            statuses[ground.category] = FAIL
            findings.append(
                Finding(
                    "ground_available",
                    FAIL,
                    _('"%(reason)s" can no longer be used as a reason.') % {"reason": info.title}
                    + " "
                    + info.unavailable_reason,
                    f"{info.citation}; Rutherford v. United States (U.S. May 28, 2026)",
                    ground.category,
                )
            )
            continue
        if ground.category == "age":
            finding = age_criteria(facts, as_of)
            statuses["age"] = finding.status
            findings.append(finding)
        elif ground.category == "other" and ground.change_in_law:
            statuses["other"] = FAIL
            findings.append(
                Finding(
                    "ground_criteria",
                    FAIL,
                    _(
                        "A change in the law since the sentence cannot be the reason itself. "
                        "The motion may still mention it when it asks the judge how much to "
                        "shorten the sentence, if another reason qualifies."
                    ),
                    "USSG §1B1.13(c)",
                    "other",
                )
            )
        elif ground.category == "abuse_in_custody":
            statuses[ground.category] = PASS
            findings.append(
                Finding(
                    "ground_criteria",
                    WARN,
                    _(
                        "Most of the time the abuse must be proven. That can be a conviction, a "
                        "court or agency finding, or an admission by the people who did it. It "
                        "is not needed if that takes far too long or your loved one is in danger "
                        "now. Gather the report numbers and any findings. Abuse by another "
                        'prisoner does not count here. It may fit "another reason just as '
                        'serious".'
                    ),
                    info.citation,
                    ground.category,
                )
            )
        else:
            statuses[ground.category] = PASS
    return findings, statuses


def _three_quarters_words(term: int, began: date, three_quarters: date) -> str:
    """75% of the term in words: whole months when the term allows it (180 months: "15 years",
    135: "11 years 3 months", domain.md § 4); the test itself counts days (case-format.md)."""
    if term * 3 % 4 == 0:
        return months_as_words(term * 3 // 4)
    return duration(relativedelta(three_quarters, began))


def age_criteria(facts: CaseFacts, as_of: date) -> Finding:
    """domain.md § 4 (b)(2): 65 or older, and served min(10 years, 75% of the term).

    For a life sentence only the 10 years apply. Dates per case-format.md ("Age and time
    served"). The message always shows the numbers.
    """
    cite = BY_ID["age"].citation
    dob = facts.person.date_of_birth
    began = facts.sentence.custody_began
    term, life = facts.sentence.term_months, facts.sentence.life
    problems: list[str] = []
    missing: list[str] = []
    notes: list[str] = []

    if dob is None:
        missing.append(_("the date of birth"))
    else:
        age = relativedelta(as_of, dob).years
        turns_65 = _plus(dob, relativedelta(years=65))
        if age < 65:
            problems.append(
                _(
                    "your loved one is %(age)s; this reason needs age 65 or older "
                    "(they turn 65 on %(date)s)"
                )
                % {"age": age, "date": long_date(turns_65)}
            )
        else:
            notes.append(_("your loved one is %(age)s") % {"age": age})

    if began is None:
        missing.append(_("the date federal custody began"))
    else:
        ten_years = _plus(began, relativedelta(years=10))
        served = duration(relativedelta(as_of, began)) if as_of >= began else _("no time")
        if life:
            needed, needed_words = ten_years, _("10 years (for a life sentence)")
        elif term is not None:
            end = _plus(began, relativedelta(months=term))
            three_quarters = _plus(began, timedelta(days=ceil(0.75 * (end - began).days)))
            needed = min(ten_years, three_quarters)
            needed_words = _("10 years or 75%% of %(term)s = %(part)s, whichever is less") % {
                "term": months_as_words(term),
                "part": _three_quarters_words(term, began, three_quarters),
            }
        else:
            needed, needed_words = None, ""
        if needed is None:
            if as_of >= ten_years:
                notes.append(
                    _("they have served %(served)s, more than 10 years") % {"served": served}
                )
            else:
                missing.append(_("the length of the sentence"))
        elif as_of >= needed:
            notes.append(
                _("they have served %(served)s; this reason needs %(needed)s")
                % {"served": served, "needed": needed_words}
            )
        else:
            problems.append(
                _("they have served %(served)s; this reason needs %(needed)s (reached on %(date)s)")
                % {"served": served, "needed": needed_words, "date": long_date(needed)}
            )

    if problems:
        return Finding(
            "ground_criteria",
            FAIL,
            _(
                "The age reason does not fit yet: %(problems)s. If your loved one's health is "
                'failing, the reason "a health problem that makes it very hard to care for '
                'themselves in prison" ((b)(1)(B)) or "another reason just as serious" ((b)(5)) '
                "may fit instead."
            )
            % {"problems": "; ".join(problems)},
            cite,
            "age",
        )
    if missing:
        return Finding(
            "ground_criteria",
            UNKNOWN,
            _("To check the age reason we need %(missing)s.") % {"missing": _and(missing)},
            cite,
            "age",
        )
    return Finding(
        "ground_criteria",
        PASS,
        _(
            "The age and time-served parts of the age reason are met: %(notes)s. The request "
            "must also describe how their health is seriously declining because of age."
        )
        % {"notes": "; ".join(notes)},
        cite,
        "age",
    )


def _and(items: list[str]) -> str:
    """'a and b and c', in the active language."""
    joined = items[0]
    for item in items[1:]:
        joined = _("%(first)s and %(then)s") % {"first": joined, "then": item}
    return joined


# -- § 2 and § 3: which requests count, and what each covers -----------------------------------


@dataclass(frozen=True)
class Candidate:
    """A date on which one request lets the motion be filed (case-format.md)."""

    on: date
    proven: bool


@dataclass
class RequestView:
    index: int  # position in the case's list, for messages
    request: WardenRequest
    receipt: date | None = None
    receipt_estimated: bool = False
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def label(self) -> str:
        when = self.request.sent_on
        if when:
            return _("the request sent on %(date)s") % {"date": short_date(when)}
        return _("request %(number)s") % {"number": self.index + 1}

    def covers(self, ground: str) -> bool:
        return any(same_family(g.category, ground) for g in self.request.grounds or ())

    def covers_exactly(self, ground: str) -> bool:
        return any(g.category == ground for g in self.request.grounds or ())


def counting_requests(facts: CaseFacts) -> tuple[list[RequestView], list[Finding]]:
    """domain.md § 2 rules 8–9: only requests for a sentence reduction, not used before, count."""
    findings: list[Finding] = []
    views: list[RequestView] = []
    filed = facts.prior_motion.filed_on
    if facts.prior_motion.outcome == "dismissed_unexhausted":
        # domain.md § 2 rule 8: dismissed without prejudice; nothing was decided, so the
        # requests it rested on still count once their 30 days have passed.
        findings.append(_dismissed_unexhausted(filed))
        filed = None
    for i, request in enumerate(facts.warden_requests):
        view = RequestView(i, request)
        if request.asked_for in ("home_confinement", "other"):
            what = (
                _("home confinement")
                if request.asked_for == "home_confinement"
                else _("something else")
            )
            findings.append(
                Finding(
                    "request_kind",
                    FAIL,
                    _(
                        "%(request)s asked for %(what)s, not for a sentence reduction. Only a "
                        "request that asks the BOP to file a motion for a sentence reduction "
                        "(compassionate release) counts. A new request is needed."
                    )
                    % {"request": _first_upper(view.label), "what": what},
                    f"{STATUTE}; 28 C.F.R. § 571.61",
                )
            )
            continue
        if request.asked_for is None:
            findings.append(
                Finding(
                    "request_kind",
                    WARN,
                    _(
                        "We don't know what %(request)s asked for. It counts only if it asked "
                        "the BOP to file a motion for a sentence reduction (compassionate "
                        "release), not for home confinement or a transfer. Check the copy you "
                        "kept."
                    )
                    % {"request": view.label},
                    f"{STATUTE}; 28 C.F.R. § 571.61",
                )
            )
        if filed is not None:
            used_on = request.received_on or request.sent_on
            if used_on is not None and used_on < filed:
                findings.append(
                    Finding(
                        "prior_motion",
                        FAIL,
                        _(
                            "%(request)s was used for the motion filed on %(date)s. A new motion "
                            "needs a new request to the warden and a new 30-day wait."
                        )
                        % {"request": _first_upper(view.label), "date": short_date(filed)},
                        KELLER,
                    )
                )
                continue
            if used_on is None:
                findings.append(
                    Finding(
                        "prior_motion",
                        WARN,
                        _(
                            "We don't know when %(request)s was sent. If it was sent before the "
                            "motion filed on %(date)s, it does not count for a new motion."
                        )
                        % {"request": view.label, "date": short_date(filed)},
                        KELLER,
                    )
                )
        _dates(view)
        views.append(view)
    return views, findings


def _dismissed_unexhausted(filed: date | None) -> Finding:
    if filed is not None:
        start = _(
            "The earlier motion, filed on %(date)s, was dismissed because it was filed before "
            "the 30 days had passed."
        ) % {"date": short_date(filed)}
    else:
        start = _(
            "The earlier motion was dismissed because it was filed before the 30 days had passed."
        )
    return Finding(
        "prior_motion",
        WARN,
        start
        + " "
        + _(
            "That does not use up the request. It still counts, and the motion can be filed "
            "again once its 30 days have passed. Say in the new motion that the first one was "
            "dismissed for this reason."
        ),
        "United States v. Alam, 960 F.3d 831 (6th Cir. 2020)",
    )


def _dates(view: RequestView) -> None:
    """domain.md § 2 rules 1–3: the request's receipt and its candidate filing dates.

    A known receipt date that nothing shows (`receipt_proof` "none") is an estimate, exactly
    like an unknown receipt estimated on that day (case-format.md).
    """
    r = view.request
    if r.received_on is not None:
        proven = r.receipt_proof != "none"
        view.receipt = r.received_on
        view.receipt_estimated = not proven
        view.candidates.append(
            Candidate(_plus(r.received_on, timedelta(days=WAIT_DAYS)), proven=proven)
        )
    elif r.sent_on is not None:
        delay = 0 if r.method in ("hand_delivered", "electronic") else MAIL_DAYS
        view.receipt = _plus(r.sent_on, timedelta(days=delay))
        view.receipt_estimated = True
        view.candidates.append(
            Candidate(_plus(view.receipt, timedelta(days=WAIT_DAYS)), proven=False)
        )
    if r.appeal.final_denial_on is not None:
        view.candidates.append(Candidate(r.appeal.final_denial_on, proven=True))


@dataclass(frozen=True)
class Dates:
    """The motion's dates over a set of grounds (case-format.md, "Estimated receipt…")."""

    proven: date | None  # None when some ground has no proven candidate
    soonest: date | None  # None when some ground has no candidate at all

    def for_filing(self, as_of: date) -> date | None:
        if self.proven is not None and self.proven <= as_of:
            return self.proven
        return self.soonest

    def is_estimate(self, as_of: date) -> bool:
        """Whether `for_filing(as_of)` rests on an estimated receipt."""
        if self.soonest is None or (self.proven is not None and self.proven <= as_of):
            return False
        return self.proven is None or self.soonest < self.proven


def proven_sooner(grounds: list[str], views: list[RequestView], as_of: date):
    """case-format.md `partial_grounds` for `waiting` and `needs_information`: the grounds whose
    own proven date is on or before `as_of`, when some but not all are; with the latest of those
    dates. Returns (date, grounds) or (None, ())."""
    ready: list[tuple[str, date]] = []
    for ground in grounds:
        proven = min(
            (c.on for v in views if v.covers(ground) for c in v.candidates if c.proven),
            default=None,
        )
        if proven is not None and proven <= as_of:
            ready.append((ground, proven))
    if not ready or len(ready) == len(grounds):
        return None, ()
    return max(d for _g, d in ready), tuple(g for g, _d in ready)


def motion_dates(grounds: list[str], views: list[RequestView]) -> Dates:
    """domain.md § 3 rule 3: the latest, over the grounds, of each ground's earliest date."""
    proven: list[date | None] = []
    soonest: list[date | None] = []
    for ground in grounds:
        candidates = [c for v in views if v.covers(ground) for c in v.candidates]
        proven.append(min((c.on for c in candidates if c.proven), default=None))
        soonest.append(min((c.on for c in candidates), default=None))
    if not grounds or None in soonest:
        return Dates(None, None)
    return Dates(None if None in proven else max(proven), max(soonest))


def request_facts(views: list[RequestView], motion_grounds: list[str]) -> list[Finding]:
    """domain.md § 3 rules 1 and 5: what each request said must be specific enough to count."""
    out: list[Finding] = []
    for view in views:
        grounds = view.request.grounds
        if grounds is None:
            out.append(
                Finding(
                    "request_facts",
                    WARN,
                    _(
                        "We don't know which reasons %(request)s listed. Courts in some parts of "
                        "the country require the warden to see every reason first. To be safe, "
                        "check the copy you kept."
                    )
                    % {"request": view.label},
                    WILLIAMS,
                )
            )
            continue
        for g in grounds:
            if not g.facts:
                out.append(
                    Finding(
                        "request_facts",
                        WARN,
                        _(
                            '%(request)s names "%(reason)s" but we don\'t have the facts it '
                            "gave. A request that is too vague may not count for this reason; it "
                            "should name the condition or the family member and what happened."
                        )
                        % {"request": _first_upper(view.label), "reason": BY_ID[g.category].title},
                        WILLIAMS,
                        g.category,
                    )
                )
    for ground in motion_grounds:
        covering = [v for v in views if v.covers(ground)]
        if covering and not any(v.covers_exactly(ground) for v in covering):
            out.append(
                Finding(
                    "request_facts",
                    WARN,
                    _(
                        "The warden's request described the illness under a different medical "
                        'heading than "%(reason)s". That still counts if it described the same '
                        "condition. If this is a new diagnosis, send a new request."
                    )
                    % {"reason": BY_ID[ground].title},
                    WILLIAMS,
                    ground,
                )
            )
    return out


def current_facility(facts: CaseFacts) -> list[Finding]:
    """domain.md § 2 rule 5: the request goes to the warden where the person is held."""
    out: list[Finding] = []
    here = facts.person.facility
    for i, request in enumerate(facts.warden_requests):
        there = request.facility
        if here and there and not courts.same_facility(here, there):
            label = RequestView(i, request).label
            out.append(
                Finding(
                    "current_facility",
                    WARN,
                    _(
                        "%(request)s went to the warden of %(then)s. Your loved one is now at "
                        "%(now)s. Send a copy of the request to the new warden too, and keep "
                        "proof of both dates it was received."
                    )
                    % {
                        "request": _first_upper(label),
                        "then": _facility_name(there),
                        "now": _facility_name(here),
                    },
                    "28 C.F.R. § 571.61; 18 U.S.C. § 3582(c)(1)(A)",
                )
            )
    if facts.custody.status in ("rrc", "home_confinement"):
        out.append(
            Finding(
                "current_facility",
                WARN,
                _(
                    "Your loved one is in a halfway house or on home confinement, so the request "
                    "goes to the Residential Reentry Manager (RRM) office that supervises them. "
                    'Courts have not settled who counts as the "warden" here; a lawyer can help.'
                ),
                "28 C.F.R. § 571.61",
            )
        )
    return out


def _facility_name(value: str) -> str:
    found = courts.facility(value)
    return found.display_name if found else value


def denial_before_30_days(
    facts: CaseFacts, views: list[RequestView], as_of: date | None = None
) -> list[Finding]:
    """domain.md § 2 rule 4: an early denial does not open the door early.

    Outside the 3rd and 4th Circuits the advice fits the day it is read (`as_of`): a BP-9 still
    to file, a BP-9 already filed (then the next appeal's deadline), or its 20 days passed.
    """
    out: list[Finding] = []
    district = courts.district(facts.sentence.district)
    settled = (
        district is not None and district.circuit in courts.CIRCUITS_FILING_AFTER_DENIAL_SETTLED
    )
    for view in views:
        r = view.request
        if r.response != "denied" or r.response_on is None or view.receipt is None:
            continue
        if r.appeal.final_denial_on is not None:
            continue
        day_31 = _plus(view.receipt, timedelta(days=WAIT_DAYS))
        if r.response_on >= day_31:
            continue
        if settled:
            out.append(
                Finding(
                    "denial_before_30_days",
                    PASS,
                    _(
                        "The warden said no on %(denied)s, before 30 days had passed. In the "
                        "%(circuit)s your loved one can still file on or after %(date)s, without "
                        "finishing the appeals."
                    )
                    % {
                        "denied": short_date(r.response_on),
                        "circuit": district.circuit_name,
                        "date": long_date(day_31),
                    },
                    "United States v. Harris, 973 F.3d 170 (3d Cir. 2020); United States v. "
                    "Muhammad, 16 F.4th 126 (4th Cir. 2021)",
                )
            )
        else:
            out.append(
                Finding(
                    "denial_before_30_days",
                    WARN,
                    _early_denial_advice(r, day_31, as_of),
                    "28 C.F.R. §§ 542.14(a), 542.15(a); 18 U.S.C. § 3582(c)(1)(A)",
                )
            )
    return out


def _early_denial_advice(r: WardenRequest, day_31: date, as_of: date | None) -> str:
    """The early-denial warning, in words that fit `as_of` (domain.md § 2 rule 4)."""
    bp9_by = _plus(r.response_on, timedelta(days=BP9_DAYS))
    values = {
        "denied": short_date(r.response_on),
        "date": long_date(day_31),
        "bp9_by": long_date(bp9_by),
    }
    head = (
        _(
            "The warden said no on %(denied)s, before 30 days had passed. A denial does not let "
            "your loved one file early: the earliest date is still %(date)s."
        )
        % values
    )
    unsettled = _(
        "Courts in this part of the country have not settled whether the full appeal is also "
        'needed after an early "no".'
    )
    appeal = r.appeal
    if appeal.bp11_on is not None:
        step = _(
            "Your loved one already filed the last appeal (form BP-11) on %(filed)s. The appeals "
            "are finished when the BOP's central office says no."
        ) % {"filed": short_date(appeal.bp11_on)}
    elif appeal.bp10_on is not None:
        step = _(
            "Your loved one already filed the appeal to the regional director (form BP-10) on "
            "%(filed)s. The next step is the appeal to the central office (form BP-11), due "
            "within 30 days of the regional director's answer."
        ) % {"filed": short_date(appeal.bp10_on)}
    elif appeal.bp9_on is not None:
        step = _(
            "Your loved one already filed an appeal to the warden (form BP-9) on %(filed)s. The "
            "next step is the appeal to the regional director (form BP-10), due within 20 days "
            "of the warden's answer to the BP-9."
        ) % {"filed": short_date(appeal.bp9_on)}
    elif as_of is not None and as_of > bp9_by:
        step = (
            _(
                "The 20 days to file an appeal to the warden (form BP-9) ended on %(bp9_by)s. That "
                "does not change the 30-day date: your loved one can still file on or after "
                "%(date)s."
            )
            % values
        )
    else:
        step = (
            _(
                "To be safe, your loved one can also file an appeal to the warden (form BP-9) by "
                "%(bp9_by)s, within 20 days of the denial, to keep that path open."
            )
            % values
        )
    return f"{head} {unsettled} {step}"


# -- the verdict (§ 7) ---------------------------------------------------------------------------


def screen(facts: CaseFacts, as_of: date) -> Screening:
    """Every rule, then the first verdict of domain.md § 7 that applies."""
    with screening_language():
        return _screen(facts, as_of)


def _screen(facts: CaseFacts, as_of: date) -> Screening:
    findings: list[Finding] = []
    federal = federal_only(facts)
    findings += federal
    findings += pending_appeal(facts)
    views, request_findings = counting_requests(facts)
    findings += request_findings
    ground_findings, statuses = ground_checks(facts, as_of)
    findings += ground_findings
    findings += current_facility(facts)

    qualifying = [g.category for g in facts.grounds if statuses[g.category] != FAIL]
    decided = [g for g in qualifying if statuses[g] == PASS]
    federal_statuses = {f.status for f in federal}

    def result(
        verdict: str,
        *,
        date_: date | None = None,
        unmatched: tuple[str, ...] = (),
        partial: date | None = None,
        partial_grounds: tuple[str, ...] = (),
        estimate: bool = False,
        partial_estimate: bool = False,
    ) -> Screening:
        screening = Screening(
            as_of=as_of,
            verdict=verdict,
            earliest_filing_date=date_,
            unmatched_grounds=unmatched,
            partial_filing_date=partial,
            findings=tuple(findings),
            qualifying_grounds=tuple(qualifying),
            partial_grounds=partial_grounds if partial is not None else (),
            requests=tuple(_request_result(v, facts) for v in views),
            date_is_estimate=estimate and date_ is not None,
            partial_date_is_estimate=partial_estimate and partial is not None,
            warden_request_allowed=verdict != "not_eligible"
            and any(BY_ID[g.category].available for g in facts.grounds),
        )
        if screening.motion_documents:
            return screening
        return replace(screening, no_motion_reason=_no_motion_reason(screening))

    if FAIL in federal_statuses:
        findings += [
            Finding(
                "ground_matching",
                UNKNOWN,
                _("Not checked, because this law does not apply to this sentence."),
                WILLIAMS,
            ),
            Finding(
                "exhaustion",
                UNKNOWN,
                _("Not checked, because this law does not apply to this sentence."),
                STATUTE,
            ),
        ]
        return result("not_eligible")

    if facts.bop_motion:
        findings += _bop_moving()
        early = _early_verdict(facts, federal_statuses, qualifying, decided)
        return result(early) if early else result("ready_to_file")

    findings += request_facts(views, qualifying)
    findings += denial_before_30_days(facts, views, as_of)
    unmatched = tuple(g for g in qualifying if not any(v.covers(g) for v in views)) if views else ()
    matched = [g for g in qualifying if g not in unmatched]
    dates = motion_dates(qualifying, views)

    findings.append(_ground_matching(views, qualifying, unmatched, matched, as_of))
    early = _early_verdict(facts, federal_statuses, qualifying, decided)

    if not views:
        findings.append(_exhaustion_no_request(facts))
        return result(early or "needs_warden_request")

    if unmatched:
        findings.append(
            Finding(
                "exhaustion",
                FAIL,
                _(
                    "The motion cannot use every reason yet. The warden never saw some of them "
                    "(see above)."
                ),
                STATUTE,
            )
        )
        if early:
            return result(early, unmatched=unmatched)
        partial_dates = motion_dates(matched, views)
        return result(
            "new_request_needed",
            unmatched=unmatched,
            partial=partial_dates.for_filing(as_of) if matched else None,
            partial_grounds=tuple(matched),
            partial_estimate=partial_dates.is_estimate(as_of),
        )

    if not qualifying:
        findings.append(
            Finding(
                "exhaustion",
                UNKNOWN,
                _("Not checked yet, because no reason qualifies."),
                STATUTE,
            )
        )
        return result(early or "no_qualifying_ground")

    exhaustion, proof, verdict, when = _exhaustion(views, qualifying, dates, as_of)
    partial, partial_grounds = (None, ())
    if verdict in ("waiting", "needs_information"):
        partial, partial_grounds = proven_sooner(qualifying, views, as_of)
    if partial is not None and not early:
        exhaustion = replace(
            exhaustion,
            message=exhaustion.message + " " + _file_sooner(partial_grounds, partial),
        )
    findings += proof
    findings.append(exhaustion)
    if early:
        return result(early)
    return result(
        verdict,
        date_=when,
        partial=partial,
        partial_grounds=partial_grounds,
        estimate=verdict == "needs_information" or dates.is_estimate(as_of),
    )


def _file_sooner(grounds: tuple[str, ...], when: date) -> str:
    """The sentence that says the motion can go now on some grounds alone."""
    text = _(
        "But on %(reasons)s alone the motion can be filed now: the first allowed day was %(date)s."
    ) % {"reasons": _titles(grounds), "date": long_date(when)}
    if "medical_terminal" in grounds:
        text += " " + _("A terminal illness does not need to wait for the other reasons.")
    return text


def _titles(grounds) -> str:
    return ", ".join(f'"{BY_ID[g].title}"' for g in grounds)


def _request_result(view: RequestView, facts: CaseFacts) -> RequestResult:
    r = view.request
    first = min(view.candidates, key=lambda c: (c.on, not c.proven), default=None)
    return RequestResult(
        index=view.index,
        sent_on=r.sent_on,
        received_on=view.receipt,
        receipt_estimated=view.receipt_estimated,
        receipt_proof=r.receipt_proof if r.received_on is not None else None,
        lapsed_on=_plus(view.receipt, timedelta(days=WAIT_DAYS)) if view.receipt else None,
        final_denial_on=r.appeal.final_denial_on,
        exhausted_on=first.on if first else None,
        proven=bool(first and first.proven),
        grounds=tuple(g.category for g in facts.grounds if view.covers(g.category)),
        bp9_due_on=_bp9_due_on(view, facts),
    )


def _bp9_due_on(view: RequestView, facts: CaseFacts) -> date | None:
    r = view.request
    if r.response != "denied" or r.response_on is None or view.receipt is None:
        return None
    appeal = r.appeal
    if any(d is not None for d in (appeal.bp9_on, appeal.bp10_on, appeal.bp11_on)):
        return None
    if appeal.final_denial_on is not None:
        return None
    if r.response_on >= _plus(view.receipt, timedelta(days=WAIT_DAYS)):
        return None
    district = courts.district(facts.sentence.district)
    if district is not None and district.circuit in courts.CIRCUITS_FILING_AFTER_DENIAL_SETTLED:
        return None
    return _plus(r.response_on, timedelta(days=BP9_DAYS))


def _no_motion_reason(result: Screening) -> str:
    """One plain sentence: why no motion can be drafted yet (case-format.md, `draft`)."""
    match result.verdict:
        case "not_eligible":
            return _("There is no motion, because this law does not apply to this sentence.")
        case "no_qualifying_ground":
            return _("There is no motion yet, because none of the reasons given qualifies.")
        case "needs_warden_request":
            return _(
                "There is no motion yet. First the warden must get a request, and 30 days "
                "must pass."
            )
        case "new_request_needed":
            return _(
                "There is no motion yet. The warden must first see a request that lists the "
                "reasons."
            )
        case "needs_information" if result.earliest_filing_date is not None:
            return _(
                "There is no motion yet. First get proof of the date the warden received the "
                "request."
            )
        case _:
            return _("There is no motion yet, because some answers are missing.")


def _early_verdict(
    facts: CaseFacts, federal_statuses: set[str], qualifying: list[str], decided: list[str]
) -> str | None:
    """Verdicts 2 and 3 of domain.md § 7 (verdict 1 is decided before this)."""
    if UNKNOWN in federal_statuses or not facts.grounds:
        return "needs_information"
    if not qualifying:
        return "no_qualifying_ground"
    if not decided:
        return "needs_information"
    return None


def _bop_moving() -> list[Finding]:
    message = _(
        "The BOP has filed the motion itself, or will. So your loved one does not need to "
        "wait 30 days. If the BOP does not go ahead, your loved one can still file their own "
        "motion later. First they ask the warden and wait 30 days."
    )
    return [
        Finding("ground_matching", PASS, message, STATUTE),
        Finding("exhaustion", PASS, message, STATUTE),
    ]


def _exhaustion_no_request(facts: CaseFacts) -> Finding:
    ignored = any(r.asked_for in ("home_confinement", "other") for r in facts.warden_requests)
    used = (
        facts.prior_motion.filed_on is not None
        and facts.prior_motion.outcome != "dismissed_unexhausted"
        and facts.warden_requests
    )
    if ignored or used:
        start = _("None of the requests sent so far counts for this motion (see above).")
    else:
        start = _("No request has been sent to the warden yet.")
    return Finding(
        "exhaustion",
        FAIL,
        start
        + " "
        + _(
            "First, your loved one (or you, for them) must send the warden a written request "
            "asking the BOP to file a motion for compassionate release, listing every reason. "
            "The motion can be filed 31 days after the warden receives it. Keep proof of the "
            "date it was received."
        ),
        STATUTE,
    )


def _ground_matching(
    views: list[RequestView],
    qualifying: list[str],
    unmatched: tuple[str, ...],
    matched: list[str],
    as_of: date,
) -> Finding:
    """domain.md § 3: every motion ground must have been raised with the warden."""
    if not views:
        return Finding(
            "ground_matching",
            UNKNOWN,
            _("Not checked yet: no request to the warden counts so far."),
            WILLIAMS,
        )
    if not qualifying:
        return Finding(
            "ground_matching",
            UNKNOWN,
            _("Not checked yet: no reason qualifies so far."),
            WILLIAMS,
        )
    if not unmatched:
        return Finding(
            "ground_matching",
            PASS,
            _("Every reason for the motion was in a request to the warden."),
            WILLIAMS,
        )
    partial = motion_dates(matched, views) if matched else None
    when = partial.for_filing(as_of) if partial is not None else None
    estimate = partial is not None and when is not None and partial.proven != when
    message = _new_request_choices(unmatched, bool(matched), when, estimate)
    return Finding("ground_matching", FAIL, message, WILLIAMS)


def _new_request_choices(
    unmatched: tuple[str, ...], matched: bool, when: date | None, estimate: bool
) -> str:
    """An unmatched ground (domain.md § 3): both choices a defender would give, or the one path
    when no reason was in a counting request."""
    n = len(unmatched)
    text = ngettext(
        "The warden never saw this reason: %(reasons)s. Courts in some parts of the country "
        "require the warden to see every reason first.",
        "The warden never saw these reasons: %(reasons)s. Courts in some parts of the country "
        "require the warden to see every reason first.",
        n,
    ) % {"reasons": _titles(unmatched)}
    if not matched:
        return (
            text
            + " "
            + ngettext(
                "To be safe, there is one path: send the warden a new request today that "
                "lists this reason. The 30 days start when the warden receives it.",
                "To be safe, there is one path: send the warden a new request today that "
                "lists these reasons. The 30 days start when the warden receives it.",
                n,
            )
        )
    text += " " + ngettext(
        "To be safe, you have two choices, and you can do both. One: send the warden a new "
        "request today that lists this reason. Its own 30 days start when the warden receives it.",
        "To be safe, you have two choices, and you can do both. One: send the warden a new "
        "request today that lists these reasons. Its own 30 days start when the warden receives "
        "it.",
        n,
    )
    if when is None:
        return (
            text
            + " "
            + ngettext(
                "Two: if time matters, file on the other reasons only and leave this one out, "
                "once the dates of the first request are known.",
                "Two: if time matters, file on the other reasons only and leave these out, "
                "once the dates of the first request are known.",
                n,
            )
        )
    text += " " + ngettext(
        "Two: if time matters, file on the other reasons only and leave this one out. On "
        "those reasons alone the motion can be filed on or after %(date)s.",
        "Two: if time matters, file on the other reasons only and leave these out. On those "
        "reasons alone the motion can be filed on or after %(date)s.",
        n,
    ) % {"date": long_date(when)}
    if estimate:
        text += " " + _("That date is an estimate until you have proof of the date received.")
    return text


def _exhaustion(
    views: list[RequestView], grounds: list[str], dates: Dates, as_of: date
) -> tuple[Finding, list[Finding], str, date | None]:
    """domain.md § 2 and case-format.md: the 30-day rule, and whether receipt is proven.

    Returns the exhaustion finding, the receipt_proof findings, the verdict and the date.
    """
    proof_needed = [v for v in views if v.receipt_estimated and any(v.covers(g) for g in grounds)]

    def proof_message(v: RequestView) -> str:
        if v.request.received_on is not None:
            start = _(
                "Nothing shows yet that the warden received %(request)s on %(date)s. A date you "
                "remember is only an estimate."
            )
        else:
            start = _(
                "We don't know the date the warden received %(request)s. We estimate %(date)s."
            )
        return (
            start % {"request": v.label, "date": long_date(v.receipt)}
            + " "
            + _(
                "Get proof of the date it was received: a copy stamped by staff, the warden's "
                "reply if it gives the date, or a delivery confirmation. A motion filed on a "
                "guessed date that turns out early is dismissed and must be filed again after "
                "the wait."
            )
        )

    def proof_findings(status: str) -> list[Finding]:
        return [
            Finding(
                "receipt_proof",
                status,
                proof_message(v),
                f"{STATUTE}; United States v. Walton (S.D. Ohio 2022)",
            )
            for v in proof_needed
        ]

    if dates.soonest is None:
        unknown = [v.label for v in views if not v.candidates]
        return (
            Finding(
                "exhaustion",
                UNKNOWN,
                _(
                    "We can't work out the 30 days yet: we need the date %(request)s was sent or "
                    "received."
                )
                % {"request": ", ".join(unknown) if unknown else _("the request")},
                STATUTE,
            ),
            [],
            "needs_information",
            None,
        )
    if dates.proven is not None and dates.proven <= as_of:
        return (
            Finding(
                "exhaustion",
                PASS,
                _(
                    "The 30 days have passed since the warden received the request (or the "
                    "appeals are finished). The motion can be filed now: the first allowed day "
                    "was %(date)s."
                )
                % {"date": long_date(dates.proven)},
                STATUTE,
            ),
            proof_findings(WARN) if dates.proven != dates.soonest else [],
            "ready_to_file",
            dates.proven,
        )
    if dates.soonest <= as_of:
        return (
            Finding(
                "exhaustion",
                UNKNOWN,
                _(
                    "By our estimate the 30 days have passed, but without proof of the date the "
                    "warden received the request, it is not safe to file. Our estimate of the "
                    "first allowed day was %(date)s."
                )
                % {"date": long_date(dates.soonest)},
                STATUTE,
            ),
            proof_findings(FAIL),
            "needs_information",
            dates.soonest,
        )
    estimated = dates.proven is None or dates.soonest < dates.proven
    wait = {"date": long_date(dates.soonest), "days": days((dates.soonest - as_of).days)}
    if estimated:
        not_yet = _(
            "The motion cannot be filed yet. The first day it can be filed is %(date)s, in "
            "%(days)s (an estimate until you have proof of the date received)."
        )
    else:
        not_yet = _(
            "The motion cannot be filed yet. The first day it can be filed is %(date)s, in "
            "%(days)s."
        )
    return (
        Finding(
            "exhaustion",
            FAIL,
            not_yet % wait
            + " "
            + _(
                "A motion filed even one day early is dismissed and must be filed again after "
                'the wait. A "no" from the warden does not change this date.'
            ),
            STATUTE,
        ),
        proof_findings(WARN) if estimated else [],
        "waiting",
        dates.soonest,
    )


# -- the verdict in plain words -------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    headline: str
    explanation: str


def summary(result: Screening) -> Summary:
    """The verdict as a family reads it (domain.md § 8): what it means and what to do next."""
    when = result.earliest_filing_date
    sooner = result.verdict in ("waiting", "needs_information")
    if sooner and result.partial_filing_date is not None:
        # domain.md § 2, case-format.md `partial_grounds`: say first what can go now.
        rest = summary(replace(result, partial_filing_date=None, partial_grounds=()))
        return Summary(
            _("Your loved one can file now on some reasons"),
            _(
                "On %(reasons)s alone the motion can be filed now. The first allowed day was "
                "%(date)s."
            )
            % {
                "reasons": _titles(result.partial_grounds),
                "date": long_date(result.partial_filing_date),
            }
            + " "
            + _("For all the reasons together: %(headline)s.") % {"headline": rest.headline}
            + " "
            + rest.explanation,
        )
    match result.verdict:
        case "not_eligible":
            return Summary(
                _("Compassionate release under federal law is not open to your loved one"),
                _(
                    "Based on your answers, this federal law does not apply. Below we explain "
                    "why and what other path may exist."
                ),
            )
        case "needs_information":
            if when is not None:
                return Summary(
                    _("Get proof of the date the warden received the request"),
                    _(
                        "By our estimate the motion could be filed from %(date)s, but only proof "
                        "of the date the warden received the request makes that date safe. If "
                        "the guess is early, the motion is dismissed and must be filed again "
                        "after the wait."
                    )
                    % {"date": long_date(when)},
                )
            return Summary(
                _("We need a little more information"),
                _(
                    "Some answers we need are missing. The list below says which ones and where "
                    "to find them."
                ),
            )
        case "no_qualifying_ground":
            return Summary(
                _("None of the reasons given qualifies yet"),
                _(
                    "The law only accepts certain reasons. Below we explain why each reason does "
                    "not fit, and what might fit instead."
                ),
            )
        case "needs_warden_request":
            return Summary(
                _("First step: ask the warden"),
                _(
                    "Before going to court, your loved one must ask the warden in writing to "
                    "file for compassionate release, listing every reason. The motion can be "
                    "filed 31 days after the warden receives the request."
                ),
            )
        case "new_request_needed":
            explanation = _new_request_choices(
                result.unmatched_grounds,
                bool(result.partial_grounds),
                result.partial_filing_date,
                result.partial_date_is_estimate,
            )
            return Summary(_("A new request to the warden is needed"), explanation)
        case "waiting":
            return Summary(
                _("Your loved one can file on %(date)s") % {"date": long_date(when)},
                _(
                    "That is %(days)s from now. A motion filed even one day early is dismissed "
                    "and must be filed again after the wait, so please wait until then."
                )
                % {"days": days((when - result.as_of).days)},
            )
        case _:
            if when is None:
                return Summary(
                    _("The BOP is asking the court itself"),
                    _(
                        "There is nothing to wait for. If the BOP does not go ahead, your loved "
                        "one can still file their own motion later."
                    ),
                )
            return Summary(
                _("Your loved one can file the motion now"),
                _(
                    "The first day to file was %(date)s. Only your loved one (or a lawyer) can "
                    "sign and mail the motion to the court."
                )
                % {"date": long_date(when)},
            )
