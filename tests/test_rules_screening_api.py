"""What the screening says for everything else to read (docs/case-format.md, `draft`): which
motion may be drafted and on which grounds, its date, whether that date is an estimate, whether
it is an emergency, whether a warden request can be written, why there is no motion, the
counting requests as computed, and the verdict in a few words.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from eligibility import rules
from eligibility.rules import VERDICTS, verdict_label
from tests.casebuilder import AS_OF, READY_ON, case, ground, grounds, request, screen_case

TERMINAL_IN_JULY = request(sent_on="2026-07-15", received_on="2026-07-15")
SPOUSE_IN_NOVEMBER = request(
    sent_on="2026-11-20", received_on="2026-11-20", covering=("family_spouse_partner",)
)
BOTH = grounds("medical_terminal", "family_spouse_partner")

EVERY_VERDICT = [
    # (id, case, as_of, verdict, motion documents)
    ("ready", case(), AS_OF, "ready_to_file", ("motion",)),
    ("bop-moving", case(bop_motion=True, warden_requests=[]), AS_OF, "ready_to_file", ("motion",)),
    ("waiting", case(), date(2026, 9, 20), "waiting", ("motion",)),
    (
        "waiting-and-sooner",
        case(grounds=BOTH, warden_requests=[TERMINAL_IN_JULY, SPOUSE_IN_NOVEMBER]),
        AS_OF,
        "waiting",
        ("motion", "motion-now"),
    ),
    (
        "needs-information-proof",
        case(warden_requests=[request(received_on=None)]),
        AS_OF,
        "needs_information",
        (),
    ),
    (
        "needs-information-and-sooner",
        case(
            grounds=BOTH,
            warden_requests=[
                TERMINAL_IN_JULY,
                request(
                    sent_on="2026-10-01", received_on=None, covering=("family_spouse_partner",)
                ),
            ],
        ),
        AS_OF,
        "needs_information",
        ("motion-now",),
    ),
    (
        "needs-information-facts",
        case(custody={"sentencing_court": None}),
        AS_OF,
        "needs_information",
        (),
    ),
    ("not-eligible", case(custody={"sentencing_court": "state"}), AS_OF, "not_eligible", ()),
    (
        "no-qualifying-ground",
        case(
            grounds=grounds("age"),
            person={"date_of_birth": "1990-01-01"},
            warden_requests=[request(covering=("age",))],
        ),
        AS_OF,
        "no_qualifying_ground",
        (),
    ),
    ("needs-warden-request", case(warden_requests=[]), AS_OF, "needs_warden_request", ()),
    ("new-request-needed", case(grounds=BOTH), AS_OF, "new_request_needed", ("motion-now",)),
    (
        "new-request-needed-nothing-matched",
        case(grounds=grounds("family_spouse_partner")),
        AS_OF,
        "new_request_needed",
        (),
    ),
]


@pytest.mark.parametrize(
    ("data", "as_of", "verdict", "documents"),
    [v[1:] for v in EVERY_VERDICT],
    ids=[v[0] for v in EVERY_VERDICT],
)
def test_the_motions_that_may_be_drafted_for_every_verdict(data, as_of, verdict, documents):
    result = screen_case(data, as_of)

    assert result.verdict == verdict
    assert result.motion_documents == documents
    if documents:
        assert result.no_motion_reason is None
    else:
        assert result.no_motion_reason
        assert result.no_motion_reason.startswith("There is no motion")
    assert result.warden_request_allowed == (verdict != "not_eligible")


def test_every_verdict_is_covered_by_the_table():
    assert {v[3] for v in EVERY_VERDICT} == set(VERDICTS)


def test_each_motion_carries_its_own_grounds_date_and_emergency():
    data = case(
        grounds=[*BOTH, ground("other")],
        warden_requests=[
            TERMINAL_IN_JULY,
            request(sent_on="2026-07-15", received_on="2026-07-15", covering=("other",)),
            SPOUSE_IN_NOVEMBER,
        ],
    )

    result = screen_case(data, AS_OF)

    assert result.motion_documents == ("motion", "motion-now")
    assert result.grounds_for("motion") == ("medical_terminal", "family_spouse_partner", "other")
    assert result.grounds_for("motion-now") == ("medical_terminal", "other")
    assert result.filing_date_for("motion") == date(2026, 12, 21)
    assert result.filing_date_for("motion-now") == date(2026, 8, 15)
    assert result.emergency_for("motion") is True
    assert result.emergency_for("motion-now") is True
    with pytest.raises(ValueError):
        result.grounds_for("letter")


def test_a_motion_without_a_terminal_illness_is_no_emergency():
    data = case(
        grounds=grounds("family_spouse_partner", "medical_terminal"),
        warden_requests=[
            request(
                sent_on="2026-07-15", received_on="2026-07-15", covering=("family_spouse_partner",)
            ),
            request(sent_on="2026-11-20", received_on="2026-11-20"),
        ],
    )

    result = screen_case(data, AS_OF)

    assert result.grounds_for("motion-now") == ("family_spouse_partner",)
    assert result.emergency_for("motion-now") is False
    assert result.emergency_for("motion") is True


def test_the_motion_leaves_out_the_unmatched_and_failing_grounds():
    data = case(
        grounds=[
            ground("medical_terminal"),
            ground("family_spouse_partner"),
            {**ground("other"), "change_in_law": True},
        ],
    )

    result = screen_case(data, AS_OF)

    assert result.verdict == "new_request_needed"
    assert result.grounds_for("motion") == ("medical_terminal",)
    assert result.grounds_for("motion-now") == ("medical_terminal",)
    assert result.filing_date_for("motion-now") == READY_ON


DATE_IS_ESTIMATE = [
    # (id, case, as_of, estimate)
    ("proven-ready", case(), AS_OF, False),
    ("proven-waiting", case(), date(2026, 9, 20), False),
    (
        "estimated-waiting",
        case(warden_requests=[request(received_on=None)]),
        date(2026, 9, 20),
        True,
    ),
    (
        "remembered-waiting",
        case(warden_requests=[request(receipt_proof="none")]),
        date(2026, 9, 20),
        True,
    ),
    ("estimated-passed", case(warden_requests=[request(received_on=None)]), AS_OF, True),
    ("bop-moving", case(bop_motion=True), AS_OF, False),
    ("no-date", case(warden_requests=[request(received_on=None, sent_on=None)]), AS_OF, False),
]


@pytest.mark.parametrize(
    ("data", "as_of", "estimate"),
    [d[1:] for d in DATE_IS_ESTIMATE],
    ids=[d[0] for d in DATE_IS_ESTIMATE],
)
def test_date_is_estimate(data, as_of, estimate):
    result = screen_case(data, as_of)

    assert result.date_is_estimate is estimate
    assert result.estimate_for("motion") is estimate


def test_a_partial_date_resting_on_an_estimate_says_so():
    data = case(grounds=BOTH, warden_requests=[request(received_on=None)])

    result = screen_case(data, date(2026, 9, 20))

    assert result.verdict == "new_request_needed"
    assert result.partial_filing_date == READY_ON
    assert result.estimate_for("motion-now") is True


def test_no_warden_request_when_every_ground_is_unavailable():
    unavailable = next(info.id for info in rules.BY_ID.values() if not info.available)

    result = screen_case(case(grounds=grounds(unavailable)), AS_OF)

    assert result.verdict == "no_qualifying_ground"
    assert result.warden_request_allowed is False
    assert screen_case(case(grounds=grounds(unavailable, "age")), AS_OF).warden_request_allowed


def test_the_requests_as_the_screening_computed_them():
    data = case(
        grounds=BOTH,
        warden_requests=[
            request(asked_for="home_confinement"),
            request(sent_on="2026-08-01", received_on="2026-08-03", receipt_proof="staff_stamp"),
            request(
                sent_on="2026-09-01",
                received_on=None,
                method="mail",
                covering=("family_spouse_partner",),
            ),
            request(
                sent_on="2026-06-01",
                received_on="2026-06-01",
                receipt_proof="none",
                covering=("medical_terminal", "family_spouse_partner"),
                final_denial_on="2026-06-20",
            ),
        ],
    )

    result = screen_case(data, AS_OF)

    assert [r.index for r in result.requests] == [1, 2, 3]
    stamped, mailed, appealed = result.requests
    assert (stamped.sent_on, stamped.received_on, stamped.receipt_estimated) == (
        date(2026, 8, 1),
        date(2026, 8, 3),
        False,
    )
    assert stamped.receipt_proof == "staff_stamp"
    assert stamped.lapsed_on == stamped.exhausted_on == date(2026, 9, 3)
    assert stamped.proven is True
    assert stamped.grounds == ("medical_terminal",)
    assert (mailed.received_on, mailed.receipt_estimated, mailed.proven) == (
        date(2026, 9, 8),
        True,
        False,
    )
    assert mailed.lapsed_on == date(2026, 10, 9)
    assert mailed.grounds == ("family_spouse_partner",)
    assert appealed.receipt_estimated is True
    assert appealed.lapsed_on == date(2026, 7, 2)
    assert appealed.final_denial_on == date(2026, 6, 20)
    assert (appealed.exhausted_on, appealed.proven) == (date(2026, 6, 20), True)
    assert appealed.grounds == ("medical_terminal", "family_spouse_partner")
    assert result.verdict == "ready_to_file"


LABELS = {
    "not_eligible": ("This law does not apply", "Esta ley no se aplica"),
    "needs_information": ("More information needed", "Se necesita más información"),
    "no_qualifying_ground": ("No reason qualifies yet", "Todavía ninguna razón califica"),
    "needs_warden_request": (
        "Needs a request to the warden",
        "Necesita una solicitud al director de la prisión",
    ),
    "new_request_needed": (
        "Needs a new request to the warden",
        "Necesita una nueva solicitud al director de la prisión",
    ),
    "waiting": ("Waiting for the 30 days to pass", "Esperando a que pasen los 30 días"),
    "ready_to_file": ("Ready to file", "Lista para presentar"),
}


@pytest.mark.parametrize("verdict", VERDICTS)
def test_verdict_label_in_both_languages(verdict):
    english, spanish = LABELS[verdict]
    with translation.override("en"):
        assert verdict_label(verdict) == english
    with translation.override("es"):
        assert verdict_label(verdict) == spanish


def test_verdict_label_of_a_case_not_screened_yet():
    with translation.override("en"):
        assert verdict_label(None) == "Not checked yet"
    with translation.override("es"):
        assert verdict_label(None) == "Todavía no se ha revisado"


def test_the_no_motion_reason_follows_the_language():
    data = case(warden_requests=[])
    with translation.override("es"):
        result = screen_case(data, AS_OF)
    assert result.no_motion_reason.startswith("Todavía no hay moción")


def test_new_law_begins_is_the_rules_own_date():
    assert date(1987, 11, 1) == rules.NEW_LAW_BEGINS
