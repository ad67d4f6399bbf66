"""The account forms: sign up, log in (the families' and the admin's, both throttled), and the
one email address field that asks for an emailed link.

Forms validate and say what to do; the views (accounts/views.py, accounts/emails.py) act.
"""

from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from accounts import throttle


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address, for example name@example.com"),
            "invalid": _("Enter your email address, for example name@example.com"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def _locked(what: str) -> forms.ValidationError:
    """The message for a form locked after too many tries (accounts/throttle.py)."""
    return forms.ValidationError(
        _(
            "There have been too many tries to %(what)s from here. To keep accounts safe, wait "
            "%(minutes)d minutes, then try again"
        ),
        code="locked",
        params={"what": what, "minutes": throttle.lockout_minutes()},
    )


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=150,
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address like name@example.com"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Choose a password"),
        help_text=_("At least 12 characters. A few words you will remember make a good one."),
        strip=False,
        error_messages={"required": _("Choose a password")},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        error_messages={"required": _("Type the password again")},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, locked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.locked = locked

    def clean_email(self):
        # Never whether the address has an account: on this site that would tell who has a
        # relative in federal prison (accounts/views.py answers the same either way).
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        if self.locked:
            raise _locked(_("create an account"))
        cleaned = super().clean()
        one, two = cleaned.get("password1"), cleaned.get("password2")
        if one and two and one != two:
            self.add_error(
                "password2",
                forms.ValidationError(_("The two passwords are different"), code="mismatch"),
            )
        elif one:
            user = get_user_model()(
                username=cleaned.get("email", ""), email=cleaned.get("email", "")
            )
            try:
                validate_password(one, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ThrottledLogin:
    """For a log-in form (it has `request`): a locked email or IP address is refused before the
    password is checked, so a locked-out guesser learns nothing; a wrong password counts against
    both, and the right one clears the account's count (accounts/throttle.py)."""

    def clean(self):
        username = str(self.data.get("username", ""))
        if throttle.login_locked(self.request, username):
            raise _locked(_("log in"))
        try:
            cleaned = super().clean()
        except forms.ValidationError as error:
            if error.code == "invalid_login":
                throttle.login_failed(self.request, username)
            raise
        throttle.login_succeeded(username)
        return cleaned


class AdminLoginForm(ThrottledLogin, AdminAuthenticationForm):
    """The admin's log-in, throttled like the families' (accounts/admin.py installs it)."""


class EmailLoginForm(ThrottledLogin, AuthenticationForm):
    """Log in with the email address the account was made with (it is the username)."""

    username = forms.CharField(
        label=_("Email address"),
        max_length=150,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The email address or the password is wrong. Check them and try again"),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()
