"""How long the motion takes to render for 1, 3 and 10 grounds, and a cached re-download.

Run with `make bench`. Prints medians, so one slow run (a cold font cache, a busy machine) does
not move the numbers. The cached row is what a repeat download of unchanged data costs: the
content key plus one read from Django's cache.
"""

import logging
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from django.core.cache import cache  # noqa: E402

from eligibility.facts import (  # noqa: E402
    CaseFacts,
    Custody,
    Ground,
    Person,
    Sentence,
    WardenRequest,
)
from eligibility.grounds import CATALOGUE  # noqa: E402
from intake import drafts  # noqa: E402

AS_OF = date(2026, 11, 29)
RENDER_RUNS = 7
CACHED_RUNS = 200
FACTS_TEXT = (
    "The facts of this reason, as a family might write them: what happened, when, what the "
    "doctors said, and why no one else can help. "
) * 3


def case_with(grounds: int) -> CaseFacts:
    chosen = tuple(Ground(g.id, FACTS_TEXT) for g in CATALOGUE if g.available)[:grounds]
    assert len(chosen) == grounds, f"the catalogue has fewer than {grounds} available grounds"
    return CaseFacts(
        person=Person("Robert Example", "12345-678", date(1955, 1, 10), "DEV"),
        custody=Custody("federal_district", "bop_facility", date(2012, 3, 1)),
        sentence=Sentence("nysd", "1:12-cr-00123-ABC", None, date(2013, 5, 1), 240),
        grounds=chosen,
        warden_requests=(
            WardenRequest(
                sent_on=date(2026, 8, 21),
                asked_for="sentence_reduction",
                method="hand_delivered",
                received_on=date(2026, 8, 21),
                grounds=chosen,
            ),
        ),
    )


def median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    drafts.render(case_with(1), "motion", as_of=AS_OF)  # load fonts and templates once
    rows = []
    for grounds in (1, 3, 10):
        facts = case_with(grounds)
        seconds = median_seconds(
            lambda f=facts: drafts.render(f, "motion", as_of=AS_OF), RENDER_RUNS
        )
        rows.append((f"motion, {grounds} ground{'s' if grounds > 1 else ''}", RENDER_RUNS, seconds))

    facts = case_with(3)
    cache.clear()
    drafts.render_cached(facts, "motion", as_of=AS_OF)
    seconds = median_seconds(
        lambda: drafts.render_cached(facts, "motion", as_of=AS_OF), CACHED_RUNS
    )
    rows.append(("motion, 3 grounds, cached", CACHED_RUNS, seconds))

    print(f"{'what':<30} {'runs':>5} {'median ms':>10}")
    for what, runs, seconds in rows:
        print(f"{what:<30} {runs:>5} {seconds * 1000:>10.1f}")


if __name__ == "__main__":
    main()
