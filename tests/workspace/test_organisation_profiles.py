"""An organisation's public profile: its admin says which districts it takes, its languages and
how to reach it; a family sees the organisations that take cases from its sentencing district,
shares with one in two clicks, and where none does, learns where else to look."""

import re

import pytest
from django.urls import reverse

from intake.models import SentencingCourt
from tests import workspace_helpers as make
from tests.case_helpers import start_case
from workspace.models import CaseShare, Organisation

pytestmark = pytest.mark.django_db
PROFILE = reverse("advocate_profile")

PROFILE_FORM = {
    "description": "We help people sentenced in Manhattan and the Bronx.",
    "listed": "on",
    "districts": ["nysd", "nyed"],
    "languages": ["en", "es"],
    "phone": "(212) 555-0100",
    "website": "https://fdny.example.org",
    "email": "help@fdny.example.org",
}


@pytest.fixture
def case(ana):
    return make.ready_case(ana)  # sentenced in the Southern District of New York


@pytest.fixture
def client_ana(client, ana):
    client.force_login(ana)
    return client


def results(client, case) -> str:
    return client.get(reverse("case_results", args=[case.id])).content.decode()


def share_page(client, case) -> str:
    return client.get(reverse("case_share", args=[case.id])).content.decode()


def serving(name, *districts, **fields) -> Organisation:
    return make.organisation(name, all_districts=False, districts=list(districts), **fields)


# -- the admin's page ---------------------------------------------------------------------------


def test_an_admin_publishes_the_profile(client_admin, org):
    response = client_admin.post(PROFILE, PROFILE_FORM)

    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.all_districts, org.districts) == (False, ["nysd", "nyed"])
    assert org.languages == ["en", "es"]
    assert (org.phone, org.website, org.email) == (
        "(212) 555-0100",
        "https://fdny.example.org",
        "help@fdny.example.org",
    )
    assert "Southern District of New York" in client_admin.get(PROFILE).content.decode()


def test_the_team_page_leads_an_admin_to_the_profile(client_admin):
    assert PROFILE in client_admin.get(reverse("advocate_team")).content.decode()


def test_only_an_admin_sees_or_changes_the_profile(client_mo, org):
    assert client_mo.get(PROFILE).status_code == 404
    assert client_mo.post(PROFILE, PROFILE_FORM).status_code == 404
    org.refresh_from_db()
    assert org.phone == ""
    assert PROFILE not in client_mo.get(reverse("advocate_team")).content.decode()


def test_a_family_or_a_visitor_gets_no_profile_page(client, ana):
    assert client.get(PROFILE).status_code == 302  # to the log-in page
    client.force_login(ana)
    assert client.get(PROFILE).status_code == 404


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("districts", ["nysd", "xxzz"], "Choose districts from the list"),
        ("districts", [], "Choose the districts you take cases from"),
        ("website", "javascript:alert(1)", "starts with https:// or http://"),
        ("website", "ftp://files.example.org", "starts with https:// or http://"),
        ("phone", "call us", "Enter a phone number with its area code"),
        ("email", "not an address", "Enter an email address like name@example.org"),
        ("languages", ["klingon"], "Choose languages from the list"),
    ],
)
def test_it_says_what_to_fix_and_keeps_the_rest(client_admin, org, field, value, message):
    response = client_admin.post(PROFILE, {**PROFILE_FORM, field: value})

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "We help people sentenced in Manhattan and the Bronx." in html
    org.refresh_from_db()
    assert org.phone == ""


def test_a_website_without_its_scheme_is_taken_as_https(client_admin, org):
    client_admin.post(PROFILE, {**PROFILE_FORM, "website": "fdny.example.org"})

    org.refresh_from_db()
    assert org.website == "https://fdny.example.org"


def test_every_district_needs_no_list(client_admin, org):
    client_admin.post(PROFILE, {**PROFILE_FORM, "districts": [], "all_districts": "on"})

    org.refresh_from_db()
    assert (org.all_districts, org.districts) == (True, [])


# -- what the family sees -----------------------------------------------------------------------


def test_the_family_sees_only_the_organisations_taking_its_district(client_ana, case):
    serving("Manhattan Defenders", "nysd", phone="(212) 555-0100", languages=["en", "es"])
    serving("Texas Clinic", "txsd")
    make.organisation("Everywhere Project")  # every district
    serving("Hidden Office", "nysd", listed=False)

    for html in (results(client_ana, case), share_page(client_ana, case)):
        assert "Manhattan Defenders" in html
        assert "Everywhere Project" in html
        assert "Texas Clinic" not in html
        assert "Hidden Office" not in html
        assert "These take cases from the Southern District of New York" in html
        assert 'href="tel:2125550100"' in html
        assert "English, Spanish" in html


def test_the_profile_is_in_spanish_for_a_spanish_reader(client_ana, case):
    serving("Manhattan Defenders", "nysd", languages=["en", "es"])
    client_ana.cookies["django_language"] = "es"

    html = results(client_ana, case)

    assert "Inglés, Español" in html
    assert "Compartir mi caso con ellos" in html


