from django.urls import path

from notices import views

urlpatterns = [
    path("cases/<uuid:case_id>/email-link/", views.come_back_request, name="come_back_request"),
    path("back/<str:token>/", views.come_back_open, name="come_back_open"),
    path("cases/<uuid:case_id>/opened/", views.come_back_opened, name="come_back_opened"),
    path("cases/<uuid:case_id>/reminders/", views.reminders_set, name="reminders_set"),
    path("reminders/stop/<str:token>/", views.reminders_stop, name="reminders_stop"),
]
