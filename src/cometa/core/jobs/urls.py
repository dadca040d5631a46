"""Web routes of the jobs (mounted at /jobs/)."""

from django.urls import URLPattern, path

from cometa.core.jobs import views

app_name = "jobs"

urlpatterns: list[URLPattern] = [
    path("<id:pk>/", views.job_detail, name="job"),
    path("<id:pk>/result/", views.job_result, name="result"),
    path("<id:pk>/cancel/", views.job_cancel, name="cancel"),
]
