from django.contrib.auth import views as auth_views
from django.urls import path

from intake.views import accounts, cases, public
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
    path("cases/<uuid:case_id>/saved/", cases.case_saved, name="case_saved"),
    path("cases/<uuid:case_id>/results/", cases.case_results, name="case_results"),
    path("cases/<uuid:case_id>/filing-date.ics", cases.case_calendar, name="case_calendar"),
    path("cases/<uuid:case_id>/case-file.json", cases.case_file, name="case_file"),
    path("cases/<uuid:case_id>/delete/", cases.case_delete, name="case_delete"),
    path("accounts/signup/", accounts.signup, name="signup"),
    path("accounts/login/", accounts.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
]
