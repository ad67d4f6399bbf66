"""Many families at once: 8 clients each complete 25 interviews at the same time against a live
gunicorn server (4 workers) on loopback, with production settings.

Real HTTP, cookies and CSRF tokens (http.client, no test client), each interview a new
visitor with its own answers. Then: no error response, no "database is locked" or traceback in
the server's log, and every case read back from the database exactly as it was entered.

The database is the one under test: a new database in the PostgreSQL that DATABASE_URL points
at (the PostgreSQL pass of `make test`), else a new SQLite file. SECURE_COOKIES=false lets the
cookies travel over plain HTTP here; nothing else differs from production.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from concurrent import futures
from contextlib import contextmanager
from datetime import date, timedelta
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest

from intake.steps import STEPS

pytestmark = pytest.mark.concurrency

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = 8
INTERVIEWS = 25
WORKERS = 4
REQUEST_TIMEOUT = 30  # seconds, for every request
RUN_TIMEOUT = 300  # seconds, for all the interviews together
TODAY = date.today()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- the server --------------------------------------------------------------------------------


@contextmanager
def fresh_database(tmp_path: Path):
    """A new, empty database URL of the kind DATABASE_URL names; dropped afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path / 'concurrency.sqlite3'}"
        return
    import psycopg

    name = f"concurrency_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(url)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_env(database_url: str, tmp_path: Path) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": "concurrency-test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        # Every client comes from 127.0.0.1: let them all start their cases. No higher than
        # that: each start reads every one of the limit's slots (accounts/throttle.py).
        "CASE_START_LIMIT": str(2 * CLIENTS * INTERVIEWS),
        "EMAIL_DISABLED": "true",
        "STATIC_ROOT": str(tmp_path / "static"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=180,
    )


@contextmanager
def gunicorn(env: dict, log: Path):
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(WORKERS),
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_up(port, process, log)
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)


