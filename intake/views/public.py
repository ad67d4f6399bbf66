from django.shortcuts import render

from intake.access import UNTOUCHED, visitors_cases


def home(request):
    """The start page; a visitor with unfinished cases in this browser or account gets a way
    back to each. A case nobody has answered anything in is not listed: Start gives it again."""
    open_cases = visitors_cases(request).exclude(UNTOUCHED)
    return render(request, "home.html", {"open_cases": open_cases[:5]})


def csrf_failure(request, reason=""):
    """A form sent without its security token (a page left open for days, cookies blocked):
    the site's own page in the visitor's language, not Django's bare English one."""
    return render(request, "403_csrf.html", status=403)
