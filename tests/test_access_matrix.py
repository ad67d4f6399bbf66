"""Who may do what to a case: every case address and action, for every kind of visitor.

The case belongs to family A and is shared with organisation X. The visitors: family A (the
owner), family B (another account), an advocate of X, an advocate of organisation Y, and an
anonymous visitor. Family pages are family A's alone; workspace pages are X's advocates' alone.
Everyone else gets a 404 (an anonymous visitor on a page that needs an account is sent to log
in), and the database is exactly as it was: no row added, changed or removed, not even an
audit event.

`test_every_case_address_is_in_the_matrix` fails when a new address takes a case id and is not
listed here, so that whoever adds one also says who may use it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests import workspace_helpers as make
from tests.case_helpers import ABOUT_YOU, freeze_today
from workspace.models import CaseShare, ChangeRequest, Note

pytestmark = pytest.mark.django_db

OWNER, FAMILY_B, ADVOCATE, OTHER_ADVOCATE, ANONYMOUS = (
    "family A (owner)",
    "family B",
    "advocate of X",
    "advocate of Y",
    "anonymous",
)
PERSONAS = (OWNER, FAMILY_B, ADVOCATE, OTHER_ADVOCATE, ANONYMOUS)
# Addresses that need an account send an anonymous visitor to log in instead of a 404.
LOGIN_FIRST = {"advocate_export_selection"}


@dataclass
class World:
    case: object
    share: CaseShare
    x: object
    y: object
    change: ChangeRequest
    stage: object
    users: dict[str, object] = field(default_factory=dict)

    def client(self, persona: str) -> Client:
        client = Client()
        if self.users[persona] is not None:
            client.force_login(self.users[persona])
        return client


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def world() -> World:
    ana, ben = make.user("ana@example.com"), make.user("ben@example.com")
    x = make.organisation("Federal Defenders of New York")
    y = make.organisation("Other Clinic")
    mo = make.advocate(x, "mo@example.org", "Mo Advocate")
    zed = make.advocate(y, "zed@example.org", "Zed Elsewhere")
    case = make.ready_case(ana)
    share = make.share(case, x)
    change = ChangeRequest.objects.create(share=share, author_name="Mo", message="Add a date.")
    Note.objects.create(share=share, author_name="Mo", text="Internal.")
    users = {OWNER: ana, FAMILY_B: ben, ADVOCATE: mo.user, OTHER_ADVOCATE: zed.user}
    stage = case.stages.create(kind="filed", on=date(2026, 10, 5))
    return World(case, share, x, y, change, stage, {**users, ANONYMOUS: None})


@dataclass(frozen=True)
class Action:
    name: str  # the URL name
    method: str
    who: str | None  # the one persona allowed; None: checked in the feature's own tests
    kwargs: Callable[[World], dict] = lambda w: {}
    data: Callable[[World], dict] = lambda w: {}
    label: str = ""

    @property
    def id(self) -> str:
        return self.label or f"{self.method} {self.name}"


def case_id(w: World) -> dict:
    return {"case_id": w.case.id}


def with_step(step: str):
    return lambda w: {**case_id(w), "step": step}


def with_document(document: str):
    return lambda w: {**case_id(w), "document": document}


def step_payload(step: str, answers: dict):
    def data(w: World) -> dict:
        payload = {f"{step}-{k}": v for k, v in answers.items()}
        payload[f"case_{w.case.id.hex}-current_step"] = step
        return payload

    return data


def attachment(w: World) -> dict:
    return {**case_id(w), "attachment_id": uuid.uuid4()}


ACTIONS = (
    # The workspace: X's advocates only.
    Action("advocate_case", "get", ADVOCATE, case_id, label="view the case"),
    Action("advocate_case_history", "get", ADVOCATE, case_id, label="see the audit trail"),
    Action("advocate_case_step", "get", ADVOCATE, with_step("person"), label="open an edit step"),
    Action(
        "advocate_case_step",
        "post",
        ADVOCATE,
        with_step("about_you"),
        step_payload("about_you", {**ABOUT_YOU, "name": "Changed"}),
        label="edit answers",
    ),
    Action(
        "advocate_case_status",
        "post",
        ADVOCATE,
        case_id,
        lambda w: {"status": "in_review"},
        label="change the status",
    ),
    Action(
        "advocate_case_assign",
        "post",
        ADVOCATE,
        case_id,
        lambda w: {"assigned_to": w.x.members.get().pk},
        label="assign",
    ),
    Action(
        "advocate_case_note",
        "post",
        ADVOCATE,
        case_id,
        lambda w: {"text": "A note."},
        label="add a note",
    ),
    Action(
        "advocate_case_request_changes",
        "post",
        ADVOCATE,
        case_id,
        lambda w: {"message": "Change it."},
        label="request changes",
    ),
    Action(
        "advocate_case_draft",
        "get",
        ADVOCATE,
        with_document("warden-request"),
        label="download the warden request",
    ),
    Action(
        "advocate_case_draft", "get", ADVOCATE, with_document("motion"), label="download the motion"
    ),
    Action("advocate_case_export", "get", ADVOCATE, case_id, label="export the case file"),
    Action(
        "advocate_export_selection",
        "post",
        ADVOCATE,
        data=lambda w: {"case": [str(w.case.id)]},
        label="export a selection (zip)",
    ),
    # The family's pages: family A only.
    Action("case_resume", "get", OWNER, case_id, label="resume the case"),
    Action("case_results", "get", OWNER, case_id, label="see the results"),
    Action("case_step", "get", OWNER, with_step("review"), label="open a family step"),
    Action(
        "case_step",
        "post",
        OWNER,
        with_step("about_you"),
        step_payload("about_you", ABOUT_YOU),
        label="family edits answers",
    ),
    Action("case_screened_out", "get", OWNER, case_id),
    Action("case_find_out", "get", OWNER, case_id),
    Action("case_saved", "get", OWNER, case_id),
    Action("case_calendar", "get", OWNER, case_id),
    Action("case_read_me_first", "get", OWNER, case_id, label="open the read-me-first sheet"),
    Action("case_file", "get", OWNER, case_id, label="family downloads the case file"),
    Action("case_share", "get", OWNER, case_id, label="open the share page"),
    Action(
        "case_share",
        "post",
        OWNER,
        case_id,
        lambda w: {"organisation": w.y.pk},
        label="share with an organisation",
    ),
    Action(
        "case_unshare",
        "post",
        OWNER,
        lambda w: {**case_id(w), "organisation_id": w.x.pk},
        label="stop sharing",
    ),
    Action(
        "case_changes_done",
        "post",
        OWNER,
        lambda w: {**case_id(w), "change_id": w.change.pk},
        label="mark the changes made",
    ),
    Action("case_warden_request_pdf", "get", OWNER, case_id),
    Action("case_motion_pdf", "get", OWNER, case_id),
    Action("case_seal_motion_pdf", "get", OWNER, case_id),
    # Only when the screening allows them; access in test_downloads.py.
    Action("case_motion_now_pdf", "get", None, case_id),
    Action("case_seal_motion_now_pdf", "get", None, case_id),
    Action("case_family_declaration_pdf", "get", None, case_id),
    Action("case_read_me_first_pdf", "get", OWNER, case_id),
    Action("case_read_me_first", "get", OWNER, case_id),
    Action("case_documents", "get", OWNER, case_id),
    Action("case_document_download", "get", None, attachment),
    Action("case_document_delete", "post", None, attachment),
    Action("case_filing_packet", "get", OWNER, case_id),
    Action("case_read_me_first", "get", OWNER, case_id),
    Action("case_timeline", "get", OWNER, case_id, label="see the timeline"),
    Action(
        "case_timeline",
        "post",
        OWNER,
        case_id,
        lambda w: {"kind": "filed", "on_0": "10", "on_1": "5", "on_2": "2026"},
        label="add a stage",
    ),
    Action(
        "case_stage_remove",
        "post",
        OWNER,
        lambda w: {**case_id(w), "stage_id": w.stage.pk},
        label="remove a stage",
    ),
    Action("case_reply", "get", OWNER, case_id, label="open the reply"),
    Action("case_reply_pdf", "get", None, case_id),
    # The reply's sheet exists once the reply has an answer; this world's has none.
    Action("case_reply_read_me_first", "get", None, case_id),
    Action("case_reply_read_me_first_pdf", "get", None, case_id),
    Action("case_notice_of_appeal_pdf", "get", None, case_id),
    Action("case_delete", "get", OWNER, case_id, label="open the delete page"),
    Action("case_delete", "post", OWNER, case_id, label="delete the case"),
    Action("case_read_me_first", "get", OWNER, case_id),
    # Emailed links (notices): asking for a link to come back, its landing page, reminders.
    Action(
        "come_back_request",
        "post",
        OWNER,
        case_id,
        lambda w: {"come_back-email": "a@example.com"},
        label="ask for a link to come back",
    ),
    Action("come_back_opened", "get", OWNER, case_id),
    Action(
        "reminders_set",
        "post",
        OWNER,
        case_id,
        lambda w: {"reminders": "off"},
        label="turn reminders off",
    ),
)


def snapshot() -> dict:
    """Every row of every table the product keeps, exactly as the database stores it (plain SQL:
    the ORM's conversions would cost thirty times as much and could only hide a difference)."""
    models = [
        *apps.get_app_config("intake").get_models(),
        *apps.get_app_config("workspace").get_models(),
        *(apps.get_app_config("evidence").get_models() if apps.is_installed("evidence") else ()),
        *(apps.get_app_config("notices").get_models() if apps.is_installed("notices") else ()),
        apps.get_model("auth", "User"),
    ]
    quote = connection.ops.quote_name
    rows = {}
    with connection.cursor() as cursor:
        for model in models:
            table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
            cursor.execute(f"SELECT * FROM {table} ORDER BY {pk}")
            rows[model._meta.label] = cursor.fetchall()
    return rows


def send(w: World, action: Action, persona: str, client: Client | None = None):
    url = reverse(action.name, kwargs=action.kwargs(w))
    return getattr(client or w.client(persona), action.method)(url, action.data(w))


def refused(response, action: Action, persona: str) -> bool:
    if persona == ANONYMOUS and action.name in LOGIN_FIRST:
        return response.status_code == 302 and response["Location"].startswith(reverse("login"))
    return response.status_code == 404


MATRIX = [
    pytest.param(action, persona, id=f"{action.id} | {persona}")
    for action in ACTIONS
    for persona in PERSONAS
    # The owner's use of a document needs an upload: the evidence app's tests cover it.
    if not (action.who is None and persona == OWNER)
]


@pytest.mark.parametrize(("action", "persona"), MATRIX)
def test_only_the_right_person_may_use_each_case_address(world, action, persona):
    client = world.client(persona)
    before = snapshot()

    response = send(world, action, persona, client)

    if persona == action.who:
        assert response.status_code in (200, 302), response.content[:500]
        if response.status_code == 302:
            assert not response["Location"].startswith(reverse("login"))
    else:
        assert refused(response, action, persona), (response.status_code, response.content[:300])
        assert snapshot() == before


# The zip's address names no case (they come in the POST), so a GET there has none to refuse.
WITH_CASE_IN_ADDRESS = [a for a in ACTIONS if a.name != "advocate_export_selection"]


@pytest.mark.parametrize("persona", (FAMILY_B, OTHER_ADVOCATE, ANONYMOUS))
@pytest.mark.parametrize("action", WITH_CASE_IN_ADDRESS, ids=lambda a: a.id)
def test_the_other_method_is_refused_with_a_404_too(world, action, persona):
    """A GET sent to an action, or a POST to a page, by someone outside: still 404, no trace."""
    other = {"get": "post", "post": "get"}[action.method]
    client = world.client(persona)
    before = snapshot()

    response = send(world, Action(action.name, other, action.who, action.kwargs), persona, client)

    assert refused(response, action, persona), (response.status_code, response.content[:300])
    assert snapshot() == before


def test_a_case_no_longer_shared_is_refused_to_its_former_advocates(world):
    CaseShare.objects.update(active=False)
    client = world.client(ADVOCATE)
    before = snapshot()

    for action in ACTIONS:
        if action.who == ADVOCATE:
            response = send(world, action, ADVOCATE, client)
            assert refused(response, action, ADVOCATE), action.id

    assert snapshot() == before


def test_an_unknown_case_id_is_a_404_for_the_advocate_too(world):
    url = reverse("advocate_case", args=[uuid.uuid4()])

    assert world.client(ADVOCATE).get(url).status_code == 404


# -- the matrix covers every address that takes a case -------------------------------------------


def case_url_names(resolver: URLResolver | None = None) -> set[str]:
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            names |= case_url_names(pattern)
        elif isinstance(pattern, URLPattern) and "case_id" in pattern.pattern.converters:
            names.add(pattern.name)
    return names


def test_every_case_address_is_in_the_matrix():
    in_matrix = {a.name for a in WITH_CASE_IN_ADDRESS}

    assert case_url_names() == in_matrix
