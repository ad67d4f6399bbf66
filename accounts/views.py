"""Accounts for families: sign up with an email address and a password, log in, log out.

A family can start without an account; a case's "saved" page offers one (`case_saved`), the
only way back to the case from another device. Logging in asks whether the cases started in this
browser are the person's (`claim_cases`: on a shared computer they may not be) and, if they
are, adds them to the account (`claim_session_cases`); `login()` gives the session a new key.
Signing up makes the account and sends the family to log in with it, with the same words
whether or not the address had an account already, so the sign-up page never tells who has one.

Both are throttled (accounts/throttle.py): failed log-ins per email address and per IP address
(in the form, `ThrottledLogin`, which the admin's log-in shares), sign-up tries per IP address.
A locked form says how long to wait, with status 429. The address check and the password reset:
accounts/emails.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.forms.forms import NON_FIELD_ERRORS
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy

from accounts import throttle
from accounts.forms import EmailLoginForm, SignupForm
from intake.access import OPENED_CASES, case_for_request, claim_session_cases, session_cases
from intake.wizard import resume_url


def _next_url(request, default: str = "my_cases") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


# The session key the cases started in this browser before logging in were kept under.
CLAIM_FROM = "claim_cases_from"

# Sent after every valid sign-up, with `request`, `email` and `user` (None when the address
# already had an account). A receiver returns False when the email it sends could not go.
signed_up = Signal()

# What every valid sign-up is told, whether or not the address already had an account: the
# page must not tell who has one. Only the right password then logs in.
SIGNED_UP = gettext_lazy("Now log in with your email address and password")
NOT_SENT = gettext_lazy(
    "We could not send the email to confirm your address: our email system is not working "
    "right now. You can log in on this device. Ask for the email again later from the log-in page."
)


def case_saved(request, case_id):
    """A case's answers are saved: offer an account, to come back from any device."""
    case = case_for_request(request, case_id)
    return render(
        request,
        "accounts/case_saved.html",
        {"case": case, "form": SignupForm(), "resume_url": resume_url(case)},
    )


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
        user = None
        try:
            with transaction.atomic():
                user = get_user_model().objects.create_user(
                    username=email, email=email, password=form.cleaned_data["password1"]
                )
        except IntegrityError:
            pass  # the address has an account: the same answer as for a new one
        answers = signed_up.send(sender=None, request=request, email=email, user=user)
        messages.info(request, SIGNED_UP)
        if any(sent is False for _receiver, sent in answers):
            messages.warning(request, NOT_SENT)
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
        if session_cases(session_key, self.request.session.get(OPENED_CASES)).exists():
            # login() gave the session a new key: remember the old one to ask about its cases.
            self.request.session[CLAIM_FROM] = session_key
            target = self.get_success_url()
            return redirect(f"{reverse('claim_cases')}?{urlencode({'next': target})}")
        return response


@login_required
def claim_cases(request):
    """Whether the cases started in this browser before logging in are this account's.

    On a shared or library computer they may be someone else's: they join the account only
    when the person says so. Said no, they stay out of every account.
    """
    opened = request.session.get(OPENED_CASES)
    cases = session_cases(request.session.get(CLAIM_FROM), opened)
    target = _next_url(request)
    if request.method == "POST":
        if request.POST.get("answer") == "mine":
            claim_session_cases(request.session.get(CLAIM_FROM), request.user, opened)
        request.session.pop(CLAIM_FROM, None)
        request.session.pop(OPENED_CASES, None)
        return redirect(target)
    if not cases:
        return redirect(target)
    return render(request, "registration/claim_cases.html", {"cases": cases, "next": target})
