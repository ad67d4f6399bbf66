from django.urls import include, path

from intake.views import cases, downloads, public, readme, sharing, timeline
from intake.wizard import CaseWizard

case_wizard = CaseWizard.as_view(url_name="case_step", done_step_name="done")

urlpatterns = [
    path("", public.home, name="home"),
    path("start/", cases.case_start, name="case_start"),
    path("cases/", cases.my_cases, name="my_cases"),
    path("cases/<uuid:case_id>/", cases.case_resume, name="case_resume"),
    path("cases/<uuid:case_id>/step/<str:step>/", case_wizard, name="case_step"),
    path("cases/<uuid:case_id>/not-eligible/", cases.case_screened_out, name="case_screened_out"),
    path("cases/<uuid:case_id>/how-to-find-out/", cases.case_find_out, name="case_find_out"),
    path("cases/<uuid:case_id>/results/", cases.case_results, name="case_results"),
    path("cases/<uuid:case_id>/timeline/", timeline.case_timeline, name="case_timeline"),
    path(
        "cases/<uuid:case_id>/timeline/<int:stage_id>/remove/",
        timeline.case_stage_remove,
        name="case_stage_remove",
    ),
    path("cases/<uuid:case_id>/reply/", timeline.case_reply, name="case_reply"),
    path("cases/<uuid:case_id>/reply.pdf", timeline.case_reply_pdf, name="case_reply_pdf"),
    path(
        "cases/<uuid:case_id>/reply/read-me-first/",
        timeline.case_reply_read_me_first,
        name="case_reply_read_me_first",
    ),
    path(
        "cases/<uuid:case_id>/reply-read-me-first.pdf",
        timeline.case_reply_read_me_first_pdf,
        name="case_reply_read_me_first_pdf",
    ),
    path(
        "cases/<uuid:case_id>/notice-of-appeal.pdf",
        timeline.case_notice_of_appeal,
        name="case_notice_of_appeal_pdf",
    ),
    path(
        "cases/<uuid:case_id>/read-me-first/", readme.case_read_me_first, name="case_read_me_first"
    ),
    path("cases/<uuid:case_id>/filing-date.ics", cases.case_calendar, name="case_calendar"),
    path("cases/<uuid:case_id>/case-file.json", cases.case_file, name="case_file"),
    path("cases/<uuid:case_id>/delete/", cases.case_delete, name="case_delete"),
    # Sharing with an organisation, and its requests for changes (intake/views/sharing.py).
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
    # The advocate workspace (intake/advocate_urls.py).
    path("advocate/", include("intake.advocate_urls")),
    # The drafts (intake/views/downloads.py); names in downloads.URL_NAMES.
    path(
        "cases/<uuid:case_id>/warden-request.pdf",
        downloads.case_draft,
        {"document": "warden-request"},
        name="case_warden_request_pdf",
    ),
    path(
        "cases/<uuid:case_id>/motion.pdf",
        downloads.case_draft,
        {"document": "motion"},
        name="case_motion_pdf",
    ),
    path(
        "cases/<uuid:case_id>/motion-now.pdf",
        downloads.case_draft,
        {"document": "motion-now"},
        name="case_motion_now_pdf",
    ),
    path(
        "cases/<uuid:case_id>/seal-motion.pdf",
        downloads.case_draft,
        {"document": "seal-motion"},
        name="case_seal_motion_pdf",
    ),
    path(
        "cases/<uuid:case_id>/seal-motion-now.pdf",
        downloads.case_draft,
        {"document": "seal-motion-now"},
        name="case_seal_motion_now_pdf",
    ),
    path(
        "cases/<uuid:case_id>/read-me-first.pdf",
        downloads.case_draft,
        {"document": "read-me-first"},
        name="case_read_me_first_pdf",
    ),
    path(
        "cases/<uuid:case_id>/family-declaration.pdf",
        downloads.case_draft,
        {"document": "family-declaration"},
        name="case_family_declaration_pdf",
    ),
]
