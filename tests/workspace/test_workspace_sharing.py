"""The family's side: share a case with an organisation from a list, and stop sharing it."""

import pytest
from django.urls import reverse

from tests import workspace_helpers as make
from tests.case_helpers import start_case
from workspace.models import AuditAction, AuditEvent, CaseShare

pytestmark = pytest.mark.django_db


@pytest.fixture
def fdny():
    return make.organisation("Federal Defenders of New York", description="New York City")


@pytest.fixture
def clinic():
    return make.organisation("Second Chance Clinic")


@pytest.fixture
def case(ana):
    return make.ready_case(ana)


@pytest.fixture
def client_ana(client, ana):
    client.force_login(ana)
    return client


def share_url(case):
    return reverse("case_share", args=[case.id])


def results(client, case) -> str:
    return client.get(reverse("case_results", args=[case.id])).content.decode()


def test_it_offers_sharing_from_the_results_page(client_ana, case, fdny):
    html = results(client_ana, case)

    assert "Federal Defenders of New York" in html
    assert "Share my case with them" in html


def test_it_lists_the_organisations_families_can_choose(client_ana, case, fdny, clinic):
    make.organisation("Unlisted Office", listed=False)

    html = client_ana.get(share_url(case)).content.decode()

    assert "Federal Defenders of New York</h3>\n<p>New York City</p>" in html
    assert "Second Chance Clinic" in html
    assert "Unlisted Office" not in html


def test_it_shares_the_case_with_the_organisation_chosen(client_ana, case, fdny):
    response = client_ana.post(share_url(case), {"organisation": fdny.pk})

    assert response.status_code == 302
    share = CaseShare.objects.get()
    assert (share.case, share.organisation, share.active) == (case, fdny, True)
    assert AuditEvent.objects.get().action == AuditAction.SHARED
    assert "Shared with Federal Defenders of New York" in results(client_ana, case)


def test_it_asks_which_organisation(client_ana, case, fdny):
    response = client_ana.post(share_url(case), {})

    assert "Choose an organization to share your case with" in response.content.decode()
    assert CaseShare.objects.count() == 0


def test_it_refuses_an_unlisted_organisation(client_ana, case):
    hidden = make.organisation("Unlisted Office", listed=False)

    response = client_ana.post(share_url(case), {"organisation": hidden.pk})

    assert "Choose one of the organizations in the list" in response.content.decode()
    assert CaseShare.objects.count() == 0


def test_it_shares_with_two_organisations_each_reviewing_on_its_own(client_ana, case, fdny, clinic):
    client_ana.post(share_url(case), {"organisation": fdny.pk})
    client_ana.post(share_url(case), {"organisation": clinic.pk})

    assert set(CaseShare.objects.values_list("organisation", flat=True)) == {fdny.pk, clinic.pk}


def test_it_stops_sharing_and_the_advocates_lose_the_case(client_ana, client, case, fdny):
    mo = make.advocate(fdny, "mo@example.org", "Mo Advocate")
    client_ana.post(share_url(case), {"organisation": fdny.pk})

    response = client_ana.post(reverse("case_unshare", args=[case.id, fdny.pk]))

    assert response.status_code == 302
    assert not CaseShare.objects.get().active
    client.force_login(mo.user)
    assert client.get(reverse("advocate_case", args=[case.id])).status_code == 404
    assert "Robert Example" not in client.get(reverse("advocate_dashboard")).content.decode()


def test_it_picks_up_the_review_when_shared_again(client_ana, case, fdny):
    client_ana.post(share_url(case), {"organisation": fdny.pk})
    CaseShare.objects.update(status="in_review")
    client_ana.post(reverse("case_unshare", args=[case.id, fdny.pk]))

    client_ana.post(share_url(case), {"organisation": fdny.pk})

    share = CaseShare.objects.get()
    assert (share.active, share.status) == (True, "in_review")
    actions = list(AuditEvent.objects.order_by("at", "id").values_list("action", flat=True))
    assert actions == [AuditAction.SHARED, AuditAction.UNSHARED, AuditAction.SHARED]


def test_it_lets_a_family_without_an_account_share_from_this_browser(client, fdny):
    case = start_case(client)

    response = client.post(share_url(case), {"organisation": fdny.pk})

    assert response.status_code == 302
    share = CaseShare.objects.get()
    assert share.shared_by is None
    assert AuditEvent.objects.get().actor_name == "The family"
