"""The family's side of the workspace, under /cases/ beside the interview's pages (included by
config/urls.py): sharing with an organisation, and its requests for changes
(workspace/views/sharing.py)."""

from django.urls import path

from workspace.views import sharing

urlpatterns = [
    path("cases/<uuid:case_id>/share/", sharing.case_share, name="case_share"),
    path(
        "cases/<uuid:case_id>/share/<int:organisation_id>/stop/",
        sharing.case_unshare,
        name="case_unshare",
    ),
    path(
        "cases/<uuid:case_id>/changes/<int:change_id>/done/",
        sharing.case_changes_done,
        name="case_changes_done",
    ),
]
