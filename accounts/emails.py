"""Email for accounts: confirming the address at sign-up, and resetting a password.

A new account's address is unconfirmed until its emailed link is opened. Until then the account
logs in only in the browser that signed up (`ConfirmedAddressBackend`): anywhere else the log-in
is refused with the words a wrong password gets, and the log-in page offers to send the email
again. Nothing here says whether an address has an account: signing up with an address that has
one emails that address instead, asking for the email again answers the same either way, and a
password reset for an unknown address emails it to say there is no account.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.dispatch import receiver
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from accounts import throttle
from accounts.forms import EmailForm
from accounts.models import AddressCheck
from accounts.views import signed_up
from config.mail import render_email, send_safely

# The browser that signed up remembers the account (in the session, and in a signed cookie that
# outlives logging out): it may log in there before the address is confirmed.
SIGNED_UP_HERE = "signed_up_here"
# The salts keep the module's former name: changing them would void every cookie and emailed
# link already given out.
COOKIE_SALT = "notices.accounts.signed-up-here"


class AddressTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "notices.accounts.AddressTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        check = AddressCheck.objects.filter(user=user).first()
        confirmed = check.confirmed_at if check else None
        return f"{user.pk}{user.email}{confirmed}{timestamp}"


address_tokens = AddressTokenGenerator()


def is_confirmed(user) -> bool:
    """Accounts made before addresses were checked (and the admins') count as confirmed."""
    check = AddressCheck.objects.filter(user=user).first()
    return check is None or check.confirmed_at is not None


def confirm(user) -> None:
    AddressCheck.objects.update_or_create(user=user, defaults={"confirmed_at": timezone.now()})


class ConfirmedAddressBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None or is_confirmed(user):
            return user
        if request is not None and signed_up_here(request) == str(user.pk):
            return user
        return None


def signed_up_here(request) -> str | None:
    session = getattr(request, "session", {})  # a request built without one has none
    if session.get(SIGNED_UP_HERE) is not None:
        return str(session[SIGNED_UP_HERE])
    return request.get_signed_cookie(
        SIGNED_UP_HERE, default=None, salt=COOKIE_SALT, max_age=settings.SESSION_COOKIE_AGE
    )


class SignedUpHereMiddleware:
    """Sets the cookie that lets the browser that signed up log in before the address is
    confirmed, even after logging out (which empties the session)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user_pk = getattr(request, "_signed_up_here", None)
        if user_pk is not None:
            response.set_signed_cookie(
                SIGNED_UP_HERE,
                str(user_pk),
                salt=COOKIE_SALT,
                max_age=settings.SESSION_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response


def send_confirmation(request, user) -> bool:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("confirm_address", args=[uid, address_tokens.make_token(user)])
    subject, body = render_email(
        "accounts/email/verify", {"link": request.build_absolute_uri(path)}
    )
    return send_safely(subject=subject, body=body, to=user.email)


def send_already_registered(request, email: str) -> bool:
    subject, body = render_email(
        "accounts/email/already_registered",
        {
            "login": request.build_absolute_uri(reverse("login")),
            "reset": request.build_absolute_uri(reverse("password_reset")),
        },
    )
    return send_safely(subject=subject, body=body, to=email)


@receiver(signed_up, dispatch_uid="accounts_confirm_new_address")
def on_signed_up(sender, request, email, user, **kwargs) -> bool:
    if not throttle.email_link_allowed(request, email):
        return True  # the same answer as a sent email
    if user is None:
        return send_already_registered(request, email)
    AddressCheck.objects.create(user=user)
    request.session[SIGNED_UP_HERE] = user.pk
    request._signed_up_here = user.pk
    return send_confirmation(request, user)


def confirm_address(request, uidb64, token):
    try:
        user = get_user_model().objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
        user = None
    confirmed = user is not None and address_tokens.check_token(user, token)
    if confirmed:
        confirm(user)
    return render(request, "accounts/address_confirmed.html", {"confirmed": confirmed}, status=200)


def resend_confirmation(request):
    """Send the email to confirm an address again; the answer is the same for every address."""
    form = EmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        sent = True
        if throttle.email_link_allowed(request, email):
            user = get_user_model().objects.filter(email__iexact=email).first()
            if user is not None and not is_confirmed(user):
                sent = send_confirmation(request, user)
        return render(request, "accounts/confirmation_sent.html", {"sent": sent})
    return render(request, "accounts/resend_confirmation.html", {"form": form})


class SafePasswordResetForm(PasswordResetForm):
    """Django's reset form, sending through `send_safely`; an address without an account gets
    an email saying so, so that the page, and a mail server that is down, answer alike."""

    sent = True

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        subject, body = render_email("accounts/email/password_reset", context)
        self.sent = send_safely(subject=subject, body=body, to=context["email"]) and self.sent

    def save(self, **kwargs):
        request, email = kwargs["request"], self.cleaned_data["email"]
        if not throttle.email_link_allowed(request, email):
            return
        if not any(self.get_users(email)):
            self.sent = send_no_account(request, email)
            return
        super().save(**kwargs)


def send_no_account(request, email: str) -> bool:
    subject, body = render_email(
        "accounts/email/no_account", {"signup": request.build_absolute_uri(reverse("signup"))}
    )
    return send_safely(subject=subject, body=body, to=email)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = SafePasswordResetForm
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        if not form.sent:
            return render(self.request, "registration/password_reset_not_sent.html")
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        # The reset link came by email: the address is the account holder's.
        confirm(form.user)
        return super().form_valid(form)
