from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "intake"
    verbose_name = "Cases"

    def ready(self):
        from intake import signals  # noqa: F401  (forgets a deleted case's cached drafts)
