from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "cometa.results"
    label = "results"
    verbose_name = _("Results")

    def ready(self) -> None:
        from cometa.core.registry import registry
        from cometa.results.iati import jobs
        from cometa.results.shell import MODULE

        registry.register(MODULE)
        jobs.register()
