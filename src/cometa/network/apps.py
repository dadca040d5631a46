from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "cometa.network"
    label = "network"
    verbose_name = _("Shared measurement")

    def ready(self) -> None:
        from cometa.core.registry import registry
        from cometa.network import import_jobs, indicator_jobs
        from cometa.network.shell import MODULE

        registry.register(MODULE)
        import_jobs.register()  # large imports as background jobs
        indicator_jobs.register()  # recomputing the common indicators
