"""What the site remembers about an account beyond Django's user.

- `AddressCheck`: whether an account's email address is confirmed. Until it is, the account
  logs in only in the browser that signed up (accounts/emails.py).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AddressCheck(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="address_check"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # The table it was made in, when email for accounts lived in notices/.
        db_table = "notices_addresscheck"

    def __str__(self) -> str:
        return "Confirmed address" if self.confirmed_at else "Address not confirmed yet"