def test_it_refuses_an_organisation_that_does_not_take_the_district(client_ana, case):
    texas = serving("Texas Clinic", "txsd")
    serving("Manhattan Defenders", "nysd")

    response = client_ana.post(reverse("case_share", args=[case.id]), {"organisation": texas.pk})

    assert response.status_code == 200
    assert "Choose one of the organizations in the list" in response.content.decode()
    assert CaseShare.objects.count() == 0


def test_two_clicks_share_the_case_from_the_results_page(client_ana, case):
    org = serving("Manhattan Defenders", "nysd")

    # First click: the link beside the organisation's profile on the results page.
    link = re.search(
        r'href="([^"]+)">Share my case with them<span class="visually-hidden"> '
        r"\(Manhattan Defenders\)",
        results(client_ana, case),
    )[1]
    page = client_ana.get(link)
    html = page.content.decode()
    assert page.status_code == 200
    assert "They can also change answers themselves" in html  # what sharing lets them do
    # Second click: the organisation's own button, a form with its CSRF token.
    main = html.split("<main", 1)[1]
    form = re.search(r'<form method="post"[^>]*>(.*?)</form>', main, re.DOTALL)[1]
    assert "csrfmiddlewaretoken" in form
    assert f'name="organisation" value="{org.pk}"' in form
    response = client_ana.post(link.split("#")[0], {"organisation": org.pk})

    assert response.status_code == 302
    share = CaseShare.objects.get()
    assert (share.case, share.organisation, share.active) == (case, org, True)
    assert "Shared with Manhattan Defenders" in results(client_ana, case)


def test_the_share_button_needs_the_csrf_token(ana, case):
    from django.test import Client

    org = serving("Manhattan Defenders", "nysd")
    client = Client(enforce_csrf_checks=True)
    client.force_login(ana)

    response = client.post(reverse("case_share", args=[case.id]), {"organisation": org.pk})

    assert response.status_code == 403
    assert CaseShare.objects.count() == 0


def test_only_the_family_can_share_its_case(client, case, zed):
    org = serving("Manhattan Defenders", "nysd")
    url = reverse("case_share", args=[case.id])

    assert client.post(url, {"organisation": org.pk}).status_code == 404  # a stranger
    client.force_login(zed.user)  # an advocate of another organisation
    assert client.get(url).status_code == 404
    assert client.post(url, {"organisation": org.pk}).status_code == 404
    assert CaseShare.objects.count() == 0


def test_a_family_without_an_account_shares_from_its_browser(client):
    case = start_case(client)
    org = make.organisation("Everywhere Project")

    assert "Everywhere Project" in share_page(client, case)
    assert client.post(reverse("case_share", args=[case.id]), {"organisation": org.pk})[
        "Location"
    ] == reverse("case_resume", args=[case.id])
    assert CaseShare.objects.get().organisation == org


# -- where no organisation takes the district ---------------------------------------------------


def test_where_none_takes_the_district_it_says_where_to_look(client_ana, case):
    serving("Texas Clinic", "txsd")

    for html in (results(client_ana, case), share_page(client_ana, case)):
        assert "Texas Clinic" not in html
        assert (
            "Look for the Federal Public Defender or Community Defender office for the "
            "Southern District of New York"
        ) in html
        assert "This is the website of the court, not of a lawyer" in html
        assert 'href="http://www.nysd.uscourts.gov/"' in html
        assert "a law school clinic" in html
        assert "famm.org" in html


def test_an_unknown_district_gives_the_general_advice(client_ana, ana):
    case = make.ready_case(ana)
    case.district = "zz"
    case.save(update_fields=["district"])
    serving("Manhattan Defenders", "nysd")
    make.organisation("Everywhere Project")

    for html in (results(client_ana, case), share_page(client_ana, case)):
        assert "Everywhere Project" in html
        assert "Manhattan Defenders" not in html
        assert "These take cases from every federal court" in html


def test_an_unknown_court_and_no_organisation_gives_the_general_advice(client_ana, ana):
    case = make.ready_case(ana)
    case.sentencing_court = SentencingCourt.FEDERAL_DISTRICT
    case.district = ""
    case.save(update_fields=["sentencing_court", "district"])
    serving("Manhattan Defenders", "nysd")

    response = client_ana.get(reverse("case_share", args=[case.id]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "We do not know which federal court gave the sentence" in html
    assert "a legal aid office near you" in html
    assert "Manhattan Defenders" not in html


def test_a_case_from_a_state_court_is_not_sent_to_a_federal_defender(client_ana, ana):
    case = make.case(ana, custody={"sentencing_court": "state"})
    serving("Manhattan Defenders", "nysd")

    html = share_page(client_ana, case)

    assert "Federal Public Defender" not in html
    assert "a legal aid office near you" in html
