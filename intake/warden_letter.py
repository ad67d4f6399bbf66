"""What the request to the warden needs beyond the facts every draft shares (domain.md § 5).

Who writes it decides its voice: the person in prison in his own name alone, or one family
member in theirs (the suggestion that the person also sign goes on the family's sheet,
intake/readme.py). It goes to the warden's street address, or to the RRM office for a halfway
house or home confinement. And it says what has changed since sentencing, as far as the
answers show it, leaving lines to write the rest by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from eligibility.facts import CaseFacts
from eligibility.grounds import BY_ID
from eligibility.words import court_date
from intake import readme

# Grounds whose facts arise after sentencing by their very definition (USSG §1B1.13(b)(4):
# abuse "while serving the term of imprisonment").
AFTER_SENTENCING = frozenset({"abuse_in_custody"})


@dataclass(frozen=True)
class SinceSentencing:
    """What the answers show changed since the sentence was imposed."""

    imposed_on: str | None
    age_then: int | None
    age_now: int | None
    abuse: bool
    # Some reason's change is not shown by the answers: lines to write it by hand.
    write_in: bool


def context(facts: CaseFacts, as_of: date, preparer_role: str | None = None) -> dict:
    return {
        "writes_for_self": readme.writes_for_self(facts, preparer_role),
        "recipient": readme.warden_recipient(facts),
        "since_sentencing": since_sentencing(facts, as_of),
    }


def since_sentencing(facts: CaseFacts, as_of: date) -> SinceSentencing:
    imposed, born = facts.sentence.imposed_on, facts.person.date_of_birth
    raised = {g.category for g in facts.grounds if BY_ID[g.category].available}
    ages = "age" in raised and imposed is not None and born is not None
    shown = AFTER_SENTENCING | ({"age"} if ages else set())
    return SinceSentencing(
        imposed_on=court_date(imposed) if imposed else None,
        age_then=relativedelta(imposed, born).years if ages else None,
        age_now=relativedelta(as_of, born).years if ages else None,
        abuse="abuse_in_custody" in raised,
        write_in=not raised or bool(raised - shown),
    )
