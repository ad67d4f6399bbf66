from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = "Emails to families"

    def ready(self):
        from notices import checks  # noqa: F401  (registers the production mail check)
