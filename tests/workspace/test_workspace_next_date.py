"""The dashboard's "Next date" (issue 19): each case's soonest date ahead, kept on the case by
every save of its answers or stages and by the daily screening, shown with what it is, and
the default order of the list (cases without one last); pages read without counting the list.
"""

from __future__ import annotations

import importlib
from datetime import date

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test.utils import CaptureQueriesContext

from eligibility import after_filing as af
from intake import workspace
from intake.models import Case
from tests import workspace_helpers as make
from tests.case_helpers import PERSON, date_parts, freeze_today, post_step
from tests.personas import browser_of
from tests.workspace.test_workspace_dashboard import DASHBOARD, fill, names, shared

pytestmark = pytest.mark.django_db


def timeline(case) -> str:
    return f"/cases/{case.id}/timeline/"


def add_stage(family, case, kind, on, **extra):
    """A stage as the family writes it down on the case's timeline."""
    data = {"kind": kind, **date_parts("on", on), **date_parts("reply_due_on", None)}
    for key, value in extra.items():
        data.update(date_parts(key, value) if isinstance(value, date) else {key: value})
    response = family.post(timeline(case), data)
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.fixture
def ana():
    return make.user("ana@example.com")


@pytest.fixture
def family(ana):
    return browser_of(ana)


@pytest.fixture
def four(org, ana, family):
    """Denied (appeal due December 4), answered (reply due December 14), waiting (first day to
    file December 21), and ready to file since October 2 (nothing ahead)."""
    denied = shared(make.ready_case(ana, person={"name": "Dee Denied"}), org)
    answered = shared(make.ready_case(ana, person={"name": "Abe Answered"}), org)
    waiting = shared(make.waiting_case(ana, person={"name": "Wes Waiting"}), org)
    shared(make.ready_case(ana, person={"name": "Ray Ready"}), org)
    add_stage(family, denied, "filed", date(2026, 10, 5))
    add_stage(family, denied, "decided", date(2026, 11, 20), outcome="denied")
    add_stage(family, answered, "filed", date(2026, 10, 5))
    add_stage(family, answered, "response", date(2026, 11, 20), reply_due_on=date(2026, 12, 14))
    return denied, answered, waiting


def test_the_list_is_sorted_by_the_next_date_with_cases_without_one_last(client_mo, four):
    assert names(client_mo.get(DASHBOARD)) == [
        "Dee Denied",
        "Abe Answered",
        "Wes Waiting",
        "Ray Ready",
    ]


def test_the_next_date_is_also_a_sort_on_offer(client_mo, four):
    choices = dict(client_mo.get(DASHBOARD).context["form"].fields["sort"].choices)

    assert choices["deadline"] == "Next date (soonest first)"
    assert names(client_mo.get(f"{DASHBOARD}?sort=deadline"))[-1] == "Ray Ready"


def test_the_column_says_what_the_date_is_and_when(client_mo, four):
    html = client_mo.get(DASHBOARD).content.decode()

    assert "Next date</th>" in html
    assert "Notice of appeal due" in html
    assert "in 5 days, on December 4, 2026" in html
    assert "Reply due" in html
    assert "in 15 days, on December 14, 2026" in html
    assert "First day to file the motion" in html
    assert "No date ahead" in html


def test_a_stage_written_down_moves_the_case_up_the_list(client_mo, family, four):
    _, _, waiting = four
    add_stage(family, waiting, "warden_denied", date(2026, 11, 25))  # BP-9 due December 15

    waiting.refresh_from_db()
    assert (waiting.next_deadline, waiting.next_deadline_kind) == (date(2026, 12, 15), af.BP9_DUE)
    assert names(client_mo.get(DASHBOARD))[:3] == ["Dee Denied", "Abe Answered", "Wes Waiting"]


def test_a_stage_taken_back_takes_its_date_with_it(family, four):
    denied, _, _ = four
    decision = denied.stages.get(kind="decided")

    family.post(f"{timeline(denied)}{decision.pk}/remove/")

    denied.refresh_from_db()
    assert (denied.next_deadline, denied.next_deadline_kind) == (None, "")


def test_saving_answers_keeps_the_next_date(family, four):
    denied, _, _ = four
    Case.objects.filter(pk=denied.pk).update(next_deadline=None, next_deadline_kind="")

    post_step(family, denied, "person", PERSON)

    denied.refresh_from_db()
    assert (denied.next_deadline, denied.next_deadline_kind) == (date(2026, 12, 4), af.APPEAL_DUE)


