from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "cometa.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from cometa.accounts.shell import MODULE
        from cometa.core.registry import registry

        registry.register(MODULE)
