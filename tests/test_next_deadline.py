"""The next date a case waits for (eligibility.after_filing.next_deadline): the soonest date
ahead among the first day to file and each stage's date after the motion (domain.md § 2 and
§ 9), for the advocate's list sorted by it."""

from datetime import date

import pytest
from django.utils import translation

from eligibility import after_filing as af
from eligibility.after_filing import Deadline, Stage
from eligibility.facts import read_case
from tests import casebuilder

AS_OF = date(2026, 11, 29)
FACTS = read_case(casebuilder.case())


def nov(day: int) -> date:
    return date(2026, 11, day)


def dec(day: int) -> date:
    return date(2026, 12, day)


@pytest.mark.parametrize(
    ("stages", "earliest", "expected"),
    [
        ([], None, None),
        ([], dec(21), Deadline(af.FIRST_DAY_TO_FILE, dec(21))),
        ([], AS_OF, Deadline(af.FIRST_DAY_TO_FILE, AS_OF)),  # today is still ahead
        ([], nov(28), None),  # ready since yesterday: nothing to wait for
        ([Stage(af.FILED, nov(2))], dec(21), None),  # mailed: the first day is behind it
        (
            [Stage(af.FILED, nov(2)), Stage(af.RESPONSE, nov(20), reply_due_on=dec(14))],
            None,
            Deadline(af.REPLY_DUE, dec(14)),
        ),
        # The court's order gave no reply date: none is guessed.
        ([Stage(af.FILED, nov(2)), Stage(af.RESPONSE, nov(20))], None, None),
        (
            [
                Stage(af.FILED, nov(2)),
                Stage(af.RESPONSE, nov(20), reply_due_on=dec(14)),
                Stage(af.REPLY_SENT, nov(25)),
            ],
            None,
            None,
        ),
        (
            [Stage(af.FILED, nov(2)), Stage(af.DECIDED, nov(20), af.DENIED)],
            None,
            Deadline(af.APPEAL_DUE, dec(4)),  # 14 days after the order was entered
        ),
        (
            [
                Stage(af.FILED, nov(2)),
                Stage(af.DECIDED, nov(20), af.DENIED),
                Stage(af.APPEAL_FILED, nov(24)),
            ],
            None,
            None,
        ),
        ([Stage(af.FILED, nov(2)), Stage(af.DECIDED, nov(10), af.DENIED)], None, None),  # past
        ([Stage(af.FILED, nov(2)), Stage(af.DECIDED, nov(20), af.GRANTED)], None, None),
        ([Stage(af.WARDEN_DENIED, nov(20))], None, Deadline(af.BP9_DUE, dec(10))),
        (
            [Stage(af.WARDEN_DENIED, nov(1)), Stage(af.BP9_FILED, nov(15))],
            None,
            Deadline(af.WARDEN_ANSWER_DUE, dec(5)),
        ),
        (
            [Stage(af.WARDEN_DENIED, nov(1)), Stage(af.BP9_FILED, nov(5))],
            None,
            None,  # the warden's 20 days ended on November 25
        ),
        # The soonest of two dates ahead.
        ([Stage(af.WARDEN_DENIED, nov(20))], dec(5), Deadline(af.FIRST_DAY_TO_FILE, dec(5))),
        ([Stage(af.WARDEN_DENIED, nov(20))], dec(21), Deadline(af.BP9_DUE, dec(10))),
    ],
)
def test_the_next_date_is_the_soonest_ahead(stages, earliest, expected):
    assert af.next_deadline(stages, FACTS, earliest, AS_OF) == expected


def test_after_a_dismissal_it_is_the_day_to_file_again():
    as_of = date(2026, 9, 25)
    stages = [
        Stage(af.FILED, date(2026, 9, 10)),
        Stage(af.DECIDED, date(2026, 9, 24), af.DISMISSED_UNEXHAUSTED),
    ]

    found = af.next_deadline(stages, FACTS, None, as_of)

    assert found == Deadline(af.FILE_AGAIN, casebuilder.READY_ON)  # the request's 30 days
    assert found.due_on == af.file_again(FACTS, date(2026, 9, 10), date(2026, 9, 24), as_of).due_on


def test_each_kind_of_date_is_named_in_both_languages():
    for label in af.DEADLINE_LABELS.values():
        with translation.override("es"):
            spanish = translation.gettext(label)
        assert spanish != label
        assert translation.gettext(label) == label
    with translation.override("es"):
        assert translation.gettext(af.DEADLINE_LABELS[af.REPLY_DUE]) == "Fecha límite de la réplica"
