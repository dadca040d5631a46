from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScorecardsConfig(AppConfig):
    name = "cometa.scorecards"
    verbose_name = _("Scorecards")

    def ready(self) -> None:
        from cometa.core.registry import registry
        from cometa.scorecards import checks  # noqa: F401  (validates shipped frameworks)
        from cometa.scorecards.reporting import global_jobs
        from cometa.scorecards.shell import MODULE

        registry.register(MODULE)
        global_jobs.register()  # the global view's workbook as a background job
