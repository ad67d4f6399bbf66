"""Today's date, in one place, so that tests can move "today" (the rules' `as_of`)."""

from datetime import date

from django.utils import timezone


def today() -> date:
    return timezone.localdate()
