from django.contrib import admin

from intake.models import Case, CaseGround, RequestGround, WardenRequest


class CaseGroundInline(admin.TabularInline):
    model = CaseGround
    extra = 0


class WardenRequestInline(admin.StackedInline):
    model = WardenRequest
    extra = 0
    show_change_link = True


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "owner",
        "register_number",
        "verdict",
        "earliest_filing_date",
        "current_step",
        "updated_at",
    )
    list_filter = (
        "verdict",
        "custody_status",
        "sentencing_court",
        "shares__organisation",
        "shares__status",
    )
    search_fields = ("person_name", "register_number", "case_number", "owner__email")
    readonly_fields = ("id", "created_at", "updated_at", "verdict", "earliest_filing_date")
    raw_id_fields = ("owner",)
    list_select_related = ("owner",)
    # The workspace adds the organisations holding the case (workspace/admin.py).
    inlines = (CaseGroundInline, WardenRequestInline)


class RequestGroundInline(admin.TabularInline):
    model = RequestGround
    extra = 0


@admin.register(WardenRequest)
class WardenRequestAdmin(admin.ModelAdmin):
    list_display = ("__str__", "case", "asked_for", "received_on", "response")
    raw_id_fields = ("case",)
    inlines = (RequestGroundInline,)
