from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/scorecards/", include("cometa.scorecards.api.urls")),
    path("api/v1/", include("cometa.api.urls")),
    path("scorecards/", include("cometa.scorecards.web.urls")),
    path("", include("cometa.web.urls")),
]

handler404 = "cometa.web.errors.not_found"
handler403 = "cometa.web.errors.forbidden"
handler500 = "cometa.web.errors.server_error"
