"""A live server under load: gunicorn with 4 workers on 127.0.0.1, production settings, a new
SQLite file, and 50 simulated people walking the interview at once for 60 seconds.

Each person is a thread with its own cookies (tests/test_concurrency.py's Browser): the home
page, "start", then every step's page and answers, then the results, and again with a new
case, pausing between pages as a person reading does (THINK_SECONDS on average). The run is
bounded in time and in requests. Each person comes from an address of their own. Target: zero
errors, p95 under 200 ms.
"""

from __future__ import annotations

import http.client
import random
import re
import sys
import tempfile
import threading
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from common import Row, median, p95, report  # noqa: E402

from tests.test_concurrency import (  # noqa: E402
    REQUEST_TIMEOUT,
    Browser,
    answers_for,
    gunicorn,
    manage,
    server_env,
)

USERS = 50
SECONDS = 60
THINK_SECONDS = 1.0
MAX_REQUESTS = 50_000
TARGET_P95_MS = 200
ADDRESS_HEADER = "X-Forwarded-For"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CASE_ID = re.compile(r"/cases/([0-9a-f-]{36})/step/about_you/$")


class Person(Browser):
    """A browser at an address of its own, as each family is: one address may start only a few
    cases (CASE_START_LIMIT). The server reads it from the header a proxy would set."""

    def __init__(self, port: int, number: int):
        super().__init__(port)
        self.address = f"10.0.{number // 256}.{number % 256}"

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            ADDRESS_HEADER: self.address,
        }
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, response.headers.get("Location", ""), text
        finally:
            connection.close()


class Load:
    def __init__(self, port: int, deadline: float):
        self.port = port
        self.deadline = deadline
        self.lock = threading.Lock()
        self.times: list[float] = []
        self.errors: list[str] = []
        self.interviews = 0

    def more(self) -> bool:
        return time.monotonic() < self.deadline and len(self.times) < MAX_REQUESTS

    def call(self, browser: Browser, method: str, path: str, expected: int, form=None):
        start = time.perf_counter()
        try:
            got = browser.request(method, path, form)
        except OSError as error:
            got = (0, "", repr(error))
        elapsed = time.perf_counter() - start
        with self.lock:
            self.times.append(elapsed)
            if got[0] != expected:
                self.errors.append(f"{method} {path}: {got[0]} {got[2][:200]!r}")
        return got if got[0] == expected else None

    def think(self, rng: random.Random) -> None:
        time.sleep(min(rng.uniform(0, 2 * THINK_SECONDS), max(0, self.deadline - time.monotonic())))

    def person(self, number: int) -> None:
        rng = random.Random(number)
        n = 0
        while self.more():
            if self.interview(number, n, rng):
                with self.lock:
                    self.interviews += 1
            n += 1

    def interview(self, number: int, n: int, rng: random.Random) -> bool:
        browser = Person(self.port, number)
        home = self.call(browser, "GET", "/", 200)
        if not home:
            return False
        token = CSRF.search(home[2]).group(1)
        self.think(rng)
        started = self.call(browser, "POST", "/start/", 302, {"csrfmiddlewaretoken": token})
        if not started:
            return False
        case_id = CASE_ID.search(started[1]).group(1)
        for step, answers in answers_for(number % 100, n).items():
            if not self.more():
                return False
            url = f"/cases/{case_id}/step/{step}/"
            if not self.call(browser, "GET", url, 200):
                return False
            self.think(rng)
            form = {f"{step}-{key}": value for key, value in answers.items()}
            form[f"case_{uuid.UUID(case_id).hex}-current_step"] = step
            form["csrfmiddlewaretoken"] = token
            if not self.call(browser, "POST", url, 302, form):
                return False
        return bool(self.call(browser, "GET", f"/cases/{case_id}/results/", 200))


def run() -> list[Row]:
    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    env = server_env(f"sqlite:///{folder / 'load.sqlite3'}", folder)
    # Each person at their own address, with the throttle's own limit (server_env lifts it for
    # tests where every client shares 127.0.0.1; counting that many starts is slow).
    env["CLIENT_IP_HEADER"] = ADDRESS_HEADER
    env.pop("CASE_START_LIMIT", None)
    manage(env, "migrate", "--noinput")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    log = folder / "server.log"
    with gunicorn(env, log) as port:
        load = Load(port, time.monotonic() + SECONDS)
        start = time.monotonic()
        people = [threading.Thread(target=load.person, args=(i,)) for i in range(USERS)]
        for person in people:
            person.start()
        for person in people:
            person.join(timeout=SECONDS + 60)
        elapsed = time.monotonic() - start
    server_log = log.read_text(errors="replace")
    logged = sum(server_log.count(s) for s in ("Traceback", "database is locked"))
    errors = len(load.errors) + logged
    for problem in load.errors[:5]:
        print("  error:", problem)
    ms = p95(load.times) * 1000
    return [
        Row(
            f"{USERS} people, {SECONDS} s, ~{THINK_SECONDS:.0f} s reading each page",
            f"{len(load.times):,} requests, {load.interviews} interviews",
        ),
        Row("throughput", f"{len(load.times) / elapsed:.1f} requests/s"),
        Row(
            "latency, median / p95",
            f"{median(load.times) * 1000:.0f} / {ms:.0f} ms",
            f"p95 < {TARGET_P95_MS} ms",
            ms < TARGET_P95_MS,
        ),
        Row("errors (responses and server log)", str(errors), "0", errors == 0),
    ]


if __name__ == "__main__":
    report("A live server under load (gunicorn, 4 workers, 127.0.0.1)", run())
