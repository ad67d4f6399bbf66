"""The dashboard: the organisation's cases, searched, filtered, sorted, paginated, in a fixed
number of queries, with the filing date in words taken from the rules."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from eligibility import courts
from eligibility.rules import verdict_label
from intake import workspace
from intake.models import Case, CaseGround, CaseShare, CaseStatus, ChangeRequest
from tests import casebuilder
from tests import workspace_helpers as make
from tests.case_helpers import AS_OF, freeze_today

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("advocate_dashboard")


def shared(case, org, **fields):
    make.share(case, org, **fields)
    return case


def names(response) -> list[str]:
    return [str(row.share.case) for row in response.context["rows"]]


def test_it_lists_only_the_cases_shared_with_the_organisation(client_mo, org):
    shared(make.ready_case(person={"name": "Ours Shared"}), org)
    make.ready_case(person={"name": "Never Shared"})
    shared(make.ready_case(person={"name": "Theirs"}), make.organisation("Other Clinic"))
    shared(make.ready_case(person={"name": "Stopped Sharing"}), org, active=False)

    assert names(client_mo.get(DASHBOARD)) == ["Ours Shared"]


def test_it_asks_an_anonymous_visitor_to_log_in(client):
    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_has_no_dashboard_for_a_family_account(client):
    client.force_login(make.user("ana@example.com"))

    assert client.get(DASHBOARD).status_code == 404


def test_it_shows_the_filing_date_up_front_in_words(client_mo, org):
    shared(make.ready_case(person={"name": "Ready Person"}), org)
    shared(make.waiting_case(person={"name": "Waiting Person"}), org)
    shared(make.no_request_case(person={"name": "Unasked Person"}), org)
    shared(
        make.case(
            person={"name": "Unmatched Person"},
            grounds=casebuilder.grounds("medical_terminal", "family_parent"),
        ),
        org,
    )

    html = client_mo.get(DASHBOARD).content.decode()

    for verdict in ("ready_to_file", "waiting", "needs_warden_request", "new_request_needed"):
        assert verdict_label(verdict) in html
    assert "in 22 days, on December 21, 2026" in html


def test_it_screens_again_a_case_last_screened_on_an_earlier_day(client_mo, org, monkeypatch):
    case = shared(make.waiting_case(), org)
    assert case.verdict == "waiting"

    later = freeze_today(monkeypatch, date(2027, 1, 5))
    client_mo.get(DASHBOARD)

    case.refresh_from_db()
    assert (case.verdict, case.screened_on) == ("ready_to_file", later)


def test_it_leaves_a_refreshed_case_marked_as_unchanged(client_mo, org, monkeypatch):
    case = shared(make.waiting_case(), org)
    freeze_today(monkeypatch, date(2027, 1, 5))

    client_mo.get(DASHBOARD)

    assert type(case).objects.get(pk=case.pk).updated_at == case.updated_at


# -- the number of queries -------------------------------------------------------------------


def fill(org, mo, count: int) -> None:
    """`count` varied cases: grounds, requests, assignments, open change requests."""
    for i in range(count):
        if i % 3 == 0:
            case = make.ready_case(person={"name": f"Person {i}"})
        elif i % 3 == 1:
            case = make.waiting_case(person={"name": f"Person {i}", "facility": "FCI Nowhere"})
        else:
            case = make.no_request_case(
                person={"name": f"Person {i}"}, sentence={"district": "cacd"}
            )
        CaseGround.objects.create(case=case, category="family_parent", facts="Mother is ill.")
        share = make.share(case, org, assigned_to=mo if i % 2 else None)
        if i % 4 == 0:
            ChangeRequest.objects.create(share=share, author_name="Mo", message="Fix it")


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("query", ["", "?sort=name&ground=family_parent&q=Person"])
def test_it_needs_as_many_queries_for_50_cases_as_for_5(client_mo, org, mo, query):
    fill(org, mo, 5)
    five = queries_for(client_mo, DASHBOARD + query)
    fill(org, mo, 45)
    fifty = queries_for(client_mo, DASHBOARD + query)

    assert fifty == five
    assert len(client_mo.get(DASHBOARD + query).context["rows"]) > 5


def test_it_needs_as_many_queries_to_screen_again_50_stale_cases_as_5(
    client_mo, org, mo, monkeypatch
):
    fill(org, mo, 5)
    freeze_today(monkeypatch, date(2027, 1, 5))
    five = queries_for(client_mo, DASHBOARD)
    fill(org, mo, 45)
    freeze_today(monkeypatch, date(2027, 1, 6))
    fifty = queries_for(client_mo, DASHBOARD)

    assert fifty == five


def test_it_shows_25_cases_a_page(client_mo, org, mo):
    fill(org, mo, 30)

    first = client_mo.get(DASHBOARD)
    second = client_mo.get(DASHBOARD + "?page=2")

    assert len(first.context["rows"]) == 25
    assert len(second.context["rows"]) == 5
    assert not set(names(first)) & set(names(second))
    assert "Next page" in first.content.decode()


def test_it_keeps_the_filters_when_turning_the_page(client_mo, org, mo):
    fill(org, mo, 30)

    html = client_mo.get(DASHBOARD + "?ground=family_parent&sort=name").content.decode()

    assert "?ground=family_parent&amp;sort=name&amp;page=2" in html


# -- search and filters ----------------------------------------------------------------------


@pytest.fixture
def three(org, mo):
    """Three varied cases of the organisation."""
    jane = shared(
        make.ready_case(
            person={"name": "Jane Q. Doe", "register_number": "11111-111", "facility": "BUT"},
            sentence={"case_number": "1:10-cr-00123-ABC", "district": "nysd"},
        ),
        org,
        status=CaseStatus.IN_REVIEW,
        assigned_to=mo,
    )
    john = shared(
        make.waiting_case(
            person={"name": "John Roe", "register_number": "22222-222", "facility": "CRW"},
            sentence={"case_number": "2:15-cr-00456", "district": "cacd"},
            grounds=casebuilder.grounds("medical_terminal", "age"),
            warden_requests=[
                casebuilder.request(
                    sent_on="2026-11-20",
                    received_on="2026-11-20",
                    covering=("medical_terminal", "age"),
                )
            ],
        ),
        org,
    )
    mary = shared(
        make.no_request_case(
            person={"name": "Mary Major", "register_number": "33333-333", "facility": "BUT"},
            sentence={"case_number": "3:20-cr-00789", "district": "nysd"},
            grounds=casebuilder.grounds("family_parent"),
        ),
        org,
        status=CaseStatus.FILED,
    )
    return jane, john, mary


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=jane", ["Jane Q. Doe"]),
        ("q=Jane+Doe", ["Jane Q. Doe"]),
        ("q=ROE", ["John Roe"]),
        ("q=22222-222", ["John Roe"]),
        ("q=22222222", ["John Roe"]),
        ("q=33333", ["Mary Major"]),
        ("q=2%3A15-cr-00456", ["John Roe"]),
        ("q=cr-00123", ["Jane Q. Doe"]),
        ("q=nobody", []),
        ("verdict=ready_to_file", ["Jane Q. Doe"]),
        ("verdict=waiting", ["John Roe"]),
        ("verdict=needs_warden_request", ["Mary Major"]),
        ("status=in_review", ["Jane Q. Doe"]),
        ("status=filed", ["Mary Major"]),
        ("assigned=none", ["John Roe", "Mary Major"]),
        ("district=cacd", ["John Roe"]),
        ("facility=BUT", ["Jane Q. Doe", "Mary Major"]),
        ("ground=age", ["John Roe"]),
        ("ground=medical_terminal", ["Jane Q. Doe", "John Roe"]),
        ("ground=family_parent&facility=BUT", ["Mary Major"]),
        ("sort=name&verdict=not_a_verdict", ["Jane Q. Doe", "John Roe", "Mary Major"]),
    ],
)
def test_it_finds_the_cases_a_search_or_filter_asks_for(client_mo, three, query, expected):
    assert sorted(names(client_mo.get(f"{DASHBOARD}?{query}"))) == expected


def test_it_filters_by_the_advocate_assigned(client_mo, three, mo):
    assert names(client_mo.get(f"{DASHBOARD}?assigned={mo.pk}")) == ["Jane Q. Doe"]


def test_it_offers_every_court_and_facility_by_name_even_one_no_case_is_in(client_mo, three):
    form = client_mo.get(DASHBOARD).context["form"]
    districts = dict(form.fields["district"].choices)
    facilities = dict(form.fields["facility"].choices)

    assert len(districts) == 1 + len(courts.districts())
    assert districts["nysd"] == "Southern District of New York"
    assert districts["akd"] == "District of Alaska"
    assert facilities["BUT"] == courts.facility("BUT").label  # as every picker shows it
    former = dict(facilities.pop("Former facilities (closed or renamed)"))
    assert {*facilities, *former} == {"", *(f.code for f in courts.facilities())}


def test_it_finds_no_case_in_a_court_none_of_its_cases_is_in(client_mo, three):
    response = client_mo.get(f"{DASHBOARD}?district=akd&facility=LEX")

    assert names(response) == []
    assert "No case matches this search." in response.content.decode()


@pytest.mark.parametrize(
    "query", ["district=zzz", "facility=A+county+jail", "district=&facility=", "district=NYSD"]
)
def test_it_leaves_out_a_court_or_facility_that_is_not_on_offer(client_mo, three, query):
    response = client_mo.get(f"{DASHBOARD}?{query}")

    assert response.status_code == 200
    assert sorted(names(response)) == ["Jane Q. Doe", "John Roe", "Mary Major"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        # Dates first, soonest first (the ready case's date is in the past); none last.
        ("filing", ["Jane Q. Doe", "John Roe", "Mary Major"]),
        ("name", ["Jane Q. Doe", "John Roe", "Mary Major"]),
        ("status", ["Mary Major", "Jane Q. Doe", "John Roe"]),
    ],
)
def test_it_sorts_the_cases(client_mo, three, sort, expected):
    assert names(client_mo.get(f"{DASHBOARD}?sort={sort}")) == expected


def test_it_sorts_recently_changed_cases_first(client_mo, three):
    jane, john, mary = three
    john.save()

    assert names(client_mo.get(f"{DASHBOARD}?sort=updated"))[0] == "John Roe"


def test_it_marks_a_case_waiting_for_the_family(client_mo, three):
    jane, _, _ = three
    share = CaseShare.objects.get(case=jane)
    workspace.request_changes(share=share, user=None, message="Add the receipt date.")

    html = client_mo.get(DASHBOARD).content.decode()

    assert html.count("Waiting for the family") == 1


def test_it_never_shows_the_assignment_choices_of_another_organisation(client_mo, three):
    other = make.advocate(make.organisation("Other"), "zed@example.org", "Zed Elsewhere")

    form = client_mo.get(DASHBOARD).context["form"]

    assert str(other.pk) not in {v for v, _ in form.fields["assigned"].choices}


def test_it_tells_an_empty_workspace_how_cases_arrive(client_mo):
    assert "When a family shares a case" in client_mo.get(DASHBOARD).content.decode()


def test_it_uses_the_screening_of_today(client_mo, three):
    rows = client_mo.get(DASHBOARD).context["rows"]

    assert {r.share.case.screened_on for r in rows} == {AS_OF}


# -- reading a list page by page --------------------------------------------------------------
#
# workspace.CaseList reads a page's cases from the shares joined to their cases, then their
# rows: the same cases in the same order, whatever the sort, page after page.


@pytest.fixture
def many(org, mo):
    """80 cases of the organisation with equal dates, equal names and no date, and cases the
    list must leave out: another organisation's, and one no longer shared."""
    cases = []
    for i in range(80):
        case = Case.objects.create(
            person_name=f"Person {i % 7}",
            earliest_filing_date=None if i % 5 == 0 else AS_OF + timedelta(days=i % 4),
            next_deadline=None if i % 3 == 0 else AS_OF + timedelta(days=i % 6),
            verdict="ready_to_file" if i % 2 else "waiting",
            district="cacd" if i % 3 == 0 else "nysd",
            facility="BUT" if i % 4 else "but",
            screened_on=AS_OF,
        )
        if i % 3 == 0:
            CaseGround.objects.create(case=case, category="age")
        statuses = (CaseStatus.NEW, CaseStatus.IN_REVIEW)
        make.share(case, org, status=statuses[i % 2], assigned_to=mo if i % 4 else None)
        cases.append(case)
    elsewhere = make.organisation("Other Clinic")
    for name in ("Person 1", "Person 2"):
        make.share(
            Case.objects.create(
                person_name=name, verdict="ready_to_file", district="nysd", screened_on=AS_OF
            ),
            elsewhere,
        )
    stopped = Case.objects.create(person_name="Person 3", verdict="waiting", screened_on=AS_OF)
    make.share(stopped, org, active=False)
    return cases


def test_the_filing_date_order_puts_cases_without_a_date_last(org, many):
    listing = workspace.CaseList(org, workspace.Filters(sort="filing"))
    dated_first = sorted(
        many,
        key=lambda c: (c.earliest_filing_date is None, c.earliest_filing_date, c.person_name, c.pk),
    )
    expected = [c.pk for c in dated_first]

    assert list(listing.shares().values_list("case_id", flat=True)) == expected


@pytest.mark.parametrize("sort", list(workspace.SORTS))
def test_the_pages_follow_one_another(org, many, sort):
    listing = workspace.CaseList(org, workspace.Filters(sort=sort), size=15)
    pages = [listing.page(n) for n in range(1, 7)]

    paged = [share.case_id for page in pages for share in page]

    assert [p.has_next for p in pages] == [True] * 5 + [False]
    assert pages[-1].total == 80
    assert paged == list(listing.shares().values_list("case_id", flat=True))
    assert len(set(paged)) == 80
