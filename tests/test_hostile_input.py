"""Hostile and random input never breaks the site (hypothesis): every step of the interview,
sign-up and log-in, the case-file download and `manage.py screen`.

Posts are form-encoded the way a browser sends them, so any text or byte can arrive, and a key
sent twice arrives as a list. Each one is checked three ways: no server error (the test client
is told not to re-raise, so a 500 is a status like any other), no partial save (when the form
is invalid, the case and its rows are exactly as before), and a message saying what to fix (the
error summary on every 200 re-render). Whatever a step does accept must come back out whole:
nothing invisible is stored (PostgreSQL refuses NUL), and the case file downloads and reads back
as the same facts.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django import forms as django_forms
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.http import QueryDict
from django.test import Client
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eligibility import facts
from intake import answers
from intake.fields import CONTROL_CHARACTERS
from intake.models import Case, CaseGround, RequestGround, WardenRequest
from intake.steps import STEPS
from intake.wizard import FORMS
from tests.case_helpers import (
    ABOUT_YOU,
    BACKGROUND,
    GROUNDS,
    PERSON,
    RELEASE_PLAN,
    SCREENING,
    SENTENCE,
    freeze_today,
    request_form,
    requests_formset,
    step_url,
)
from tests.casebuilder import VERDICTS, base_case
from tests.workspace_helpers import advocate, organisation

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
FORM_ENCODED = "application/x-www-form-urlencoded"
SUMMARY = "There is a problem"
SCRIPT = "<script>alert(1)</script>"
PASSWORD = "a long pass phrase"

HOSTILE_TEXT = [
    "",
    " ",
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "\x00",
    "Ana\x00Doe",
    "\x1b[2J\x07\x08",
    "\x7f\x85\x9f",
    "\u202eevil\u202c",
    "\ufeff",
    "x" * 20_000,
    "'; DROP TABLE intake_case; --",
    "{{ request }}{% debug %}",
    "\r\n\r\n",
    "\u00b2",
    "\u0663",
    "9" * 5000,
    "-1",
    "0",
    "13",
    "31",
    "99999",
    "1e9",
    "NaN",
    "null",
    "[]",
    "not_sure",
    "yes",
    "on",
    "other",
    "nysd",
    "BUT",
    "medical_terminal",
    "../../etc/passwd",
    "%00",
    "\U0001f642",
]
# Lone surrogates cannot be sent as UTF-8; invalid UTF-8 arrives as raw bytes instead.
text = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=200),
)
value = st.one_of(text, st.binary(max_size=40), st.lists(text, min_size=2, max_size=3))


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


def post_form(client, url, data: dict):
    """Send `data` form-encoded, as a browser does; lists become repeated keys."""
    return client.post(url, urlencode(data, doseq=True), content_type=FORM_ENCODED)


def as_received(data: dict) -> QueryDict:
    """The QueryDict Django will make of `data` (bytes decoded the same lenient way)."""
    return QueryDict(urlencode(data, doseq=True))


def hostile_client() -> Client:
    return Client(raise_request_exception=False)


# -- the case every example starts from -------------------------------------------------------


def complete_case(client) -> Case:
    """A case with every step answered, held by `client`'s session, made without the wizard."""
    case = Case.objects.create(
        session_key=client.session.session_key,
        current_step="review",
        completed_steps=list(STEPS),
        preparer_role="family",
        preparer_name="Ana Doe",
        sentencing_court="federal_district",
        custody_status="bop_facility",
        offense_before_1987="no",
        offense_ended_on=date(2009, 6, 30),
        appeal_pending="no",
        several_districts="no",
        transferred_supervision="no",
        prior_motion="no",
        person_name="Jane Q. Doe",
        register_number="12345-678",
        date_of_birth=date(1957, 3, 2),
        facility="BUT",
        district="nysd",
        term_kind="years",
        term_months=240,
        imposed_on=date(2011, 1, 14),
        custody_began=date(2009, 7, 1),
        requests_sent="yes",
        residence="With her daughter",
        programs="RDAP",
    )
    CaseGround.objects.create(case=case, category="medical_terminal", facts="Stage IV cancer")
    request = WardenRequest.objects.create(
        case=case,
        asked_for="sentence_reduction",
        sent_on=date(2026, 9, 1),
        received_on=date(2026, 9, 1),
        method="hand_delivered",
        facility="BUT",
        response="none",
    )
    RequestGround.objects.create(request=request, category="medical_terminal", facts="Cancer")
    return case


