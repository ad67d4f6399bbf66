"""How the rules word what they find (domain.md § 2 rules 2 and 4, § 3, § 8): a premature motion
is dismissed and must be filed again after the wait; the early-denial warning fits the day it
is read and never says a court "demanded" something; issue exhaustion is a safe default. Every
message of the second round reads at grade 8 or below and has Spanish.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from eligibility.rules import summary
from tests.casebuilder import AS_OF, case, ground, grounds, only, request, screen_case
from tests.readability import grade
from tests.test_plain_language import MAX_GRADE, spread_of_cases

DENIED = {"sentence": {"district": "txsd"}}  # 5th Circuit: filing after an early "no" unsettled


def denied(**appeal) -> dict:
    return case(
        **DENIED,
        warden_requests=[
            request(
                sent_on="2026-11-01",
                received_on="2026-11-01",
                response="denied",
                response_on="2026-11-05",
                **appeal,
            )
        ],
    )


EARLY_DENIAL = [
    # (id, case, as_of, must say, must not say)
    (
        "bp9-still-open",
        denied(),
        date(2026, 11, 20),
        ["by Wednesday, November 25, 2026", "To be safe"],
        ["ended on", "already filed"],
    ),
    (
        "bp9-last-day",
        denied(),
        date(2026, 11, 25),
        ["by Wednesday, November 25, 2026"],
        ["ended on"],
    ),
    (
        "bp9-days-passed",
        denied(),
        date(2026, 11, 26),
        [
            "The 20 days to file an appeal to the warden (form BP-9) ended on Wednesday, "
            "November 25, 2026",
            "can still file on or after Wednesday, December 2, 2026",
        ],
        ["To be safe", "already filed"],
    ),
    (
        "bp9-filed",
        denied(bp9_on="2026-11-15"),
        date(2026, 11, 28),
        [
            "already filed an appeal to the warden (form BP-9) on November 15, 2026",
            "form BP-10",
            "within 20 days of the warden's answer to the BP-9",
        ],
        ["ended on", "To be safe"],
    ),
    (
        "bp10-filed",
        denied(bp9_on="2026-11-10", bp10_on="2026-11-20"),
        date(2026, 11, 28),
        ["form BP-10) on November 20, 2026", "form BP-11", "within 30 days"],
        ["ended on"],
    ),
    (
        "bp11-filed",
        denied(bp9_on="2026-11-10", bp10_on="2026-11-15", bp11_on="2026-11-25"),
        date(2026, 11, 28),
        ["last appeal (form BP-11) on November 25, 2026"],
        ["ended on"],
    ),
]


@pytest.mark.parametrize(
    ("data", "as_of", "says", "never"),
    [e[1:] for e in EARLY_DENIAL],
    ids=[e[0] for e in EARLY_DENIAL],
)
def test_the_early_denial_warning_fits_the_day_it_is_read(data, as_of, says, never):
    message = only(screen_case(data, as_of), "denial_before_30_days").message

    assert "the earliest date is still Wednesday, December 2, 2026" in message
    assert "have not settled whether the full appeal is also needed" in message
    assert "demanded" not in message
    for text in says:
        assert text in message
    for text in never:
        assert text not in message


def test_issue_exhaustion_is_described_as_a_safe_default():
    result = screen_case(case(grounds=grounds("medical_terminal", "family_parent")), AS_OF)

    message = only(result, "ground_matching").message
    assert "Courts in some parts of the country require the warden to see every reason first" in (
        message
    )
    assert "To be safe" in message
    assert "can only use reasons the warden saw" not in message
    assert "To be safe" in summary(result).explanation
    unknown = screen_case(case(warden_requests=[request(listed=None)]), AS_OF)
    assert "To be safe, check the copy you kept" in only(unknown, "request_facts").message


def second_round_cases():
    """Cases that reach every message added or changed in the second round."""
    for as_of in (date(2026, 11, 20), date(2026, 11, 26)):
        yield denied(), as_of
    yield denied(bp9_on="2026-11-15"), AS_OF
    yield denied(bp9_on="2026-11-10", bp10_on="2026-11-20"), AS_OF
    yield denied(bp9_on="2026-11-10", bp10_on="2026-11-15", bp11_on="2026-11-25"), AS_OF
    for as_of in (date(2026, 9, 20), AS_OF):
        yield case(warden_requests=[request(receipt_proof="none")]), as_of
        yield case(warden_requests=[request(received_on=None)]), as_of
    yield case(custody={"offense_date": None, "old_law": None}), AS_OF
    yield case(custody={"offense_date": None, "old_law": True}), AS_OF
    yield case(grounds=[{**ground("other"), "change_in_law": True}]), AS_OF
    for filed in ("2026-09-10", None):
        yield case(prior_motion={"filed_on": filed, "outcome": "dismissed_unexhausted"}), AS_OF
    terminal = request(sent_on="2026-07-15", received_on="2026-07-15")
    spouse = ("family_spouse_partner",)
    for other in (
        request(sent_on="2026-11-20", received_on="2026-11-20", covering=spouse),
        request(sent_on="2026-10-01", received_on=None, covering=spouse),
        request(sent_on=None, received_on=None, covering=spouse),
    ):
        yield (
            case(
                grounds=grounds("medical_terminal", "family_spouse_partner"),
                warden_requests=[terminal, other],
            ),
            AS_OF,
        )
    yield (
        case(
            grounds=grounds("family_parent", "family_spouse_partner"),
            warden_requests=[
                request(
                    sent_on="2026-07-15", received_on="2026-07-15", covering=("family_parent",)
                ),
                request(sent_on="2026-11-20", received_on="2026-11-20", covering=spouse),
            ],
        ),
        AS_OF,
    )
    yield case(grounds=grounds("medical_terminal", "family_parent")), AS_OF
    yield case(warden_requests=[request(listed=None)]), AS_OF
    for data in spread_of_cases():
        yield data, AS_OF


def texts_of(data: dict, as_of: date) -> list[str]:
    result = screen_case(data, as_of)
    words = summary(result)
    out = [f.message for f in result.findings]
    out.append(f"{words.headline}. {words.explanation}")
    if result.no_motion_reason:
        out.append(result.no_motion_reason)
    return out


CASES = list(second_round_cases())


def test_no_message_says_thrown_out_for_good_or_demanded():
    for data, as_of in CASES:
        for text in texts_of(data, as_of):
            for word in ("thrown out", "for good", "demanded"):
                assert word not in text, text


def test_a_premature_motion_is_dismissed_and_filed_again_after_the_wait():
    waiting = screen_case(case(), date(2026, 9, 20))
    estimate = screen_case(case(warden_requests=[request(received_on=None)]), AS_OF)

    for text in (
        only(waiting, "exhaustion").message,
        summary(waiting).explanation,
        only(estimate, "receipt_proof").message,
        summary(estimate).explanation,
    ):
        assert "dismissed and must be filed again after the wait" in text


def test_every_second_round_message_reads_at_grade_8_or_below():
    for data, as_of in CASES[:24]:
        for text in texts_of(data, as_of):
            assert grade(text) <= MAX_GRADE, text


def test_every_second_round_message_has_spanish():
    for data, as_of in CASES[:24]:
        english = texts_of(data, as_of)
        with translation.override("es"):
            spanish = texts_of(data, as_of)
        assert len(english) == len(spanish)
        for en, es in zip(english, spanish, strict=True):
            assert en != es, en
