from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = "Emails to families"

    def ready(self):
        # The production mail check, and the sign-up hook that confirms a new address.
        from notices import accounts, checks  # noqa: F401
