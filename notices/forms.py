from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address, for example name@example.com"),
            "invalid": _("Enter your email address, for example name@example.com"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
