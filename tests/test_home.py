"""The home page as a returning family meets it: a way back to each case, and Start never
makes a second empty case."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from intake.models import Case
from tests.case_helpers import ABOUT_YOU, SCREENING, freeze_today, post_step, start_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


def home(client) -> str:
    return client.get(reverse("home")).content.decode()


def test_starting_twice_in_one_browser_gives_the_same_empty_case(client):
    first = client.post(reverse("case_start"))
    second = client.post(reverse("case_start"))

    assert Case.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_starting_twice_in_one_account_gives_the_same_empty_case(client):
    user = get_user_model().objects.create_user("ana@example.com", "ana@example.com", "x" * 12)
    client.force_login(user)

    client.post(reverse("case_start"))
    client.post(reverse("case_start"))

    assert list(Case.objects.values_list("owner", flat=True)) == [user.pk]


def test_a_case_with_answers_is_never_given_again_as_a_new_one(client):
    case = start_case(client)
    post_step(client, case, "about_you", ABOUT_YOU)

    client.post(reverse("case_start"))

    assert Case.objects.count() == 2


def test_the_home_page_offers_to_carry_on_each_case_this_browser_has(client):
    case = start_case(client)
    post_step(client, case, "about_you", ABOUT_YOU)
    post_step(client, case, "screening", SCREENING)

    page = home(client)

    assert "Carry on where you left off" in page
    assert f'href="{reverse("case_resume", args=[case.id])}"' in page
    assert ">Carry on</a>" in page
    assert "Stopped at: Step 3 of 9: Your loved one." in page
    assert "Start a new case" in page


def test_an_untouched_case_is_not_listed_and_start_gives_it_again(client):
    case = start_case(client)

    page = home(client)

    assert "Carry on where you left off" not in page
    assert client.post(reverse("case_start"))["Location"].startswith(f"/cases/{case.id}/")


def test_after_a_later_sign_up_the_way_back_leads_to_the_case_with_answers(client):
    case = start_case(client)
    post_step(client, case, "about_you", ABOUT_YOU)
    client.post(reverse("case_start"))  # "Start a new case", then left
    empty = Case.objects.exclude(pk=case.pk).get()

    client.post(
        reverse("signup"),
        {
            "email": "ana@example.com",
            "password1": "a long pass phrase",
            "password2": "a long pass phrase",
        },
    )
    # Sign-up answers alike for every address, so the account is then logged in to, and the
    # cases of this browser claimed for it.
    response = client.post(
        reverse("login"), {"username": "ana@example.com", "password": "a long pass phrase"}
    )
    client.post(response["Location"], {"answer": "mine"})
    page = home(client)

    assert reverse("case_resume", args=[case.id]) in page
    assert reverse("case_resume", args=[empty.id]) not in page
    assert Case.objects.filter(owner__email="ana@example.com").count() == 2
