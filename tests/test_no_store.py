"""No browser or proxy keeps a page or file with a person's data: every response but the static
files is `Cache-Control: no-store` (config/security.py)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.case_helpers import answer_first_steps, start_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(client):
    case = start_case(client)
    answer_first_steps(client, case)
    return case


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("case_results", ()),
        ("case_file", ()),
        ("case_step", ("person",)),
    ],
)
def test_a_page_or_file_of_a_case_is_never_stored(client, case, name, args):
    response = client.get(reverse(name, args=[case.id, *args]))

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_the_home_page_and_a_refusal_are_not_stored_either(client):
    assert client.get("/")["Cache-Control"] == "no-store"
    assert (
        client.get("/cases/00000000-0000-0000-0000-000000000000/results/")["Cache-Control"]
        == "no-store"
    )
