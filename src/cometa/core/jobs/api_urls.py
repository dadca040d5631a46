"""API routes of the jobs (mounted under /api/v1/)."""

from django.urls import URLPattern, path

from cometa.core.jobs.api import JobView

urlpatterns: list[URLPattern] = [
    path("jobs/<id:pk>/", JobView.as_view(), name="api-job"),
]
