from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        # The sign-up hook that confirms a new address.
        from accounts import emails  # noqa: F401
