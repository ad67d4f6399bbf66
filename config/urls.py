from django.contrib import admin
from django.urls import include, path

from intake.forms import AdminLoginForm

# The admin's log-in is throttled like the families' (intake.forms.ThrottledLogin).
admin.site.login_form = AdminLoginForm

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("intake.urls")),
    path("", include("workspace.sharing_urls")),
    path("advocate/", include("workspace.urls")),
    path("", include("evidence.urls")),
    path("", include("notices.urls")),
]
