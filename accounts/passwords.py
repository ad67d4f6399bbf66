"""A password check Django lacks: twelve characters of one letter, of spaces, or of one word
said twice pass its length, common-password and numeric checks, and are guessed at once."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

REPEATED = re.compile(r"(.+?)\1+", re.DOTALL)
MIN_DIFFERENT_CHARACTERS = 5


class VarietyValidator:
    """Refuses a password that is only spaces, one piece repeated ("passwordpassword"), or
    fewer than MIN_DIFFERENT_CHARACTERS different characters."""

    def validate(self, password: str, user=None) -> None:
        if (
            not password.strip()
            or REPEATED.fullmatch(password)
            or len(set(password)) < MIN_DIFFERENT_CHARACTERS
        ):
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self) -> str:
        return _(
            "This password is too easy to guess: it repeats itself or uses few different "
            "letters. Choose a few words you will remember"
        )
