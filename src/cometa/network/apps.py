from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "cometa.network"
    label = "network"
    verbose_name = _("Shared measurement")

    def ready(self) -> None:
        from cometa.network import import_jobs

        import_jobs.register()  # large imports as background jobs
