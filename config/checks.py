"""System checks of the project's own settings, run by `check`, `migrate` and `runserver`."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register(checks.Tags.security)
def secret_key_is_set(app_configs, **kwargs):
    """Production needs its own SECRET_KEY: sessions, tokens and signed links rest on it."""
    try:
        key = settings.SECRET_KEY
    except ImproperlyConfigured:  # Django refuses to hand out an empty key
        key = ""
    if key:
        return []
    return [
        checks.Error(
            "SECRET_KEY must be set when DEBUG is false.",
            hint="Set the SECRET_KEY environment variable, or DEBUG=true for development.",
            id="config.E001",
        )
    ]
