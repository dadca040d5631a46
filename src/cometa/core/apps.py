from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cometa.core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django.urls import register_converter

        from cometa.core import checks  # noqa: F401  (registers the start-up checks)
        from cometa.core.ids import IdConverter, YearConverter
        from cometa.core.jobs import probe

        probe.register()
        register_converter(IdConverter, "id")  # <id:pk>: larger than any id does not match
        register_converter(YearConverter, "year")  # <year:year>: four digits
