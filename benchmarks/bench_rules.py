"""How fast the rules screen cases: `screen` over 10,000 generated cases in one process.

Target (issue "Fast"): 20,000 cases per second or more. Prints a small table; the median of
five passes is reported, since this machine is shared and noisy.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Row, report, setup_django  # noqa: E402

# The rules' messages are translatable, so Django is set up (no database is used).
setup_django(scratch_db=False)

from eligibility.facts import read_case  # noqa: E402
from eligibility.grounds import GROUND_IDS  # noqa: E402
from eligibility.rules import screen  # noqa: E402

AS_OF = date(2026, 11, 29)
CASES = 10_000
PASSES = 5
TARGET = 20_000


def random_day(rng: random.Random, start: date, end: date) -> str:
    return (start + timedelta(days=rng.randrange((end - start).days))).isoformat()


def generate(rng: random.Random) -> dict:
    grounds = rng.sample(GROUND_IDS, rng.randint(1, 3))
    requests = []
    for _ in range(rng.randint(0, 3)):
        sent = random_day(rng, date(2025, 1, 1), AS_OF)
        requests.append(
            {
                "sent_on": sent,
                "asked_for": rng.choice(["sentence_reduction", "sentence_reduction", None]),
                "method": rng.choice(["hand_delivered", "mail", "electronic", "email"]),
                "received_on": sent if rng.random() < 0.7 else None,
                "facility": rng.choice(["BUT", "COP", "LEX"]),
                "grounds": [{"category": g, "facts": "Facts."} for g in rng.sample(grounds, 1)],
                "response": rng.choice(["none", "denied"]),
                "response_on": sent if rng.random() < 0.3 else None,
            }
        )
    return {
        "format": "compassionate-release-case/1",
        "person": {
            "name": "Person",
            "register_number": "12345-678",
            "date_of_birth": random_day(rng, date(1940, 1, 1), date(1990, 1, 1)),
            "facility": "BUT",
        },
        "custody": {
            "sentencing_court": "federal_district",
            "status": rng.choice(["bop_facility", "bop_facility", "rrc", "contract_facility"]),
            "offense_date": random_day(rng, date(1985, 1, 1), date(2020, 1, 1)),
        },
        "sentence": {
            "district": rng.choice(["nysd", "txsd", "pamd", "cand", "dcd"]),
            "term_months": rng.randint(24, 480),
            "custody_began": random_day(rng, date(1995, 1, 1), date(2022, 1, 1)),
        },
        "grounds": [{"category": g, "facts": "Facts."} for g in grounds],
        "warden_requests": requests,
    }


def run() -> list[Row]:
    rng = random.Random(1)
    cases = [read_case(generate(rng)) for _ in range(CASES)]
    rates = []
    for _ in range(PASSES):
        start = time.perf_counter()
        for facts in cases:
            screen(facts, AS_OF)
        rates.append(CASES / (time.perf_counter() - start))
    median = statistics.median(rates)
    return [
        Row(
            f"screen, {CASES:,} generated cases",
            f"{median:,.0f} cases/s",
            f">= {TARGET:,} cases/s",
            median >= TARGET,
        )
    ]


if __name__ == "__main__":
    report(f"The rules (median of {PASSES} passes)", run())