def snapshot(case_id) -> dict:
    """Every stored value of the case and its rows (row ids included, so a delete-and-recreate
    shows), but not the time it was last touched."""
    case = Case.objects.filter(pk=case_id).values().first()
    case.pop("updated_at")
    return {
        "case": case,
        "grounds": list(CaseGround.objects.filter(case_id=case_id).order_by("id").values()),
        "requests": list(WardenRequest.objects.filter(case_id=case_id).order_by("id").values()),
        "request_grounds": list(
            RequestGround.objects.filter(request__case_id=case_id).order_by("id").values()
        ),
    }


def stored_strings(snap: dict):
    for rows in snap.values():
        for row in rows if isinstance(rows, list) else [rows]:
            for item in row.values():
                if isinstance(item, str):
                    yield item
                elif isinstance(item, list):
                    yield from (s for s in item if isinstance(s, str))


def assert_kept_whole(client, case: Case) -> None:
    """Nothing invisible stored, and the case file reads back as the same facts."""
    for stored in stored_strings(snapshot(case.id)):
        assert not CONTROL_CHARACTERS.search(stored), repr(stored)
    response = client.get(reverse("case_file", args=[case.id]))
    assert response.status_code == 200
    assert facts.loads(response.content) == Case.objects.get(pk=case.id).to_facts()


# -- the interview ----------------------------------------------------------------------------


def input_names(form) -> list[str]:
    """The names a browser sends for `form`: three for a date, one for anything else."""
    names = []
    for bound in form:
        widget = bound.field.widget
        if isinstance(widget, django_forms.MultiWidget):
            names += [f"{bound.html_name}_{i}" for i in range(len(widget.widgets))]
        else:
            names.append(bound.html_name)
    return names


def step_input_names(step: str) -> list[str]:
    form_class = dict(FORMS)[step]
    if step == "request_details":
        formset = form_class(prefix=step, initial=[{}, {}])
        names = [bound.html_name for bound in formset.management_form]
        for form in formset.forms:
            names += input_names(form)
        return names
    return input_names(form_class(prefix=step))


VALID = {
    "about_you": ABOUT_YOU,
    "screening": SCREENING,
    "person": PERSON,
    "sentence": SENTENCE,
    "grounds": GROUNDS,
    "requests": {"requests_sent": "yes"},
    "request_details": requests_formset(
        request_form(0, sent_on=date(2026, 9, 1), received_on=date(2026, 9, 2))
    ),
    "release_plan": RELEASE_PLAN,
    "background": BACKGROUND,
    "review": {},
}
MANAGEMENT = "<management>"  # the wizard's own current_step field, named after the case
BUTTONS = ["wizard_goto_step", "save_later", "add_request", "return", MANAGEMENT]
STEP_VALUES = st.one_of(value, st.sampled_from(STEPS))
# One box of a month/day/year date: impossible, out-of-range, and digits int() cannot read.
DATE_BOX = st.one_of(
    st.sampled_from(["0", "13", "29", "30", "31", "32", "1899", "0000", "12345", "\u00b2"]),
    st.integers(-1, 10**6).map(str),
    st.text(st.characters(categories=("Nd", "No")), min_size=1, max_size=6),
    st.just("9" * 5000),
    value,
)


def hostile_value(name: str):
    return DATE_BOX if re.search(r"_[012]$", name) else STEP_VALUES