def wait_until_up(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn stopped at start-up:\n{log.read_text()}")
        try:
            if Browser(port).get("/")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer within 30 s:\n{log.read_text()}")


# -- a visitor ---------------------------------------------------------------------------------


class Browser:
    """Just enough of a browser: cookies, form posts, no redirects followed."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def get(self, path: str):
        return self.request("GET", path)

    def post(self, path: str, form: dict):
        return self.request("POST", path, form)

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
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


# -- the answers -------------------------------------------------------------------------------


def answers_for(client: int, n: int) -> dict:
    """One family's answers, different from every other's, in the form the steps send."""
    tag = f"{client}-{n}"
    sent = TODAY - timedelta(days=60 + client)
    with_request = n % 2 == 0
    other_facility = n % 3 == 0

    def when(name: str, day: date) -> dict:
        return {f"{name}_0": str(day.month), f"{name}_1": str(day.day), f"{name}_2": str(day.year)}

    steps = {
        "about_you": {
            "role": "family",
            "name": f"Ana Núñez {tag}",
            "relationship": "daughter",
            "contact": f"ana.{tag}@example.com",
        },
        "screening": {
            "sentencing_court": "federal_district",
            "custody_status": "bop_facility",
            "offense_before_1987": "no",
            **when("offense_ended_on", date(2009, 1, 1) + timedelta(days=n * 7 + client)),
            "appeal_pending": "no",
            "several_districts": "no",
            "transferred_supervision": "no",
            "prior_motion": "no",
        },
        "person": {
            "person_name": f"Jane O'Brien & <b>{tag}</b>",
            "register_number": f"{10000 + client * 100 + n}{(client * 37 + n) % 1000:03d}",
            **when("date_of_birth", date(1950 + client, n % 12 + 1, n % 28 + 1)),
            "facility": "other" if other_facility else "BUT",
            "facility_other": f"County Jail {tag}" if other_facility else "",
            "unit": f"B-{n}",
        },
        "sentence": {
            "district": "nysd",
            "case_number": f"1:10-cr-{client:02d}{n:03d}",
            "judge": f"Hon. Judge {tag}",
            **when("imposed_on", date(2011, 1, 14)),
            "term_kind": "years",
            "term_years": str(5 + n),
            "term_extra_months": str(client),
            **when("custody_began", date(2009, 7, 1)),
            "offense": f"Conspiracy {tag}",
        },
        "grounds": {
            "ground_medical_terminal": "on",
            "facts_medical_terminal": f"Stage IV cancer, family {tag}.\r\nSecond line.",
        },
        "requests": {"requests_sent": "yes" if with_request else "no"},
        "release_plan": {"residence": f"With family {tag}", "support": "Social Security"},
        "background": {"programs": f"RDAP {tag}", "statement": f"I have changed. {tag}"},
        "review": {},
    }
    if with_request:
        steps["request_details"] = {
            "TOTAL_FORMS": "1",
            "INITIAL_FORMS": "0",
            "MIN_NUM_FORMS": "0",
            "MAX_NUM_FORMS": "20",
            "0-asked_for": "sentence_reduction",
            **when("0-sent_on", sent),
            "0-method": "hand_delivered",
            **when("0-received_on", sent),
            "0-facility": "BUT",
            "0-response": "none",
            "0-listed_medical_terminal": "on",
            "0-listed_facts_medical_terminal": f"Cancer {tag}",
        }
    return {step: steps[step] for step in STEPS if step in steps}


def expected_case(steps: dict) -> dict:
    """What the database must hold after `steps` (the dump's shape, see DUMP)."""
    person, sentence = steps["person"], steps["sentence"]
    register = person["register_number"]
    request = steps.get("request_details")

    def day(form: dict, name: str) -> str:
        return date(
            int(form[f"{name}_2"]), int(form[f"{name}_0"]), int(form[f"{name}_1"])
        ).isoformat()

    return {
        "preparer_name": steps["about_you"]["name"],
        "preparer_contact": steps["about_you"]["contact"],
        "offense_ended_on": day(steps["screening"], "offense_ended_on"),
        "person_name": person["person_name"],
        "register_number": f"{register[:5]}-{register[5:]}",
        "date_of_birth": day(person, "date_of_birth"),
        "facility": person["facility_other"] or person["facility"],
        "unit": person["unit"],
        "case_number": sentence["case_number"],
        "judge": sentence["judge"],
        "term_months": int(sentence["term_years"]) * 12 + int(sentence["term_extra_months"]),
        "offense": sentence["offense"],
        "requests_sent": steps["requests"]["requests_sent"],
        "residence": steps["release_plan"]["residence"],
        "programs": steps["background"]["programs"],
        "statement": steps["background"]["statement"],
        "finished": True,
        "grounds": [["medical_terminal", steps["grounds"]["facts_medical_terminal"]]],
        "requests": [
            {
                "sent_on": day(request, "0-sent_on"),
                "received_on": day(request, "0-received_on"),
                "facility": "BUT",
                "grounds": [["medical_terminal", request["0-listed_facts_medical_terminal"]]],
            }
        ]
        if request
        else [],
    }


DUMP = """
import json
import django
django.setup()
from intake.models import Case
FIELDS = %r
out = {}
for case in Case.objects.prefetch_related("grounds", "warden_requests__grounds"):
    row = {name: getattr(case, name) for name in FIELDS}
    row = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()}
    row["finished"] = case.finished_at is not None
    row["grounds"] = [[g.category, g.facts] for g in case.grounds.all()]
    row["requests"] = [
        {
            "sent_on": r.sent_on.isoformat(),
            "received_on": r.received_on.isoformat(),
            "facility": r.facility,
            "grounds": [[g.category, g.facts] for g in r.grounds.all()],
        }
        for r in case.warden_requests.all()
    ]
    out[str(case.id)] = row
print(json.dumps(out))
"""


def read_back(env: dict, fields: list[str]) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", DUMP % (fields,)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


# -- one family's interview ---------------------------------------------------------------------

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CASE_ID = re.compile(r"/cases/([0-9a-f-]{36})/step/about_you/$")


def interview(port: int, client: int, n: int, problems: list) -> tuple[str, dict] | None:
    browser = Browser(port)
    steps = answers_for(client, n)

    def expect(what: str, got: tuple, status: int) -> bool:
        if got[0] != status:
            problems.append(f"family {client}-{n}, {what}: {got[0]} {got[1]} {got[2][:300]!r}")
            return False
        return True

    home = browser.get("/")
    if not expect("home page", home, 200):
        return None
    token = CSRF.search(home[2]).group(1)
    started = browser.post("/start/", {"csrfmiddlewaretoken": token})
    if not expect("start", started, 302):
        return None
    case_id = CASE_ID.search(started[1]).group(1)
    for step, answers in steps.items():
        form = {f"{step}-{key}": value for key, value in answers.items()}
        form[f"case_{uuid.UUID(case_id).hex}-current_step"] = step
        form["csrfmiddlewaretoken"] = token
        if not expect(step, browser.post(f"/cases/{case_id}/step/{step}/", form), 302):
            return None
    if not expect("results", browser.get(f"/cases/{case_id}/results/"), 200):
        return None
    return case_id, expected_case(steps)


# -- the test -----------------------------------------------------------------------------------


def test_eight_families_at_once_lose_nothing(tmp_path):
    problems: list[str] = []
    lock = threading.Lock()
    entered: dict[str, dict] = {}
    log = tmp_path / "server.log"

    def family(client: int) -> None:
        for n in range(INTERVIEWS):
            done = interview(port, client, n, problems)
            if done:
                with lock:
                    entered[done[0]] = done[1]

    with fresh_database(tmp_path) as database_url:
        env = server_env(database_url, tmp_path)
        manage(env, "migrate", "--noinput")
        manage(env, "createcachetable")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        with gunicorn(env, log) as port:
            started = time.monotonic()
            with futures.ThreadPoolExecutor(CLIENTS) as pool:
                running = [pool.submit(family, client) for client in range(CLIENTS)]
                finished, late = futures.wait(running, timeout=RUN_TIMEOUT)
                assert not late, f"interviews still running after {RUN_TIMEOUT} s"
                for job in finished:
                    job.result()
            elapsed = time.monotonic() - started
        fields = sorted(
            {k for case in entered.values() for k in case} - {"finished", "grounds", "requests"}
        )
        stored = read_back(env, fields)

    server_log = log.read_text(errors="replace")
    assert problems == [], "\n".join(problems[:10])
    assert "database is locked" not in server_log
    assert "Traceback" not in server_log
    assert "Internal Server Error" not in server_log
    assert len(entered) == CLIENTS * INTERVIEWS
    assert stored == entered
    print(f"{CLIENTS * INTERVIEWS} interviews in {elapsed:.1f} s on {database_url.split(':')[0]}")
