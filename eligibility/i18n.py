"""Translation of the rules' words, fast enough to screen thousands of cases in one process.

Django's gettext looks up the active language in a thread-local on every call, and screening
one case asks for about twenty messages. Inside `screening_language()` the language is read
once, and each (language, message) pair is translated once per process. Outside it these are
Django's own gettext and ngettext.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from django.utils import translation

_language: ContextVar[str | None] = ContextVar("eligibility_language", default=None)


def gettext(message: str) -> str:
    language = _language.get()
    if language is None:
        return translation.gettext(message)
    return _translated(language, message)


def ngettext(singular: str, plural: str, number: int) -> str:
    language = _language.get()
    if language is None:
        return translation.ngettext(singular, plural, number)
    return _translated_plural(language, singular, plural, number)


@contextmanager
def screening_language() -> Iterator[None]:
    """Fix the active language for the words produced inside this block."""
    token = _language.set(translation.get_language())
    try:
        yield
    finally:
        _language.reset(token)


@lru_cache(maxsize=8192)
def _translated(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


@lru_cache(maxsize=8192)
def _translated_plural(language: str, singular: str, plural: str, number: int) -> str:
    with translation.override(language):
        return translation.ngettext(singular, plural, number)
