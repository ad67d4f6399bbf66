"""The organisation's advocates, invitations by email link, and joining through one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from config.mail import send_safely
from workspace.forms import InviteForm, JoinForm, ProfileForm
from workspace.models import INVITATION_DAYS, Invitation, Membership
from workspace.views.base import workspace_member


def _team_page(request, membership: Membership, form: InviteForm | None = None):
    organisation = membership.organisation
    if form is None and membership.is_admin:
        form = InviteForm(organisation=organisation)
    invitations = [
        i for i in organisation.invitations.filter(accepted_at=None, withdrawn_at=None) if i.is_open
    ]
    return render(
        request,
        "advocate/team.html",
        {
            "membership": membership,
            "organisation": organisation,
            "members": organisation.members.select_related("user"),
            "invitations": invitations,
            "form": form,
        },
    )


@login_required
def team(request):
    return _team_page(request, workspace_member(request))


@login_required
def profile(request):
    """What families see of the organisation, beside the button that shares their case: only
    its admins change it."""
    membership = workspace_member(request, admin=True)
    organisation = membership.organisation
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your public profile is saved. Families see it now.")
        return redirect("advocate_profile")
    return render(
        request,
        "advocate/profile.html",
        {"membership": membership, "organisation": organisation, "form": form},
    )


def invitation_email(*, by: str, organisation: str, link: str) -> str:
    """The invitation as plain text. Written here, not by a template, because HTML escaping
    has no place in a text email (it would print "&amp;" for "&")."""
    return (
        "Hello,\n\n"
        f"{by} invites you to review compassionate-release cases for {organisation} on "
        "Second Look.\n\n"
        f"To join, open this link within {INVITATION_DAYS} days:\n\n{link}\n\n"
        "The link works once. If you did not expect this email, you can ignore it.\n"
    )


@login_required
@require_POST
def team_invite(request):
    membership = workspace_member(request, admin=True)
    form = InviteForm(request.POST, organisation=membership.organisation)
    if not form.is_valid():
        return _team_page(request, membership, form)
    invitation, token = Invitation.issue(
        organisation=membership.organisation,
        email=form.cleaned_data["email"],
        role=form.cleaned_data["role"],
        invited_by=request.user,
    )
    link = request.build_absolute_uri(reverse("advocate_join", args=[token]))
    sent = send_safely(
        subject=f"Join {membership.organisation.name} on Second Look",
        body=invitation_email(
            by=membership.name, organisation=membership.organisation.name, link=link
        ),
        to=invitation.email,
    )
    if not sent:
        # No one got the link: the invitation must not stay listed as if it were sent.
        invitation.delete()
        messages.error(
            request,
            f"We could not send the invitation to {invitation.email}: the email server did not "
            "answer. No invitation was made. Try again later, or tell whoever runs this site.",
        )
        return redirect("advocate_team")
    messages.success(
        request,
        f"We emailed an invitation to {invitation.email}. The link works for "
        f"{INVITATION_DAYS} days.",
    )
    return redirect("advocate_team")


@login_required
@require_POST
def invitation_withdraw(request, invitation_id):
    membership = workspace_member(request, admin=True)
    invitation = get_object_or_404(
        Invitation,
        pk=invitation_id,
        organisation=membership.organisation,
        accepted_at=None,
        withdrawn_at=None,
    )
    invitation.withdrawn_at = timezone.now()
    invitation.save(update_fields=["withdrawn_at"])
    messages.success(request, f"The invitation to {invitation.email} no longer works.")
    return redirect("advocate_team")


def join(request, token):
    """Accept an invitation: a new account is made here; an existing one logs in first."""
    invitation = Invitation.open_for_token(token)
    if invitation is None:
        return render(request, "advocate/join_closed.html", status=404)
    context = {"invitation": invitation, "organisation": invitation.organisation}
    user = request.user
    if user.is_authenticated:
        if user.get_username().lower() != invitation.email.lower():
            return render(request, "advocate/join_other_account.html", context, status=403)
        if Membership.objects.filter(user=user).exists():
            return render(request, "advocate/join_already_member.html", context, status=409)
        new_account = False
    else:
        existing = get_user_model().objects.filter(username__iexact=invitation.email).exists()
        if existing:
            return render(request, "advocate/join_log_in.html", context)
        new_account = True
    data = request.POST if request.method == "POST" else None
    form = JoinForm(data, invitation=invitation, new_account=new_account)
    if request.method == "POST" and form.is_valid():
        user = _accept(invitation, form, user if not new_account else None)
        if user is None:
            return render(request, "advocate/join_closed.html", status=404)
        if new_account:
            login(request, user)  # the one backend in AUTHENTICATION_BACKENDS
        messages.success(request, f"Welcome to {invitation.organisation.name}.")
        return redirect("advocate_dashboard")
    return render(request, "advocate/join.html", {**context, "form": form})


@transaction.atomic
def _accept(invitation: Invitation, form: JoinForm, user):
    """The membership, once: None if the invitation was used or withdrawn meanwhile."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        return None
    if user is None:
        user = get_user_model().objects.create_user(
            username=invitation.email,
            email=invitation.email,
            password=form.cleaned_data["password1"],
        )
    Membership.objects.create(
        user=user,
        organisation=invitation.organisation,
        name=form.cleaned_data["name"].strip(),
        role=invitation.role,
    )
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user
