"""The workspace's records in Django's admin, and the organisations holding a case on the
case's own admin page (intake/admin.py registers the case; its inlines are extended here, so
that intake's admin needs nothing of the workspace)."""

from django.contrib import admin
from django.db.models import Count, Q

from intake.admin import CaseAdmin
from workspace.models import (
    AnswerChange,
    AuditEvent,
    CaseShare,
    ChangeRequest,
    Invitation,
    Membership,
    Note,
    Organisation,
)


class CaseShareInline(admin.TabularInline):
    model = CaseShare
    extra = 0
    fields = ("organisation", "origin", "active", "status", "assigned_to", "shared_at")
    raw_id_fields = ("assigned_to",)
    show_change_link = True


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ("user",)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "listed", "member_count", "case_count", "created_at")
    list_filter = ("listed",)
    search_fields = ("name", "description")
    inlines = (MembershipInline,)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                members_total=Count("members", distinct=True),
                cases_total=Count("shares", filter=Q(shares__active=True), distinct=True),
            )
        )

    @admin.display(description="Advocates", ordering="members_total")
    def member_count(self, organisation):
        return organisation.members_total

    @admin.display(description="Cases shared", ordering="cases_total")
    def case_count(self, organisation):
        return organisation.cases_total


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("name", "email", "organisation", "role", "joined_at")
    list_filter = ("role", "organisation")
    search_fields = ("name", "user__email", "organisation__name")
    list_select_related = ("user", "organisation")
    raw_id_fields = ("user",)

    @admin.display(description="Email address", ordering="user__email")
    def email(self, membership):
        return membership.user.email


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "organisation", "role", "created_at", "accepted_at", "withdrawn_at")
    list_filter = ("organisation", "role")
    search_fields = ("email", "organisation__name")
    list_select_related = ("organisation",)
    # Invitations are sent from the workspace's team page, which emails the link.
    readonly_fields = ("token_hash", "created_at", "accepted_at", "accepted_by", "invited_by")

    def has_add_permission(self, request):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class NoteInline(ReadOnlyInline):
    model = Note
    fields = ("created_at", "author_name", "text")


class ChangeRequestInline(ReadOnlyInline):
    model = ChangeRequest
    fields = ("created_at", "author_name", "message", "resolved_at")


class AuditEventInline(ReadOnlyInline):
    model = AuditEvent
    fields = ("at", "actor_name", "action", "detail")


@admin.register(CaseShare)
class CaseShareAdmin(admin.ModelAdmin):
    list_display = (
        "case",
        "organisation",
        "status",
        "assigned_to",
        "origin",
        "active",
        "shared_at",
    )
    list_filter = ("status", "active", "origin", "organisation")
    search_fields = (
        "case__person_name",
        "case__register_number",
        "case__case_number",
        "organisation__name",
    )
    list_select_related = ("case", "organisation", "assigned_to")
    raw_id_fields = ("case", "assigned_to", "shared_by")
    inlines = (ChangeRequestInline, NoteInline, AuditEventInline)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit trail, for reading: nobody can add, change or delete an event here."""

    list_display = ("at", "actor_name", "action", "detail", "share")
    list_filter = ("action", "share__organisation")
    search_fields = ("actor_name", "detail", "share__case__person_name")
    list_select_related = ("share__case", "share__organisation")
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AnswerChange)
class AnswerChangeAdmin(AuditEventAdmin):
    list_display = ("at", "changed_by_name", "field", "old", "new", "share")
    list_filter = ("step", "share__organisation")
    search_fields = ("changed_by_name", "field", "share__case__person_name")


CaseAdmin.inlines = (*CaseAdmin.inlines, CaseShareInline)
