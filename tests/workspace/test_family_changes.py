"""The answers a family changes after sharing its case are recorded in every workspace it shares
with, as an advocate's are in hers, so the advocates see what changed since they last looked."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests import workspace_helpers as make
from tests.case_helpers import PERSON, post_step, start_case
from workspace.models import AnswerChange, AuditAction
from workspace.services import THE_FAMILY, stop_sharing

pytestmark = pytest.mark.django_db

NEW_NAME = {**PERSON, "person_name": "Robert Q. Example", "register_number": "12345-678"}


@pytest.fixture
def case(ana):
    return make.ready_case(ana)


def test_a_familys_change_is_recorded_in_each_workspace_it_shares_with(family, case, org, mo):
    other = make.organisation("Legal Aid Society")
    shares = [make.share(case, org), make.share(case, other)]

    assert post_step(family, case, "person", NEW_NAME).status_code == 302

    for share in shares:
        changes = {c.field: (c.old, c.new) for c in share.answer_changes.all()}
        assert changes["Their full name"] == ("Robert Example", "Robert Q. Example"), share
        assert {c.changed_by_name for c in share.answer_changes.all()} == {THE_FAMILY}
        event = share.audit_events.get(action=AuditAction.CHANGED)
        assert event.actor_name == THE_FAMILY
        assert "Their full name" in event.detail


def test_the_advocate_sees_the_familys_change_on_the_case_page(family, case, org, mo):
    make.share(case, org)
    post_step(family, case, "person", NEW_NAME)
    advocate = Client()
    advocate.force_login(mo.user)

    page = advocate.get(reverse("advocate_case", args=[case.id])).content.decode()

    changes = page[page.index("Latest changes to answers") :]
    assert "Robert Q. Example" in changes
    assert THE_FAMILY in changes


def test_nothing_is_recorded_for_a_case_not_shared_or_no_longer_shared(family, case, org, ana):
    share = make.share(case, org)
    stop_sharing(share=share, user=ana)

    post_step(family, case, "person", NEW_NAME)

    assert AnswerChange.objects.count() == 0


def test_an_advocates_change_is_recorded_in_her_workspace_only(case, org, mo):
    ours = make.share(case, org)
    theirs = make.share(case, make.organisation("Legal Aid Society"))
    advocate = Client()
    advocate.force_login(mo.user)
    payload = {f"person-{key}": value for key, value in NEW_NAME.items()}
    payload[f"case_{case.id.hex}-current_step"] = "person"

    advocate.post(reverse("advocate_case_step", args=[case.id, "person"]), payload)

    assert ours.answer_changes.filter(changed_by=mo.user).exists()
    assert not theirs.answer_changes.exists()


def test_a_spanish_speaking_familys_changes_are_recorded_in_english(family, case, org):
    """The workspace is in English (config/locale.py), so are the records it keeps."""
    share = make.share(case, org)
    family.cookies["django_language"] = "es"

    page = family.get(reverse("case_step", args=[case.id, "person"]))
    assert 'lang="es"' in page.content.decode()
    post_step(family, case, "person", NEW_NAME)

    changes = {c.field: (c.old, c.new) for c in share.answer_changes.all()}
    assert changes["Their full name"] == ("Robert Example", "Robert Q. Example")
    assert "Their full name" in share.audit_events.get(action=AuditAction.CHANGED).detail


def test_an_anonymous_familys_change_is_recorded_without_an_account(client, org, mo):
    anonymous_case = start_case(client)
    anonymous_case.person_name = "Robert Example"
    anonymous_case.save()
    share = make.share(anonymous_case, org)

    assert post_step(client, anonymous_case, "person", NEW_NAME).status_code == 302

    change = share.answer_changes.get(field="Their full name")
    assert (change.changed_by, change.changed_by_name) == (None, THE_FAMILY)
