"""The people the tests act as, made straight in the database, each under one name.

- Ana, a family member with an account; Ben, another family, who must never see Ana's case.
- Mo, an advocate at the Federal Defenders of New York; Bea, the organisation's admin.
- Zed, an advocate at another organisation, who must never see the first one's cases.

Every account has the password PASSWORD (the tests hash with a fast hasher: tests/settings.py),
so a test can log in through the log-in page or, faster, with `client.force_login`.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.test import Client

from workspace.models import MemberRole, Membership, Organisation

PASSWORD = "a long pass phrase"
ORGANISATION = "Federal Defenders of New York"


def user(email: str, *, password: str | None = PASSWORD):
    """An account; `password=None` makes one that can only be logged in with force_login."""
    return get_user_model().objects.create_user(username=email, email=email, password=password)


def organisation(name: str, **fields) -> Organisation:
    return Organisation.objects.create(name=name, **fields)


def advocate(
    org: Organisation,
    email: str,
    name: str,
    *,
    admin: bool = False,
    password: str | None = PASSWORD,
) -> Membership:
    return Membership.objects.create(
        user=user(email, password=password),
        organisation=org,
        name=name,
        role=MemberRole.ADMIN if admin else MemberRole.ADVOCATE,
    )


def ana():
    return user("ana@example.com")


def ben():
    return user("ben@example.com")


def mo(org: Organisation) -> Membership:
    return advocate(org, "mo@example.org", "Mo Advocate")


def bea(org: Organisation) -> Membership:
    return advocate(org, "boss@example.org", "Bea Boss", admin=True)


def zed() -> Membership:
    return advocate(organisation("Other Clinic"), "zed@example.org", "Zed Elsewhere")


def browser_of(person) -> Client:
    """A browser of its own, logged in as `person` (an account or a membership)."""
    client = Client()
    client.force_login(getattr(person, "user", person))
    return client
