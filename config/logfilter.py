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
REGISTER_NUMBER = re.compile(r"(?<!\d)\d{5}[- ]?\d{3}(?!\d)")
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


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
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
