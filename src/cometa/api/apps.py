from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "cometa.api"
    verbose_name = "API"
