"""Every eligibility message and every ground description reads at grade 8 or below
(domain.md § 8), measured with the Flesch–Kincaid grade in tests/readability.py.

The messages are collected by screening a spread of cases that reaches every rule and status:
each court, custody status and offense-date side of 1987-11-01, every ground (with the age
ground on both sides of its lines), and requests of every kind, method, response and date.
"""

import itertools

import pytest

from eligibility.facts import CUSTODY_STATUSES, SENTENCING_COURTS
from eligibility.grounds import CATALOGUE, GROUND_IDS, NOT_GROUNDS
from eligibility.rules import summary
from tests.casebuilder import case, ground, request, screen_case
from tests.readability import grade

MAX_GRADE = 8.0


def spread_of_cases():
    for court, status in itertools.product((*SENTENCING_COURTS, None), (*CUSTODY_STATUSES, None)):
        yield case(custody={"sentencing_court": court, "status": status})
    for offense in ("1986-06-01", "1987-11-01", None):
        yield case(custody={"offense_date": offense})
    for gid in GROUND_IDS:
        yield case(grounds=[ground(gid)], warden_requests=[request(covering=(gid,))])
        yield case(grounds=[ground(gid)], warden_requests=[])
    for dob, began, term in (
        ("1950-01-01", "2010-01-01", 240),
        ("1970-01-01", "2010-01-01", 240),
        ("1950-01-01", "2024-01-01", 240),
        ("1950-01-01", None, 240),
        (None, "2010-01-01", None),
    ):
        yield case(
            person={"date_of_birth": dob},
            sentence={"custody_began": began, "term_months": term},
            grounds=[ground("age")],
            warden_requests=[request(covering=("age",))],
        )
    for method, received, response, response_on, kind in itertools.product(
        ("hand_delivered", "mail", None),
        ("2026-09-01", None),
        ("denied", "none"),
        ("2026-09-05", None),
        ("sentence_reduction", "home_confinement", "other", None),
    ):
        yield case(
            warden_requests=[
                request(
                    method=method,
                    received_on=received,
                    sent_on="2026-09-01",
                    response=response,
                    response_on=response_on,
                    asked_for=kind,
                    facility="COP",
                )
            ]
        )
    for district in ("pamd", "txsd", "dcd"):
        yield case(
            sentence={"district": district},
            warden_requests=[
                request(received_on="2026-11-10", response="denied", response_on="2026-11-12")
            ],
        )
    yield case(
        grounds=[ground("medical_terminal"), ground("family_parent")],
        warden_requests=[request(covering=("medical_self_care",))],
    )
    yield case(warden_requests=[request(sent_on=None, received_on=None)])
    yield case(warden_requests=[request(listed=None)])
    yield case(warden_requests=[request(listed=[{"category": "medical_terminal"}])])
    yield case(prior_motion={"filed_on": "2026-10-01"})
    yield case(bop_motion=True)
    yield case(sentence={"appeal_pending": True})
    yield case(grounds=[])


def collected_texts() -> dict[str, str]:
    texts: dict[str, str] = {}
    for data in spread_of_cases():
        result = screen_case(data)
        for finding in result.findings:
            texts.setdefault(
                f"{finding.rule}/{finding.status}: {finding.message[:50]}", finding.message
            )
        words = summary(result)
        texts.setdefault(
            f"summary/{result.verdict}: {words.headline}", f"{words.headline}. {words.explanation}"
        )
    for info in CATALOGUE:
        texts[f"ground {info.id}"] = info.explanation
        if info.unavailable_reason:
            texts[f"ground {info.id} unavailable"] = info.unavailable_reason
    for item in NOT_GROUNDS:
        texts[f"not a ground {item.id}"] = f"{item.why} {item.instead}"
    return texts


TEXTS = collected_texts()