@st.composite
def hostile_step_post(draw, step: str) -> dict:
    """A step's valid answers with some left out and some replaced, or a post of random keys."""
    names = step_input_names(step) + BUTTONS
    valid = {f"{step}-{key}": v for key, v in VALID[step].items()}
    valid[MANAGEMENT] = step
    if draw(st.integers(0, 4)) == 0:
        return draw(st.dictionaries(st.one_of(st.sampled_from(names), text), value, max_size=8))
    data = dict(valid)
    for name in draw(st.sets(st.sampled_from(names), max_size=3)):
        data.pop(name, None)
    for name in draw(st.sets(st.sampled_from(names), min_size=1, max_size=4)):
        data[name] = draw(hostile_value(name))
    return data


def step_form(case: Case, step: str, data: QueryDict):
    """The step's form for the data, built as the wizard builds it."""
    return dict(FORMS)[step](data=data, prefix=step, initial=answers.initial(case, step))


def check_step_post(client, case: Case, step: str, data: dict, query: str = ""):
    data = {
        (f"case_{case.id.hex}-current_step" if k == MANAGEMENT else k): v for k, v in data.items()
    }
    received = as_received(data)
    form = step_form(case, step, received)
    leaving = bool(received.get("wizard_goto_step")) or "save_later" in received
    before = snapshot(case.id)

    response = post_form(client, step_url(case, step) + query, data)

    assert response.status_code < 500
    after = snapshot(case.id)
    if not form.is_valid():
        if leaving:
            # "Back" and "Save and come back later" move the place in the interview; nothing else.
            before["case"].pop("current_step")
            after["case"].pop("current_step")
        else:
            assert response.status_code in (200, 400)
        assert after == before
    if response.status_code == 200:
        page = response.content.decode()
        assert SUMMARY in page
        assert SCRIPT not in page
    assert_kept_whole(client, case)
    return response


@pytest.mark.parametrize("step", STEPS)
def test_no_step_fails_saves_part_of_bad_answers_or_leaves_the_family_without_a_message(step):
    @SETTINGS
    @given(data=hostile_step_post(step))
    def post_hostile(data):
        client = hostile_client()
        check_step_post(client, complete_case(client), step, data)

    post_hostile()


@SETTINGS
@given(step=st.sampled_from(STEPS), target=st.sampled_from(STEPS), replayed=st.sampled_from(STEPS))
def test_it_never_fails_on_answers_sent_to_the_wrong_step_or_a_replayed_step(
    step, target, replayed
):
    """Step `step`'s answers sent to `target`'s address, claiming to come from `replayed`."""
    client = hostile_client()
    case = complete_case(client)
    data = {f"{step}-{key}": v for key, v in VALID[step].items()}
    data[MANAGEMENT] = replayed

    response = check_step_post(client, case, target, data)

    if replayed != target:
        assert response.status_code in (302, 400)


@SETTINGS
@given(
    step=st.one_of(st.sampled_from(STEPS), text), params=st.dictionaries(text, value, max_size=4)
)
def test_it_never_fails_on_any_address_or_query(step, params):
    client = hostile_client()
    case = complete_case(client)
    url = reverse("case_step", args=[case.id, "x"]).replace("/x/", f"/{quote(step, safe='')}/")

    response = client.get(url + "?" + urlencode(params, doseq=True))

    assert response.status_code < 500


@SETTINGS
@given(done=st.sets(st.sampled_from(STEPS[:-1])), step=st.sampled_from(STEPS))
def test_it_never_finishes_a_case_whose_steps_were_skipped_by_address(done, step):
    client = hostile_client()
    case = Case.objects.create(
        session_key=client.session.session_key, completed_steps=sorted(done), requests_sent="no"
    )
    data = {f"{step}-{key}": v for key, v in VALID[step].items()} | {MANAGEMENT: step}

    response = check_step_post(client, case, step, data)

    case.refresh_from_db()
    asked = [s for s in STEPS if s != "request_details" or case.requests_sent == "yes"]
    missing = [s for s in asked if s not in case.completed_steps]
    if step == "review" and missing:
        assert response["Location"] == step_url(case, missing[0])
    assert (case.finished_at is None) == bool(missing)


