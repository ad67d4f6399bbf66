"""Production must be able to send email, or say on purpose that it cannot.

A family's only way back to a case from another device, a password reset and the reminders all
go by email: a production server started without a mail server would fail them silently.
`make serve` runs `migrate`, which runs the checks, so the server refuses to start.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, register


@register()
def mail_server_configured(app_configs, **kwargs):
    if settings.DEBUG or settings.EMAIL_HOST or settings.EMAIL_DISABLED:
        return []
    return [
        Error(
            "EMAIL_HOST is not set: this site could not send the links families use to come "
            "back to a case, password resets or reminders.",
            hint="Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, "
            "EMAIL_USE_TLS, DEFAULT_FROM_EMAIL), or EMAIL_DISABLED=true to run without email.",
            id="notices.E001",
        )
    ]