def test_the_spread_reaches_every_rule_and_verdict():
    rules = {key.split("/")[0] for key in TEXTS if "/" in key}
    assert rules >= {
        "federal_only",
        "pending_appeal",
        "ground_available",
        "ground_criteria",
        "ground_matching",
        "exhaustion",
        "receipt_proof",
        "denial_before_30_days",
        "current_facility",
        "request_facts",
        "request_kind",
        "prior_motion",
        "summary",
    }
    verdicts = {key.split(":")[0].split("/")[1] for key in TEXTS if key.startswith("summary/")}
    assert len(verdicts) == 7


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_it_reads_at_grade_8_or_below(key):
    assert grade(TEXTS[key]) <= MAX_GRADE, TEXTS[key]


def test_the_measure_can_tell_hard_text_from_plain_text():
    hard = (
        "Notwithstanding the aforementioned considerations, the administrative exhaustion "
        "requirement constitutes a mandatory claim-processing prerequisite."
    )
    assert grade(hard) > 12
    assert grade("You can file on this day. Keep the paper the warden gave you.") < 6


def step_help_texts() -> dict[str, str]:
    """The help text of every field of every interview step, as families read it."""
    from intake.wizard import FORMS

    texts = {}
    for step, form_class in FORMS:
        form = form_class()
        form = getattr(form, "empty_form", form)  # a formset: one request's questions
        for name, field in form.fields.items():
            if field.help_text:
                texts[f"{step}.{name}"] = str(field.help_text)
    return texts


HELP_TEXTS = step_help_texts()


def test_the_steps_have_help_texts_to_measure():
    assert len(HELP_TEXTS) >= 20


@pytest.mark.parametrize("key", sorted(HELP_TEXTS))
def test_each_steps_help_text_reads_at_grade_8_or_below(key):
    assert grade(HELP_TEXTS[key]) <= MAX_GRADE, HELP_TEXTS[key]


def after_filing_texts() -> dict[str, str]:
    """What the timeline says after each stage (eligibility/after_filing.py), over a spread of
    stages and days, and the help texts of its form."""
    from datetime import date, timedelta

    from eligibility import after_filing as af
    from eligibility.facts import read_case
    from intake.stage_forms import ReplyForm, StageForm

    facts = read_case(case())
    filed = af.Stage(af.FILED, date(2026, 10, 5))
    texts = {}
    for kind in af.STAGE_KINDS:
        outcomes = af.OUTCOMES if kind == af.DECIDED else (None,)
        for outcome, reply_due, later in itertools.product(
            outcomes, (None, date(2026, 11, 30)), (0, 12, 15, 40)
        ):
            stage = af.Stage(kind, date(2026, 11, 2), outcome, reply_due)
            found = af.next_after(stage, [filed, stage], facts, stage.on + timedelta(later))
            texts[f"{kind}/{outcome}/{reply_due}/+{later}"] = found.message
    denied = af.Stage(af.WARDEN_DENIED, date(2026, 9, 1))
    texts["settled"] = af.next_after(
        denied, [denied, af.Stage(af.BP9_FILED, date(2026, 9, 5))], facts, date(2026, 9, 6)
    ).message
    problem = af.order_problem([filed], af.Stage(af.DECIDED, date(2026, 10, 1)))
    texts["order_problem"] = problem
    for name, field in StageForm(earlier=[]).fields.items():
        if field.help_text:
            texts[f"timeline.{name}"] = str(field.help_text)
    for objection in af.OBJECTIONS:
        texts[f"objection {objection.id}"] = objection.label
    texts["reply.answer"] = str(ReplyForm().fields["danger_answer"].help_text)
    return texts


AFTER_FILING_TEXTS = after_filing_texts()


@pytest.mark.parametrize("key", sorted(AFTER_FILING_TEXTS))
def test_the_timeline_reads_at_grade_8_or_below(key):
    assert grade(AFTER_FILING_TEXTS[key]) <= MAX_GRADE, AFTER_FILING_TEXTS[key]