def test_it_refuses_grounds_answers_sent_to_the_screening_step():
    client = hostile_client()
    case = complete_case(client)
    data = {f"grounds-{key}": v for key, v in GROUNDS.items()} | {MANAGEMENT: "screening"}

    response = check_step_post(client, case, "screening", data)

    assert response.status_code == 200
    assert "Choose which court gave the sentence" in response.content.decode()


def test_it_refuses_an_old_current_step_replayed_at_a_later_step():
    client = hostile_client()
    case = complete_case(client)
    data = {f"person-{key}": v for key, v in PERSON.items()} | {MANAGEMENT: "about_you"}

    assert check_step_post(client, case, "person", data).status_code == 400


def test_it_does_not_take_answers_for_a_step_the_case_skips():
    client = hostile_client()
    case = complete_case(client)
    case.requests_sent = "no"
    case.save()
    before = snapshot(case.id)
    data = {f"request_details-{k}": v for k, v in VALID["request_details"].items()}
    data[MANAGEMENT] = "request_details"

    response = post_form(client, step_url(case, "request_details"), data)

    assert response.status_code == 302
    assert snapshot(case.id) == before


def test_it_ignores_a_file_sent_with_a_step():
    client = hostile_client()
    case = complete_case(client)
    payload = {f"about_you-{key}": v for key, v in ABOUT_YOU.items()}
    payload[f"case_{case.id.hex}-current_step"] = "about_you"
    payload["about_you-name"] = "Ana Filed"
    payload["about_you-attachment"] = SimpleUploadedFile("a.txt", b"not wanted")

    response = client.post(step_url(case, "about_you"), payload)

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.preparer_name == "Ana Filed"


@pytest.mark.parametrize("box", ["\u00b2", "9" * 5000, "12345"])
def test_it_says_how_to_type_a_date_int_cannot_read(box):
    client = hostile_client()
    case = complete_case(client)
    data = {f"screening-{k}": v for k, v in SCREENING.items()} | {MANAGEMENT: "screening"}
    data["screening-offense_ended_on_1"] = box

    response = check_step_post(client, case, "screening", data)

    assert response.status_code == 200
    assert "Enter the date as month, day, year in numbers" in response.content.decode()


def test_it_accepts_a_date_in_other_decimal_digits():
    client = hostile_client()
    case = complete_case(client)
    data = {f"screening-{k}": v for k, v in SCREENING.items()} | {MANAGEMENT: "screening"}
    data["screening-offense_ended_on_0"] = "\u0666"  # Arabic-Indic 6

    assert check_step_post(client, case, "screening", data).status_code == 302
    case.refresh_from_db()
    assert case.offense_ended_on == date(2009, 6, 30)


def test_it_removes_invisible_characters_from_what_people_type():
    client = hostile_client()
    case = complete_case(client)
    data = {f"person-{k}": v for k, v in PERSON.items()} | {MANAGEMENT: "person"}
    data["person-person_name"] = "Jane\x00 Q.\x1b Doe\x7f"

    assert check_step_post(client, case, "person", data).status_code == 302
    case.refresh_from_db()
    assert case.person_name == "Jane Q. Doe"


def test_it_refuses_a_null_character_in_a_date_with_what_to_type():
    client = hostile_client()
    case = complete_case(client)
    data = {f"person-{k}": v for k, v in PERSON.items()} | {MANAGEMENT: "person"}
    data["person-date_of_birth_0"] = "3\x00"

    response = check_step_post(client, case, "person", data)

    assert "Enter the date as month, day, year in numbers" in response.content.decode()


def test_it_answers_thousands_of_claimed_requests_with_a_message():
    client = hostile_client()
    case = complete_case(client)
    data = {f"request_details-{k}": v for k, v in VALID["request_details"].items()}
    data["request_details-TOTAL_FORMS"] = "100000"
    data[MANAGEMENT] = "request_details"

    response = check_step_post(client, case, "request_details", data)

    assert response.status_code == 200
    assert "You can tell us about 20 requests at most" in response.content.decode()


