"""Web routes of the results module (mounted under /results/)."""

from django.urls import URLPattern, path

from cometa.results.web.views import plans

app_name = "results"

urlpatterns: list[URLPattern] = [
    path("", plans.plan_list, name="plans"),
]
