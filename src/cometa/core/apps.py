from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cometa.core"
    verbose_name = "Core"

    def ready(self) -> None:
        from cometa.core import checks  # noqa: F401  (registers the start-up checks)
        from cometa.core.jobs import probe

        probe.register()
