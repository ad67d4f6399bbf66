"""Addresses of the advocate workspace, under /advocate/ (included by config/urls.py)."""

from django.urls import path

from workspace.views import casefiles, cases, team
from workspace.views.wizard import advocate_case_step

urlpatterns = [
    path("", cases.dashboard, name="advocate_dashboard"),
    path("export/", casefiles.export_selection, name="advocate_export_selection"),
    path("import/", casefiles.case_import, name="advocate_import"),
    path("cases/new/", cases.case_start, name="advocate_case_start"),
    path("cases/<uuid:case_id>/", cases.case_detail, name="advocate_case"),
    path("cases/<uuid:case_id>/history/", cases.case_history, name="advocate_case_history"),
    path("cases/<uuid:case_id>/step/<str:step>/", advocate_case_step, name="advocate_case_step"),
    path("cases/<uuid:case_id>/status/", cases.case_status, name="advocate_case_status"),
    path("cases/<uuid:case_id>/assign/", cases.case_assign, name="advocate_case_assign"),
    path("cases/<uuid:case_id>/notes/", cases.case_note, name="advocate_case_note"),
    path(
        "cases/<uuid:case_id>/request-changes/",
        cases.case_request_changes,
        name="advocate_case_request_changes",
    ),
    path("cases/<uuid:case_id>/case-file.json", casefiles.case_export, name="advocate_case_export"),
    path("cases/<uuid:case_id>/<slug:document>.pdf", cases.case_draft, name="advocate_case_draft"),
    path("team/", team.team, name="advocate_team"),
    path("team/invite/", team.team_invite, name="advocate_team_invite"),
    path("team/profile/", team.profile, name="advocate_profile"),
    path(
        "team/invitations/<int:invitation_id>/withdraw/",
        team.invitation_withdraw,
        name="advocate_invitation_withdraw",
    ),
    path("join/<str:token>/", team.join, name="advocate_join"),
]
