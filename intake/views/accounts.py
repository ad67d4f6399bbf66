"""Accounts for families: sign up with an email address and a password, log in, log out.

A family can start without an account. Signing up or logging in keeps the cases started in
this browser (`claim_session_cases`), because `login()` gives the session a new key.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from intake.access import claim_session_cases
from intake.forms import EmailLoginForm, SignupForm


def _next_url(request, default: str = "my_cases") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def signup(request):
    if request.user.is_authenticated:
        return redirect("my_cases")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        user = get_user_model().objects.create_user(
            username=email, email=email, password=form.cleaned_data["password1"]
        )
        session_key = request.session.session_key
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        claim_session_cases(session_key, user)
        return redirect(_next_url(request))
    return render(
        request, "registration/signup.html", {"form": form, "next": _next_url(request, "")}
    )


class LoginView(auth_views.LoginView):
    form_class = EmailLoginForm

    def form_valid(self, form):
        session_key = self.request.session.session_key
        response = super().form_valid(form)
        claim_session_cases(session_key, form.get_user())
        return response
