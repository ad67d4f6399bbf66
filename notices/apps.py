from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = "Emails to families"

    def ready(self):
        # The production mail check.
        from notices import checks  # noqa: F401
