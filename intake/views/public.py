from django.shortcuts import render

from intake.models import Case


def home(request):
    """The start page; a visitor with unfinished cases in this browser gets a link back."""
    if request.user.is_authenticated:
        open_cases = request.user.cases.filter(finished_at=None)
    elif request.session.session_key:
        open_cases = Case.objects.filter(
            owner=None, session_key=request.session.session_key, finished_at=None
        )
    else:
        open_cases = Case.objects.none()
    return render(request, "home.html", {"open_cases": open_cases[:5]})


def csrf_failure(request, reason=""):
    """A form sent without its security token (a page left open for days, cookies blocked):
    the site's own page in the visitor's language, not Django's bare English one."""
    return render(request, "403_csrf.html", status=403)
