"""The root URL configuration: the shell's own routes, then what each module registered
in its ``AppConfig.ready()`` (see ``cometa.core.registry``)."""

from django.urls import include, path

from cometa.core.registry import registry

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("cometa.core.api.urls")),
    path("api/v1/", include("cometa.core.jobs.api_urls")),
    path("jobs/", include("cometa.core.jobs.urls")),
    *registry.url_patterns(),
    path("", include("cometa.core.web.urls")),
]

handler404 = "cometa.core.web.errors.not_found"
handler403 = "cometa.core.web.errors.forbidden"
handler500 = "cometa.core.web.errors.server_error"
