from django.contrib.auth import views as auth_views
from django.urls import path

from notices import accounts, views

urlpatterns = [
    path("cases/<uuid:case_id>/email-link/", views.come_back_request, name="come_back_request"),
    path("back/<str:token>/", views.come_back_open, name="come_back_open"),
    path("cases/<uuid:case_id>/opened/", views.come_back_opened, name="come_back_opened"),
    path("cases/<uuid:case_id>/reminders/", views.reminders_set, name="reminders_set"),
    path("reminders/stop/<str:token>/", views.reminders_stop, name="reminders_stop"),
    path(
        "accounts/confirm/<str:uidb64>/<str:token>/",
        accounts.confirm_address,
        name="confirm_address",
    ),
    path("accounts/confirm/", accounts.resend_confirmation, name="resend_confirmation"),
    path("accounts/password/reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "accounts/password/reset/<str:uidb64>/<str:token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/change/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
]
