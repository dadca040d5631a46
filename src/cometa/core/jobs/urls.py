"""Web routes of the jobs (mounted at /jobs/)."""

from django.urls import URLPattern, path

from cometa.core.jobs import views

app_name = "jobs"

urlpatterns: list[URLPattern] = [
    path("<int:pk>/", views.job_detail, name="job"),
    path("<int:pk>/result/", views.job_result, name="result"),
    path("<int:pk>/cancel/", views.job_cancel, name="cancel"),
]
