"""The advocate dashboard with 10,000 and 100,000 cases in one organisation.

The cases are written with bulk_create (a case, its share and one ground each, with a spread
of verdicts, statuses, districts and facilities like a real workspace) and screened today, so
the dashboard's refresh of stale screenings finds nothing to do and the numbers are the list's
own. Measured through the test client as a logged-in advocate: the first page (sorted by the
next date), a filtered page (ready to file, in one district) and the second page sorted by the
first day to file. `make bench` runs it on a throw-away PostgreSQL server,
the database of a large workspace. Target (issue "Fast"): p95 under 100 ms at 100,000
cases, with the same number of queries whatever the number of cases.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Row, median, p95, report, setup_django  # noqa: E402

TODAY = date(2026, 11, 29)
SIZES = (10_000, 100_000)
REQUESTS = 40
TARGET_MS = 100
BATCH = 2_000

VERDICTS = [
    ("ready_to_file", 20),
    ("waiting", 25),
    ("needs_warden_request", 20),
    ("needs_information", 15),
    ("new_request_needed", 5),
    ("no_qualifying_ground", 10),
    ("not_eligible", 5),
]
DISTRICTS = ["nysd", "txsd", "pamd", "cand", "dcd", "ilnd", "flsd", "wawd", "mdd", "azd"]
FACILITIES = ["BUT", "COP", "LEX", "DEV", "CRW", "FTW", "TRM", "CAR"]
GROUNDS = ["medical_terminal", "medical_self_care", "age", "family_child_caregiver", "other"]
FILTER = {"verdict": "ready_to_file", "district": "nysd"}
PAGES = (
    ("first page", {}),
    ("ready to file in nysd", FILTER),
    ("by first day to file, page 2", {"sort": "filing", "page": "2"}),
)


def add_cases(organisation, members, count: int, rng: random.Random) -> None:
    """`count` more cases in the organisation's workspace, in batches."""
    from intake.models import Case, CaseGround, CaseShare, CaseStatus

    verdicts = [v for v, _ in VERDICTS]
    weights = [w for _, w in VERDICTS]
    statuses = list(CaseStatus.values)
    for first in range(0, count, BATCH):
        cases = []
        for _ in range(min(BATCH, count - first)):
            verdict = rng.choices(verdicts, weights)[0]
            earliest = (
                TODAY + timedelta(days=rng.randint(-300, 30))
                if verdict in ("ready_to_file", "waiting", "needs_information")
                else None
            )
            # The next date: the first day to file while it is ahead, else for some cases a
            # date after the motion (a reply, an appeal, a BP-9), as Case.rescreen keeps it.
            deadline, kind = None, ""
            if earliest is not None and earliest >= TODAY:
                deadline, kind = earliest, "first_day_to_file"
            elif rng.random() < 0.15:
                deadline = TODAY + timedelta(days=rng.randint(0, 60))
                kind = rng.choice(["reply_due", "appeal_due", "bp9_due"])
            cases.append(
                Case(
                    person_name=f"Person {rng.randrange(10**6)} {rng.choice('ABCDEFGH')}",
                    register_number=f"{rng.randrange(10**5):05d}-{rng.randrange(1000):03d}",
                    district=rng.choice(DISTRICTS),
                    facility=rng.choice(FACILITIES),
                    verdict=verdict,
                    earliest_filing_date=earliest,
                    next_deadline=deadline,
                    next_deadline_kind=kind,
                    screened_on=TODAY,
                    current_step="review",
                )
            )
        Case.objects.bulk_create(cases)
        CaseShare.objects.bulk_create(
            CaseShare(
                case=case,
                organisation=organisation,
                status=rng.choice(statuses),
                assigned_to=rng.choice([*members, None]),
            )
            for case in cases
        )
        CaseGround.objects.bulk_create(
            CaseGround(case=case, category=rng.choice(GROUNDS), facts="Facts.") for case in cases
        )


def measure(client, url: str, params: dict) -> tuple[list[float], int]:
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    assert b"Person " in response.content, "the page lists no case"
    times = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        client.get(url, params)
        times.append(time.perf_counter() - start)
    return times, len(queries)


def run() -> list[Row]:
    setup_django()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from intake import clock
    from intake.models import MemberRole, Membership, Organisation

    clock.today = lambda: TODAY
    rng = random.Random(8)
    organisation = Organisation.objects.create(name="Bench Legal Aid")
    members = [
        Membership.objects.create(
            user=get_user_model().objects.create_user(username=f"a{n}@example.com"),
            organisation=organisation,
            name=f"Advocate {n}",
            role=MemberRole.ADMIN if n == 0 else MemberRole.ADVOCATE,
        )
        for n in range(5)
    ]
    client = Client()
    client.force_login(members[0].user)
    url = reverse("advocate_dashboard")

    rows = []
    made = 0
    for size in SIZES:
        start = time.perf_counter()
        add_cases(organisation, members, size - made, rng)
        made = size
        # A database in use has statistics on its tables and a map of the pages every reader
        # sees (PostgreSQL's autovacuum keeps both; the count reads the shares' index alone
        # with the map); the cases just written get theirs now.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        setup = time.perf_counter() - start
        for what, params in PAGES:
            times, queries = measure(client, url, params)
            ms = p95(times) * 1000
            rows.append(
                Row(
                    f"{size:,} cases, {what}",
                    f"{median(times) * 1000:.0f} / {ms:.0f} ms, {queries} queries",
                    f"p95 < {TARGET_MS} ms" if size == SIZES[-1] else "",
                    ms < TARGET_MS if size == SIZES[-1] else None,
                )
            )
        print(f"  ({size:,} cases written in {setup:.0f} s)", flush=True)
    counts = [r.value.rsplit(", ", 1)[1].split()[0] for r in rows]
    small, large = counts[: len(PAGES)], counts[len(PAGES) :]
    rows.append(
        Row(
            "queries per page, 10,000 vs 100,000",
            f"{', '.join(small)} / {', '.join(large)}",
            "constant",
            small == large,
        )
    )
    return rows


if __name__ == "__main__":
    report(f"Advocate dashboard (median / p95 of {REQUESTS} requests)", run())