def test_it_refuses_a_body_too_large_to_read():
    client = hostile_client()
    case = complete_case(client)
    before = snapshot(case.id)
    data = {"about_you-name": "x" * 3_000_000, MANAGEMENT: "about_you"}

    response = post_form(client, step_url(case, "about_you"), data)

    assert response.status_code == 400
    assert snapshot(case.id) == before


# -- sign-up and log-in -----------------------------------------------------------------------


@st.composite
def hostile_account_post(draw, valid: dict) -> dict:
    names = [*valid, "next", "csrfmiddlewaretoken"]
    if draw(st.integers(0, 3)) == 0:
        return draw(st.dictionaries(st.one_of(st.sampled_from(names), text), value, max_size=6))
    data = dict(valid)
    for name in draw(st.sets(st.sampled_from(names), max_size=2)):
        data.pop(name, None)
    data.update(draw(st.dictionaries(st.sampled_from(names), value, max_size=3)))
    return data


def assert_safe_redirect(response) -> None:
    assert url_has_allowed_host_and_scheme(response["Location"], allowed_hosts={"testserver"})


SIGNUP = {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD}


@SETTINGS
@given(data=hostile_account_post(SIGNUP))
def test_sign_up_never_fails_or_makes_an_account_from_bad_answers(data):
    cache.clear()
    users = get_user_model().objects.count()

    response = post_form(hostile_client(), reverse("signup"), data)

    assert response.status_code < 500
    if response.status_code == 302:
        # One more account, or none for an address that already has one (never said).
        assert get_user_model().objects.count() in (users, users + 1)
        assert_safe_redirect(response)
    else:
        assert get_user_model().objects.count() == users
        assert SUMMARY in response.content.decode()


@SETTINGS
@given(data=hostile_account_post({"username": "ana@example.com", "password": PASSWORD}))
def test_log_in_never_fails_or_lets_in_bad_answers(data):
    cache.clear()
    user_model = get_user_model()
    if not user_model.objects.filter(username="ana@example.com").exists():
        user_model.objects.create_user("ana@example.com", "ana@example.com", PASSWORD)
    client = hostile_client()

    response = post_form(client, reverse("login"), data)

    assert response.status_code < 500
    if response.status_code == 302:
        assert "_auth_user_id" in client.session
        assert_safe_redirect(response)
    else:
        assert "_auth_user_id" not in client.session
        assert SUMMARY in response.content.decode()


def test_a_sign_up_for_an_address_with_an_account_gets_the_same_answer():
    get_user_model().objects.create_user("new@example.com", "new@example.com", PASSWORD)

    response = post_form(hostile_client(), reverse("signup"), SIGNUP)

    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert get_user_model().objects.count() == 1


# -- cookies ---------------------------------------------------------------------------------


@SETTINGS
@given(
    name=st.sampled_from(["sessionid", "csrftoken"]),
    # A header carries bytes, which WSGI reads as Latin-1.
    cookie=st.one_of(
        st.text(st.characters(max_codepoint=255), max_size=60),
        st.sampled_from(["abcdefgh\x00ijkl", "x" * 41, "ABCDEFGHIJKL"]),
    ),
)
def test_no_cookie_breaks_a_page(name, cookie):
    """The test client sends these as a browser would, quoted, so a NUL arrives escaped
    ("\\000"): plain ASCII that Django unquotes back into a NUL."""
    client = hostile_client()
    client.cookies[name] = cookie

    assert client.get(reverse("home")).status_code < 500
    assert post_form(client, reverse("login"), {"username": "a@example.com"}).status_code < 500
    assert client.post(reverse("case_start")).status_code < 500


# -- the case file ----------------------------------------------------------------------------


