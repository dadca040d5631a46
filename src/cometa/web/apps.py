from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "cometa.web"
    verbose_name = "Web shell"
