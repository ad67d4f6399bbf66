"""An organisation's team: admins invite advocates by an emailed link, which works once."""

import re
import socket
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests import workspace_helpers as make
from workspace.models import Invitation, MemberRole, Membership

pytestmark = pytest.mark.django_db
TEAM = reverse("advocate_team")
INVITE = reverse("advocate_team_invite")
PASSWORD = "a long pass phrase"


def invite(client, email="new@example.org", role=MemberRole.ADVOCATE):
    return client.post(INVITE, {"email": email, "role": role})


def emailed_link() -> str:
    return re.search(r"http://testserver(/advocate/join/\S+/)", mail.outbox[-1].body)[1]


def test_it_emails_an_invitation_link_that_opens_the_join_page(client_admin, client):
    response = invite(client_admin)

    assert response.status_code == 302
    assert mail.outbox[0].to == ["new@example.org"]
    assert "Bea Boss invites you" in mail.outbox[0].body
    client.logout()
    page = client.get(emailed_link())
    assert "Join Federal Defenders of New York" in page.content.decode()


def test_it_lists_the_team_and_the_open_invitations(client_admin):
    invite(client_admin, "pending@example.org")

    html = client_admin.get(TEAM).content.decode()

    assert "Bea Boss" in html
    assert "pending@example.org" in html


def test_it_lets_only_an_admin_invite(client, org):
    member = make.advocate(org, "mo@example.org", "Mo Advocate")
    client.force_login(member.user)

    assert "An organization admin can invite" in client.get(TEAM).content.decode()
    assert invite(client).status_code == 404
    assert Invitation.objects.count() == 0
    assert mail.outbox == []


def test_it_says_what_to_fix_in_an_invitation(client_admin):
    response = invite(client_admin, email="not an address")

    assert "Enter an email address like name@example.org" in response.content.decode()
    assert mail.outbox == []


def test_it_does_not_invite_someone_already_in_an_organisation(client_admin):
    make.advocate(make.organisation("Other Clinic"), "taken@example.org", "Tay Ken")

    response = invite(client_admin, email="Taken@Example.org")

    assert "already works with an organization" in response.content.decode()


def test_it_makes_an_account_and_a_membership_from_the_link(client_admin, client, org):
    invite(client_admin, role=MemberRole.ADMIN)
    client.logout()

    response = client.post(
        emailed_link(), {"name": "Nia New", "password1": PASSWORD, "password2": PASSWORD}
    )

    assert response["Location"] == reverse("advocate_dashboard")
    member = Membership.objects.get(name="Nia New")
    assert (member.organisation, member.role, member.user.email) == (
        org,
        MemberRole.ADMIN,
        "new@example.org",
    )
    assert client.get(reverse("advocate_dashboard")).status_code == 200


def test_it_says_what_to_fix_when_joining(client_admin, client):
    invite(client_admin)
    client.logout()

    response = client.post(emailed_link(), {"name": "", "password1": "short", "password2": "x"})

    html = response.content.decode()
    assert "Enter your name" in html
    assert "The two passwords are different" in html
    assert Membership.objects.count() == 1


def test_it_works_only_once(client_admin, client):
    invite(client_admin)
    link = emailed_link()
    client.logout()
    client.post(link, {"name": "Nia New", "password1": PASSWORD, "password2": PASSWORD})
    client.logout()

    again = client.get(link)

    assert again.status_code == 404
    assert "does not work" in again.content.decode()


def test_it_stops_working_when_withdrawn(client_admin, client):
    invite(client_admin)
    link = emailed_link()
    invitation = Invitation.objects.get()

    client_admin.post(reverse("advocate_invitation_withdraw", args=[invitation.pk]))
    client.logout()

    assert client.get(link).status_code == 404


def test_it_stops_working_after_14_days(client_admin, client):
    invite(client_admin)
    Invitation.objects.update(created_at=timezone.now() - timedelta(days=14, minutes=1))
    client.logout()

    assert client.get(emailed_link()).status_code == 404


def test_it_asks_an_existing_account_to_log_in_and_then_joins_it(client_admin, client):
    ana = make.user("new@example.org")
    invite(client_admin)
    link = emailed_link()
    client.logout()

    page = client.get(link).content.decode()
    assert "Log in with it" in page
    client.force_login(ana)
    response = client.post(link, {"name": "Ana Advocate"})

    assert response.status_code == 302
    assert Membership.objects.get(user=ana).name == "Ana Advocate"
    assert get_user_model().objects.filter(email="new@example.org").count() == 1


def test_it_refuses_the_link_to_another_account(client_admin, client):
    invite(client_admin)
    link = emailed_link()
    client.force_login(make.user("someone.else@example.org"))

    response = client.post(link, {"name": "Someone"})

    assert response.status_code == 403
    assert Membership.objects.count() == 1


def test_it_withdraws_no_invitation_of_another_organisation(client_admin):
    other = make.advocate(make.organisation("Other"), "o@example.org", "O", admin=True)
    invitation, _ = Invitation.issue(
        organisation=other.organisation, email="x@example.org", role="advocate", invited_by=None
    )

    response = client_admin.post(reverse("advocate_invitation_withdraw", args=[invitation.pk]))

    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is None


def test_the_invitation_email_is_plain_text_without_html_escaping():
    from workspace.views.team import invitation_email

    body = invitation_email(
        by="Bea O'Boss", organisation="Smith & Jones <Clinic>", link="http://x/j/"
    )

    assert "Bea O'Boss invites you" in body
    assert "for Smith & Jones <Clinic> on Second Look" in body
    assert "&amp;" not in body


def test_an_unreachable_mail_server_makes_no_invitation_and_says_so(client_admin, settings):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5

    response = invite(client_admin, "pending@example.org")

    assert response.status_code == 302
    assert Invitation.objects.count() == 0
    page = client_admin.get(TEAM).content.decode()
    assert "We could not send the invitation to pending@example.org" in page
    assert "No invitation was made" in page
