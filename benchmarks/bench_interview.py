"""Each interview step (GET and POST) through the whole middleware stack, over 200 interviews,
one after the other (one user). Target: every step's p95 at most 50 ms.

The floor is a minimal view through the same stack doing the work no step can avoid: read the
session, save one row, render a one-line template. Each step's p95 is shown as a ratio to the
floor's p95, measured in the same run, for information only: it is not a target.

Steps are sent as a browser sends the interview's forms: URL-encoded (they have no file to
upload, so no `enctype`), not as the test client's default multipart body.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Row, median, p95, report, setup_django  # noqa: E402

INTERVIEWS = 200
TARGET_P95_MS = 50


def floor_view(request):
    from django.http import HttpResponse
    from django.template import engines
    from django.utils import timezone

    from intake.models import Case

    request.session["floor"] = request.session.get("floor", 0) + 1
    Case.objects.filter(pk=request.GET["case"]).update(updated_at=timezone.now())
    template = engines["django"].from_string("<p>{{ n }}</p>")
    return HttpResponse(template.render({"n": request.session["floor"]}))


def post_as_a_browser(client, case, step: str, data: dict):
    """tests.case_helpers.post_step, sent URL-encoded as the page's <form> sends it."""
    from urllib.parse import urlencode

    from tests import case_helpers as h

    payload = {f"{step}-{key}": value for key, value in data.items()}
    payload[f"case_{case.id.hex}-current_step"] = step
    return client.post(
        h.step_url(case, step),
        urlencode(payload, doseq=True),
        content_type="application/x-www-form-urlencoded",
    )


def install_floor_url() -> None:
    from django.urls import clear_url_caches, path

    import config.urls

    config.urls.urlpatterns.append(path("bench-floor/", floor_view))
    clear_url_caches()


def run(interviews: int = INTERVIEWS) -> list[Row]:
    setup_django()
    install_floor_url()
    from django.test import Client

    from intake import clock
    from tests import case_helpers as h

    clock.today = lambda: date(2026, 11, 29)
    steps = [
        *h.FIRST_STEPS,
        ("requests", {"requests_sent": "yes"}),
        (
            "request_details",
            h.requests_formset(
                h.request_form(0, sent_on=date(2026, 9, 1), received_on=date(2026, 9, 1))
            ),
        ),
        ("release_plan", h.RELEASE_PLAN),
        ("background", h.BACKGROUND),
        ("review", {}),
    ]
    times: dict[tuple[str, str], list[float]] = defaultdict(list)
    floor: list[float] = []

    def timed(key, call):
        start = time.perf_counter()
        response = call()
        times[key].append(time.perf_counter() - start)
        return response

    for n in range(interviews):
        # Each interview from its own address, as each family is: one address may start only
        # a few cases (config/throttle.py).
        client = Client(REMOTE_ADDR=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}")
        case = timed(("start", "POST"), lambda c=client: h.start_case(c))
        for step, data in steps:
            url = h.step_url(case, step)
            response = timed((step, "GET"), lambda c=client, u=url: c.get(u))
            assert response.status_code == 200, (step, response.status_code)
            response = timed(
                (step, "POST"),
                lambda c=client, s=step, d=data, k=case: post_as_a_browser(c, k, s, d),
            )
            assert response.status_code == 302, (step, response.content[:500])
            start = time.perf_counter()
            client.get("/bench-floor/", {"case": str(case.pk)})
            floor.append(time.perf_counter() - start)
        results = timed(
            ("results", "GET"), lambda c=client, k=case: c.get(f"/cases/{k.pk}/results/")
        )
        assert results.status_code == 200

    floor_p95 = p95(floor)
    rows = [Row("floor (session + 1 row + template)", f"p95 {floor_p95 * 1000:.1f} ms")]
    for (step, method), values in times.items():
        ms = p95(values) * 1000
        rows.append(
            Row(
                f"{step} {method}",
                f"{median(values) * 1000:.1f} / {ms:.1f} ms  {ms / 1000 / floor_p95:.1f}x",
                f"p95 <= {TARGET_P95_MS} ms",
                ms <= TARGET_P95_MS,
            )
        )
    return rows


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else INTERVIEWS
    report(
        f"Interview steps over {count} interviews, one user (median / p95, p95 as a ratio to the "
        "floor's)",
        run(count),
    )
