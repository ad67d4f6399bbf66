"""The Django admin for staff: organisations, advocates, cases and their workspace records."""

import pytest
from django.urls import reverse

from tests import workspace_helpers as make
from workspace import services
from workspace.models import AuditAction

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("staff@example.org", "staff@example.org")
    )
    return client


@pytest.fixture
def share():
    org = make.organisation("Federal Defenders of New York")
    make.advocate(org, "mo@example.org", "Mo Advocate", admin=True)
    share = make.share(make.ready_case(make.user("ana@example.com")), org)
    services.record(share, None, AuditAction.SHARED)
    return share


@pytest.mark.parametrize(
    "model",
    [
        "workspace_organisation",
        "workspace_membership",
        "workspace_invitation",
        "intake_case",
        "workspace_caseshare",
        "workspace_auditevent",
    ],
)
def test_it_lists_each_workspace_model_for_staff(staff, share, model):
    response = staff.get(reverse(f"admin:{model}_changelist"))

    assert response.status_code == 200


def test_it_finds_a_case_by_register_number_and_filters_by_organisation(staff, share):
    url = reverse("admin:intake_case_changelist")
    other = make.organisation("Other Clinic")

    found = staff.get(url, {"q": "12345-678", "shares__organisation": share.organisation_id})
    elsewhere = staff.get(url, {"q": "12345-678", "shares__organisation": other.pk})

    assert "Robert Example" in found.content.decode()
    assert "Robert Example" not in elsewhere.content.decode()


def test_it_counts_each_organisations_advocates_and_cases(staff, share):
    html = staff.get(reverse("admin:workspace_organisation_changelist")).content.decode()

    assert 'class="field-member_count">1<' in html
    assert 'class="field-case_count">1<' in html


def test_it_shows_the_audit_trail_read_only(staff, share):
    event = share.audit_events.get()

    change = staff.get(reverse("admin:workspace_auditevent_change", args=[event.pk]))
    delete = staff.post(
        reverse("admin:workspace_auditevent_delete", args=[event.pk]), {"post": "yes"}
    )

    assert 'name="detail"' not in change.content.decode()
    assert delete.status_code == 403
    assert share.audit_events.count() == 1


def test_it_opens_a_share_with_its_history_inline(staff, share):
    html = staff.get(reverse("admin:workspace_caseshare_change", args=[share.pk])).content.decode()

    assert "Shared the case" in html
    assert 'name="status"' in html


def test_the_case_page_lists_the_organisations_holding_it(staff, share):
    """intake's admin registers the case; the workspace adds its shares to the page."""
    html = staff.get(reverse("admin:intake_case_change", args=[share.case_id])).content.decode()

    assert 'id="shares-group"' in html
    assert "Federal Defenders of New York" in html
