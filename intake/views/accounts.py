"""Accounts for families: sign up with an email address and a password, log in, log out.

A family can start without an account. Logging in keeps the cases started in this browser
(`claim_session_cases`), because `login()` gives the session a new key. Signing up makes the
account and sends the family to log in with it, with the same words whether or not the address
had an account already, so the sign-up page never tells who has one.

Both are throttled (config/throttle.py): failed log-ins per email address and per IP address
(in the form, `ThrottledLogin`, which the admin's log-in shares), sign-up tries per IP address.
A locked form says how long to wait, with status 429.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.db import IntegrityError, transaction
from django.forms.forms import NON_FIELD_ERRORS
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy

from config import throttle
from intake.access import claim_session_cases
from intake.forms import EmailLoginForm, SignupForm


def _next_url(request, default: str = "my_cases") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


# What every valid sign-up is told, whether or not the address already had an account: the
# page must not tell who has one. Only the right password then logs in.
SIGNED_UP = gettext_lazy("Now log in with your email address and password")


def signup(request):
    if request.user.is_authenticated:
        return redirect("my_cases")
    posted = request.method == "POST"
    locked = posted and throttle.signup_locked(request)
    form = SignupForm(request.POST if posted else None, locked=locked)
    if posted and not locked:
        throttle.signup_tried(request)
    if posted and form.is_valid():
        email = form.cleaned_data["email"]
        try:
            with transaction.atomic():
                get_user_model().objects.create_user(
                    username=email, email=email, password=form.cleaned_data["password1"]
                )
        except IntegrityError:
            pass  # the address has an account: the same answer as for a new one
        messages.info(request, SIGNED_UP)
        target = _next_url(request, "")
        return redirect(reverse("login") + (f"?{urlencode({'next': target})}" if target else ""))
    return render(
        request,
        "registration/signup.html",
        {"form": form, "next": _next_url(request, "")},
        status=429 if locked else 200,
    )


class LoginView(auth_views.LoginView):
    form_class = EmailLoginForm

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "locked"):
            response.status_code = 429
        return response

    def form_valid(self, form):
        session_key = self.request.session.session_key
        response = super().form_valid(form)
        claim_session_cases(session_key, form.get_user())
        return response
