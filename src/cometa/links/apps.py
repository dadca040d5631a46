from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinksConfig(AppConfig):
    name = "cometa.links"
    label = "links"
    verbose_name = _("Links between modules")

    def ready(self) -> None:
        from cometa.core.registry import registry
        from cometa.links.shell import MODULE

        registry.register(MODULE)
