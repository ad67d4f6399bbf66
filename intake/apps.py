from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "intake"
    verbose_name = "Cases"

    def ready(self):
        # The project's own settings checks (config/checks.py) register on import.
        from config import checks  # noqa: F401
        from intake import signals  # noqa: F401  (forgets a deleted case's cached drafts)
