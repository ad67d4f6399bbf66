"""The two small forms the interview and results pages carry: a link to come back, reminders."""

from __future__ import annotations

from django import template

from accounts.forms import EmailForm
from notices.models import ReminderPreference

register = template.Library()


@register.inclusion_tag("notices/_come_back.html", takes_context=True)
def come_back_form(context, case):
    return {
        "case": case,
        "user": context["user"],
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "come_back_form": EmailForm(prefix="come_back"),
    }


@register.inclusion_tag("notices/_reminders.html", takes_context=True)
def reminders_panel(context, case):
    return {
        "case": case,
        "csrf_token": context.get("csrf_token"),
        "reminders_on": ReminderPreference.are_on(case),
        "reminders_form": EmailForm(prefix="reminders"),
    }
