"""A facility typed as a code, as the BOP's name or as free text is recognised as the same place,
so a request to the same prison never raises a "you have moved" warning."""

import pytest

from eligibility.courts import facility, same_facility


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("BUT", "but", True),
        ("BUT", "BUTNER MED I FCI", True),
        ("BUT", "Butner Med I FCI", True),
        ("BUT", "FCI Butner Medium I", True),
        ("BUT", "fci butner medium i", True),
        ("ATL", "USP Atlanta", True),
        ("BUT", "BUH", False),
        ("Dade County Jail", "dade  county jail", True),
        ("Dade County Jail", "BUT", False),
        ("BUT", None, False),
        (None, None, False),
    ],
)
def test_it_compares_facilities_by_what_they_name(a, b, same):
    assert same_facility(a, b) is same


def test_it_gives_names_as_people_say_them_kind_first():
    assert facility("BUT").display_name == "FCI Butner Medium I"
    assert facility("COP").display_name == "USP Coleman I"
    assert facility("BUH").display_name == "FMC Butner"
