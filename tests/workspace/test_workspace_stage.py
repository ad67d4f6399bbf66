"""The dashboard's stage after the request (domain.md § 9): a column with each case's latest
stage, and a filter on it that both ways of reading a page agree on."""

from __future__ import annotations

from datetime import date

import pytest

from intake import workspace
from tests import workspace_helpers as make
from tests.case_helpers import freeze_today
from tests.workspace.test_workspace_dashboard import DASHBOARD, names, shared

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def staged(org):
    """Jane: filed, then denied. John: filed. Mary: nothing written down."""
    jane = shared(make.ready_case(person={"name": "Jane Q. Doe"}), org)
    john = shared(make.ready_case(person={"name": "John Roe"}), org)
    shared(make.no_request_case(person={"name": "Mary Major"}), org)
    jane.stages.create(kind="filed", on=date(2026, 10, 5))
    jane.stages.create(kind="decided", on=date(2026, 11, 20), outcome="denied")
    john.stages.create(kind="filed", on=date(2026, 10, 9))
    return jane, john


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("stage=filed", ["John Roe"]),  # Jane's latest stage is the decision
        ("stage=decided", ["Jane Q. Doe"]),
        ("stage=appeal_filed", []),
        ("stage=not_a_stage&sort=name", ["Jane Q. Doe", "John Roe", "Mary Major"]),
    ],
)
def test_it_filters_on_the_latest_stage(client_mo, staged, query, expected):
    assert sorted(names(client_mo.get(f"{DASHBOARD}?{query}"))) == expected


def test_the_column_shows_the_latest_stage_with_its_date(client_mo, staged):
    html = client_mo.get(DASHBOARD).content.decode()

    assert "The judge decided: Denied" in html
    assert "Friday, November 20, 2026" in html
    assert "None written down" in html


@pytest.mark.parametrize("stage", ["filed", "decided", "response"])
def test_the_stage_filter_counts_what_it_lists(org, staged, stage):
    listing = workspace.CaseList(org, workspace.Filters(stage=stage))
    listed = list(listing.shares().values_list("case_id", flat=True))
    page = listing.page(1)

    assert page.total == len(listed)
    assert [s.case_id for s in page] == listed
