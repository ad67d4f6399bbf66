"""Strong passwords: at least 12 characters, and Django's checks for common, all-digit and
look-alike passwords, each refused with a message that says what to choose instead."""

import pytest

from accounts.forms import SignupForm

pytestmark = pytest.mark.django_db


def errors_for(password: str, email: str = "ana@example.com") -> list[str]:
    form = SignupForm({"email": email, "password1": password, "password2": password})
    form.is_valid()
    return form.errors.get("password1", [])


@pytest.mark.parametrize(
    ("password", "words"),
    [
        ("elevenchars", "at least 12 characters"),
        ("123456789012", "entirely numeric"),
        ("password1234", "too common"),
        ("ana@example.com!", "too similar"),
    ],
)
def test_it_refuses_a_weak_password_saying_why(password, words):
    assert any(words in message for message in errors_for(password))


def test_it_accepts_a_pass_phrase_of_twelve_characters_or_more():
    assert errors_for("blue kettle river") == []


def test_it_tells_people_the_length_before_they_choose():
    assert "At least 12 characters" in SignupForm().fields["password1"].help_text


@pytest.mark.parametrize("password", [" " * 12, "a" * 12, "passwordpassword", "abababababab"])
def test_it_refuses_a_password_that_repeats_itself(password):
    assert any("too easy to guess" in message for message in errors_for(password))


def test_the_invitation_says_twelve_characters_too():
    from intake.workspace_forms import JoinForm

    fields = JoinForm(invitation=None, new_account=True).fields
    assert "At least 12 characters" in fields["password1"].help_text
