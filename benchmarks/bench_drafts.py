"""How long the motion takes to render for 1, 3 and 10 grounds, and a cached re-download.

Medians, so one slow run (a cold font cache, a busy machine) does not move the numbers. The
cached row is what a repeat download of unchanged data costs: the content key plus one read
from Django's cache. Targets (issue "Fast"): 3 grounds under 0.5 s median; a cached download
at least 50x faster than a first render. Where LibreOffice is installed, the ratio to
converting the same motion as a DOCX with `soffice --headless --convert-to pdf`
(benchmarks/libreoffice.py).
"""

from __future__ import annotations

import logging
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Row, report, setup_django  # noqa: E402
from libreoffice import Converter, soffice  # noqa: E402

AS_OF = date(2026, 11, 29)
RENDER_RUNS = 7
SOFFICE_RUNS = 5
CACHED_RUNS = 200
THREE_GROUNDS_TARGET = 0.5  # seconds, median
CACHED_SPEED_UP = 50
FACTS_TEXT = (
    "The facts of this reason, as a family might write them: what happened, when, what the "
    "doctors said, and why no one else can help. "
) * 3


def case_with(grounds: int):
    from eligibility.facts import CaseFacts, Custody, Ground, Person, Sentence, WardenRequest
    from eligibility.grounds import CATALOGUE

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


def run() -> list[Row]:
    setup_django()
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    from django.core.cache import cache

    from intake.drafts import caching, rendering

    rendering.render(case_with(1), "motion", as_of=AS_OF)  # load fonts and templates once
    rows = []
    medians = {}
    for grounds in (1, 3, 10):
        facts = case_with(grounds)
        seconds = median_seconds(
            lambda f=facts: rendering.render(f, "motion", as_of=AS_OF), RENDER_RUNS
        )
        medians[grounds] = seconds
        has_target = grounds == 3
        rows.append(
            Row(
                f"motion, {grounds} ground{'s' if grounds > 1 else ''} ({RENDER_RUNS} runs)",
                f"median {seconds * 1000:.1f} ms",
                f"median < {THREE_GROUNDS_TARGET * 1000:.0f} ms" if has_target else "",
                seconds < THREE_GROUNDS_TARGET if has_target else None,
            )
        )

    facts = case_with(3)
    cache.clear()
    caching.render_cached(facts, "motion", as_of=AS_OF)
    seconds = median_seconds(
        lambda: caching.render_cached(facts, "motion", as_of=AS_OF), CACHED_RUNS
    )
    speed_up = medians[3] / seconds
    rows.append(
        Row(
            f"motion, 3 grounds, cached ({CACHED_RUNS} runs)",
            f"median {seconds * 1000:.2f} ms  {speed_up:,.0f}x",
            f">= {CACHED_SPEED_UP}x faster",
            speed_up >= CACHED_SPEED_UP,
        )
    )
    rows.append(libreoffice_row(facts, medians[3]))
    return rows


def libreoffice_row(facts, weasyprint_median: float) -> Row:
    """The same motion (3 grounds) as a DOCX, converted by soffice: median, and the ratio."""
    from intake.drafts import rendering

    name = f"LibreOffice DOCX to PDF, 3 grounds ({SOFFICE_RUNS} runs)"
    if soffice() is None:
        return Row(name, "not installed, skipped")
    converter = Converter(rendering.document_html(facts, "motion", as_of=AS_OF))
    try:
        seconds = median_seconds(converter.convert, SOFFICE_RUNS)
    finally:
        converter.close()
    ratio = seconds / weasyprint_median
    return Row(name, f"median {seconds * 1000:.0f} ms  {ratio:.1f}x ours")


if __name__ == "__main__":
    report("Documents (median render time)", run())
