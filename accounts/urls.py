from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import emails, views

urlpatterns = [
    path("cases/<uuid:case_id>/saved/", views.case_saved, name="case_saved"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/login/cases/", views.claim_cases, name="claim_cases"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/confirm/<str:uidb64>/<str:token>/",
        emails.confirm_address,
        name="confirm_address",
    ),
    path("accounts/confirm/", emails.resend_confirmation, name="resend_confirmation"),
    path("accounts/password/reset/", emails.PasswordResetView.as_view(), name="password_reset"),
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
        emails.PasswordResetConfirmView.as_view(),
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