@SETTINGS
@given(
    method=st.sampled_from(["get", "post", "put", "delete", "options", "head"]),
    params=st.dictionaries(text, value, max_size=4),
)
def test_the_case_file_download_never_fails(method, params):
    client = hostile_client()
    case = complete_case(client)

    response = getattr(client, method)(
        reverse("case_file", args=[case.id]) + "?" + urlencode(params, doseq=True)
    )

    assert response.status_code < 500
    assert Case.objects.filter(pk=case.id).exists()


@SETTINGS
@given(case_id=text)
def test_the_case_file_download_gives_a_404_for_any_other_address(case_id):
    client = hostile_client()
    complete_case(client)

    response = client.get(f"/cases/{quote(case_id, safe='')}/case-file.json")

    assert response.status_code == 404


# -- `manage.py screen` and the case-file import ----------------------------------------

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.sampled_from(HOSTILE_TEXT),
        st.text(max_size=30),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def paths(data, prefix=()):
    """Every place in a case file a value could be swapped for another."""
    yield prefix
    if isinstance(data, dict):
        for key, item in data.items():
            yield from paths(item, (*prefix, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from paths(item, (*prefix, index))


@st.composite
def hostile_case_file(draw) -> bytes:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(st.binary(max_size=2000))
    if kind == 1:
        return json.dumps(draw(json_values)).encode()
    data = base_case()
    for path in draw(st.lists(st.sampled_from(list(paths(data))[1:]), min_size=1, max_size=3)):
        target = data
        try:
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier swap replaced the parent
    return json.dumps(data, ensure_ascii=draw(st.booleans())).encode()


def screen(path: Path, **options) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("screen", str(path), stdout=out, stderr=err, **options)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def assert_screened_or_refused_in_one_line(code: int, out: str, err: str) -> None:
    if code == 0:
        assert json.loads(out)["verdict"] in VERDICTS
    else:
        assert code == 2
        assert out == ""
        assert "Traceback" not in err
        assert len(err.strip().splitlines()) == 1, err


@SETTINGS
@given(content=hostile_case_file(), as_of=st.one_of(st.none(), text))
def test_screen_screens_or_refuses_any_file_in_one_line(content, as_of):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.json"
        path.write_bytes(content)
        options = {} if as_of is None else {"as_of": as_of}

        assert_screened_or_refused_in_one_line(*screen(path, **options))


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 100_000,
        b'{"format": "compassionate-release-case/1", "sentence": {"term_months": '
        + b"9" * 5000
        + b"}}",
        b'{"format": "compassionate-release-case/1", "person": {"name": "'
        + b"x" * 5_000_000
        + b'"}}',
        b"\xff\xfe\x00{",
        "\ufeff{}".encode(),
        '{"format": "v1\u0085\u2028\u2029"}'.encode(),
    ],
    ids=["deep", "huge-number", "huge-text", "bad-bytes", "bom", "line-breaks-in-format"],
)
def test_screen_refuses_or_screens_extreme_files_in_one_line(tmp_path, content):
    path = tmp_path / "case.json"
    path.write_bytes(content)

    assert_screened_or_refused_in_one_line(*screen(path))


def test_screen_refuses_a_folder_in_one_line(tmp_path):
    assert_screened_or_refused_in_one_line(*screen(tmp_path))


def test_the_case_file_import_imports_whole_or_says_what_is_wrong():
    member = advocate(organisation("Hostile Aid"), "aid@example.org", "Aid Advocate")

    @SETTINGS
    @given(content=hostile_case_file(), name=st.sampled_from(["case.json", "x", "../a.json"]))
    def import_hostile(content, name):
        client = hostile_client()
        client.force_login(member.user)
        cases = Case.objects.count()

        response = client.post(
            reverse("advocate_import"), {"case_file": SimpleUploadedFile(name, content)}
        )

        assert response.status_code < 500
        if response.status_code == 302:
            assert Case.objects.count() == cases + 1
            imported = Case.objects.order_by("-created_at").first()
            exported = client.get(reverse("advocate_case_export", args=[imported.id]))
            assert facts.loads(exported.content) == imported.to_facts()
        else:
            assert Case.objects.count() == cases
            assert SUMMARY in response.content.decode()

    import_hostile()
