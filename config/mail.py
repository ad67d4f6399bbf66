"""Sending email without ever breaking a page.

A mail server that is down, refuses the connection or times out must not turn a page into a
500: `send_safely` says whether the email left, and the page tells the person what to do.
"""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

log = logging.getLogger(__name__)


def render_email(template: str, context: dict, *, language: str | None = None) -> tuple[str, str]:
    """The subject and plain-text body of `template` (`<template>_subject.txt`, `<template>.txt`),
    in `language` (the family's) or the request's."""
    with translation.override(language or translation.get_language()):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    return " ".join(subject.split()), body


def send_safely(*, subject: str, body: str, to: str, headers: dict[str, str] | None = None) -> bool:
    """Send one plain-text email; False (and a log line without the address) if it did not go."""
    if settings.EMAIL_DISABLED:
        return False
    message = EmailMessage(subject, body, None, [to], headers=headers or {})
    try:
        return message.send() == 1
    except (OSError, smtplib.SMTPException) as error:
        log.warning("An email could not be sent: %s", type(error).__name__)
        return False
