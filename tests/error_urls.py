"""The site's addresses, and three that fail on purpose, for tests/test_error_pages.py."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from config.urls import urlpatterns as site


def fails(exception):
    def view(request):
        raise exception

    return view


urlpatterns = [
    path("fails/server/", fails(RuntimeError("a bug"))),
    path("fails/bad-request/", fails(SuspiciousOperation("a forged form"))),
    path("fails/forbidden/", fails(PermissionDenied())),
    *site,
]
