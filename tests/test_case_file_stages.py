"""The case's stages in the case file (intake/stage_files.py): the `interview` section's
`stages` list, exported by the family's download and read back by an advocate's import; a bad
list is refused with the field named."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from eligibility.facts import CaseFileError, loads
from intake import casefiles
from intake.models import Case, CaseStage
from tests import casebuilder
from tests import workspace_helpers as make
from tests.case_helpers import freeze_today
from tests.workspace.test_case_file_interview import IMPORT, upload

pytestmark = pytest.mark.django_db

ANSWER = "I have had no write-ups in nine years."


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def ana():
    return make.user("ana@example.com")


@pytest.fixture
def case(ana):
    case = make.ready_case(ana)
    case.stages.create(kind="filed", on=date(2026, 10, 5))
    case.stages.create(
        kind="response",
        on=date(2026, 11, 2),
        reply_due_on=date(2026, 12, 2),
        objections={"danger": ANSWER},
    )
    case.stages.create(kind="decided", on=date(2026, 11, 20), outcome="denied")
    return case


def download(ana, case) -> dict:
    client = Client()
    client.force_login(ana)
    return json.loads(client.get(reverse("case_file", args=[case.id])).content)


def test_the_download_lists_the_stages(ana, case):
    stages = download(ana, case)["interview"]["stages"]

    assert stages == [
        {
            "kind": "filed",
            "on": "2026-10-05",
            "outcome": None,
            "reply_due_on": None,
            "objections": {},
        },
        {
            "kind": "response",
            "on": "2026-11-02",
            "outcome": None,
            "reply_due_on": "2026-12-02",
            "objections": {"danger": ANSWER},
        },
        {
            "kind": "decided",
            "on": "2026-11-20",
            "outcome": "denied",
            "reply_due_on": None,
            "objections": {},
        },
    ]


def test_an_import_keeps_the_stages(ana, case):
    exported = download(ana, case)
    mo = make.advocate(make.organisation("Federal Defenders"), "mo@example.org", "Mo")
    advocate = Client()
    advocate.force_login(mo.user)

    assert advocate.post(IMPORT, {"case_file": upload(exported)}).status_code == 302

    imported = Case.objects.exclude(pk=case.pk).get()
    assert casefiles.interview_answers(imported)["stages"] == exported["interview"]["stages"]
    assert imported.stages.get(kind="response").objections == {"danger": ANSWER}


BAD = {
    "not a list": ({"kind": "filed"}, "interview.stages"),
    "unknown kind": ([{"kind": "won", "on": "2026-10-05"}], "interview.stages[0].kind"),
    "no date": ([{"kind": "filed"}], "interview.stages[0].on"),
    "not a date": ([{"kind": "filed", "on": "2026-02-30"}], "interview.stages[0].on"),
    "after today": ([{"kind": "filed", "on": "2026-12-25"}], "interview.stages[0].on"),
    "no outcome": ([{"kind": "decided", "on": "2026-10-05"}], "interview.stages[0].outcome"),
    "impossible order": (
        [{"kind": "filed", "on": "2026-10-05"}, {"kind": "response", "on": "2026-10-01"}],
        "interview.stages[1].on",
    ),
    "unknown objection": (
        [{"kind": "response", "on": "2026-10-05", "objections": {"luck": "x"}}],
        "interview.stages[0].objections.luck",
    ),
    "answer too long": (
        [{"kind": "response", "on": "2026-10-05", "objections": {"danger": "x" * 5001}}],
        "interview.stages[0].objections.danger",
    ),
}


@pytest.mark.parametrize("stages, where", BAD.values(), ids=BAD.keys())
def test_a_bad_stages_list_is_refused_with_the_field_named(stages, where):
    facts = loads(json.dumps(casebuilder.case()))

    with pytest.raises(CaseFileError) as raised:
        casefiles.read_interview({"stages": stages}, facts)

    assert raised.value.field == where
    assert CaseStage.objects.count() == 0
