"""The family's emailed links: to come back to a case from any device, and reminders.

Asking for a link answers the same whether or not an email was sent (throttled per address and
per IP address, accounts/throttle.py), except when the mail server could not be reached: then the
person is told, with what to do instead. A link opens nothing on GET (mail scanners follow
links): its page has one button that uses it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from accounts import throttle
from accounts.forms import EmailForm
from config.mail import render_email, send_safely
from intake.access import case_for_request, open_in_session
from intake.models import Case
from notices import links
from notices.models import ReminderPreference


def _back_to(request, case: Case) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("case_resume", args=[case.pk])


def stop_headers(request, case: Case) -> dict[str, str]:
    """A stop link in the body and in the headers mail programs show as "unsubscribe"."""
    url = request.build_absolute_uri(reverse("reminders_stop", args=[links.stop_token(case)]))
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def come_back_request(request, case_id):
    case = case_for_request(request, case_id)  # before the method: an outsider gets a 404
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    back = _back_to(request, case)
    if request.user.is_authenticated or case.owner_id is not None:
        return redirect(back)
    form = EmailForm(request.POST, prefix="come_back")
    if not form.is_valid():
        return render(
            request, "notices/come_back_form.html", {"case": case, "form": form, "next": back}
        )
    email = form.cleaned_data["email"]
    sent = True
    if throttle.email_link_allowed(request, email):
        link = request.build_absolute_uri(
            reverse("come_back_open", args=[links.come_back_token(case)])
        )
        stop = request.build_absolute_uri(reverse("reminders_stop", args=[links.stop_token(case)]))
        subject, body = render_email(
            "notices/email/come_back",
            {"link": link, "stop": stop, "days": settings.COME_BACK_LINK_DAYS},
        )
        sent = send_safely(
            subject=subject, body=body, to=email, headers=stop_headers(request, case)
        )
    return render(
        request,
        "notices/come_back_sent.html",
        {"case": case, "sent": sent, "next": back},
    )


def come_back_open(request, token):
    if request.method != "POST":
        return render(request, "notices/come_back_open.html", {"token": token})
    case = links.use_come_back_token(token)
    if case is None:
        return render(request, "notices/come_back_used.html", status=410)
    if case.owner_id is not None:
        # The case is in an account now: the link never stands in for its password.
        resume = reverse("case_resume", args=[case.pk])
        return redirect(f"{reverse('login')}?{urlencode({'next': resume})}")
    if request.session.session_key is None:
        request.session.save()
    open_in_session(request, case)
    return redirect("come_back_opened", case_id=case.pk)


def come_back_opened(request, case_id):
    case = case_for_request(request, case_id)
    return render(
        request,
        "notices/come_back_opened.html",
        {"case": case, "resume_url": reverse("case_resume", args=[case.pk])},
    )


def reminders_set(request, case_id):
    """Turn reminders on (with an address, for a family without an account) or off."""
    case = case_for_request(request, case_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    results = reverse("case_results", args=[case.pk])
    if request.POST.get("reminders") == "off":
        ReminderPreference.objects.update_or_create(case=case, defaults={"enabled": False})
        messages.info(request, _("Reminders are off for this case."))
        return redirect(results)
    values = {"enabled": True, "language": translation.get_language() or "en"}
    if case.owner_id is None:
        form = EmailForm(request.POST, prefix="reminders")
        if not form.is_valid():
            return render(request, "notices/reminders_form.html", {"case": case, "form": form})
        values["email"] = form.cleaned_data["email"]
    ReminderPreference.objects.update_or_create(case=case, defaults=values)
    messages.info(
        request, _("Reminders are on. We will email you when there is news about this case.")
    )
    return redirect(results)


@csrf_exempt  # mail programs' one-click "unsubscribe" posts without a form (RFC 8058)
def reminders_stop(request, token):
    """One click stops every reminder for the case (the link is signed; it needs no log-in)."""
    case_id = links.case_id_for_stop_token(token)
    case = Case.objects.filter(pk=case_id).first() if case_id else None
    if case is not None:
        ReminderPreference.objects.update_or_create(case=case, defaults={"enabled": False})
    return render(request, "notices/reminders_stopped.html", {"found": case is not None})
