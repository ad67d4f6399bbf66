"""Keep people's names, register numbers and facts out of the logs.

Two layers: patterns that are personal whatever the context (BOP register numbers), and the
values of the case being handled, which the code that loads a case registers with `protect()`
for the rest of the request. The filter replaces both in the message, its arguments and any
traceback text before a handler formats the record.
"""

from __future__ import annotations

import logging
import re
from contextvars import ContextVar

REDACTED = "[redacted]"
# Not inside a longer word or a hyphenated run: a case id (a UUID such as 12345678-9abc-...)
# and a file's name keep their digits.
REGISTER_NUMBER = re.compile(r"(?<![\w-])\d{5}[- ]?\d{3}(?![\w-])")
_MIN_LENGTH = 3  # shorter values ("Al", "no") would blank out ordinary words

_protected: ContextVar[frozenset[str]] = ContextVar("protected_values", default=frozenset())


def protect(*values: object) -> None:
    """Redact these values from every log record for the rest of this request or task."""
    words = {str(v).strip() for v in values if v is not None}
    words = {w for w in words if len(w) >= _MIN_LENGTH}
    if words:
        _protected.set(_protected.get() | words)


def reset() -> None:
    _protected.set(frozenset())


def redact(text: str) -> str:
    for value in sorted(_protected.get(), key=len, reverse=True):
        text = text.replace(value, REDACTED)
    return REGISTER_NUMBER.sub(REDACTED, text)


# /advocate/join/<token>/ (workspace/urls.py): the token works as a password.
SECRET_IN_PATH = re.compile(r"(/join/)[^/?#]+")
# The emailed links (notices/urls.py): a link to come back opens a case, a reset link sets a
# password, a confirmation link confirms an address, a stop link stops reminders.
EMAILED_LINK = re.compile(
    r"((?:/back|/reminders/stop|/accounts/confirm|/accounts/password/reset)/)[^/?#][^?#]*"
)


def safe_path(path: str) -> str:
    path = SECRET_IN_PATH.sub(rf"\g<1>{REDACTED}", path or "")
    return EMAILED_LINK.sub(rf"\g<1>{REDACTED}/", path)


def safe_request_line(line: str) -> str:
    """A request line without its query string (a search's words) or an invitation's token."""
    method, _, rest = line.partition(" ")
    target, _, protocol = rest.partition(" ")
    return redact(f"{method} {safe_path(target.split('?', 1)[0])} {protocol}".strip())


def _redacted_message(record: logging.LogRecord) -> str:
    """The message with every argument redacted but numbers (a byte count, a status, a count
    of rows is never a register number), and the template too."""
    args = record.args
    if isinstance(args, tuple) and args:
        # A path argument ("Not Found: %s") may be an emailed link: its token goes too.
        safe = tuple(a if isinstance(a, int | float) else redact(safe_path(str(a))) for a in args)
        try:
            return redact(str(record.msg)) % safe
        except (TypeError, ValueError):
            pass
    return redact(safe_path(record.getMessage()))


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "django.server" and isinstance(record.args, tuple) and record.args:
            # runserver's '"GET /path HTTP/1.1" 200 12345678': only the request line can hold
            # personal data; the status and the byte count are numbers, never redacted.
            line, *rest = record.args
            record.msg = record.msg % (safe_request_line(str(line)), *rest)
        else:
            record.msg = _redacted_message(record)
        record.args = None
        if record.exc_info:
            formatter = logging.Formatter()
            record.exc_text = redact(formatter.formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        # Django attaches the request to error records; its repr can include POST data.
        if hasattr(record, "request"):
            record.request = None
        return True


class ProtectedValuesMiddleware:
    """Starts every request with nothing registered, so one case's values never leak into the
    redaction list (or the logs) of another request served by the same thread."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reset()
        try:
            return self.get_response(request)
        finally:
            reset()