def test_a_date_gone_by_gives_way_to_the_next_on_the_next_day(client_mo, four, monkeypatch):
    denied, answered, waiting = four
    freeze_today(monkeypatch, date(2026, 12, 5))

    client_mo.get(DASHBOARD)

    denied.refresh_from_db()
    answered.refresh_from_db()
    assert denied.next_deadline is None  # the 14 days to appeal are over
    assert answered.next_deadline == date(2026, 12, 14)
    assert names(client_mo.get(DASHBOARD))[:2] == ["Abe Answered", "Wes Waiting"]


def test_the_migration_has_every_case_with_a_date_screened_again(client_mo, org, four):
    denied, answered, waiting = four
    ready = Case.objects.get(person_name="Ray Ready")
    Case.objects.update(next_deadline=None, next_deadline_kind="")
    Case.objects.filter(pk=ready.pk).update(earliest_filing_date=None)
    state = MigrationLoader(connection).project_state(("intake", "0009_case_next_deadline"))
    migration = importlib.import_module("intake.migrations.0009_case_next_deadline")

    migration.screen_again(state.apps, None)

    assert set(Case.objects.filter(screened_on=None).values_list("pk", flat=True)) == {
        denied.pk,
        answered.pk,
        waiting.pk,
    }
    client_mo.get(DASHBOARD)  # screens again the cases not screened today
    assert dict(Case.objects.values_list("person_name", "next_deadline_kind")) == {
        "Dee Denied": af.APPEAL_DUE,
        "Abe Answered": af.REPLY_DUE,
        "Wes Waiting": af.FIRST_DAY_TO_FILE,
        "Ray Ready": "",
    }


def test_only_the_cases_shared_with_the_organisation_are_listed(client_mo, org, ana, family):
    mine = shared(make.waiting_case(person={"name": "Ours"}), org)
    theirs = shared(make.ready_case(ana, person={"name": "Theirs"}), make.organisation("Else"))
    stopped = shared(make.ready_case(ana, person={"name": "Stopped"}), org, active=False)
    never = make.ready_case(ana, person={"name": "Never Shared"})
    for case in (theirs, stopped, never):  # each with a sooner date than ours
        add_stage(family, case, "filed", date(2026, 10, 5))
        add_stage(family, case, "decided", date(2026, 11, 20), outcome="denied")

    assert names(client_mo.get(DASHBOARD)) == ["Ours"]
    assert mine.next_deadline == date(2026, 12, 21)


def test_another_organisations_advocate_sees_none_of_them(zed, four):
    response = browser_of(zed).get(DASHBOARD)

    assert names(response) == []
    assert "Dee Denied" not in response.content.decode()


# -- pages without a count -------------------------------------------------------------------


def test_a_page_is_read_without_counting_the_list(client_mo, org, mo):
    fill(org, mo, 30)

    with CaptureQueriesContext(connection) as queries:
        client_mo.get(DASHBOARD)

    assert not [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]


def test_the_pages_say_which_cases_they_hold(client_mo, org, mo):
    fill(org, mo, 30)

    first = client_mo.get(DASHBOARD).content.decode()
    second = client_mo.get(DASHBOARD + "?page=2").content.decode()

    assert "Cases 1 to 25</caption>" in first
    assert "Next page" in first and "Previous page" not in first
    assert "Cases 26 to 30 of 30</caption>" in second
    assert "Previous page" in second and "Next page" not in second


def test_a_short_list_says_how_many_it_holds(client_mo, four):
    assert "4 cases</caption>" in client_mo.get(DASHBOARD).content.decode()


@pytest.mark.parametrize("page", ["9", "0", "-1", "two", "²", "9" * 40])
def test_a_page_that_is_not_there_shows_the_first(client_mo, four, page):
    response = client_mo.get(f"{DASHBOARD}?page={page}")

    assert response.status_code == 200
    assert len(names(response)) == 4
    assert response.context["page"].number == 1


def test_the_list_pages_follow_the_next_date_order(org, mo):
    fill(org, mo, 30)
    listing = workspace.CaseList(org, workspace.Filters())

    paged = [s.case_id for n in (1, 2) for s in listing.page(n)]

    assert paged == list(listing.shares().values_list("case_id", flat=True))
