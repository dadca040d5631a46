"""The shell's own pages: the landing page, search and the liveness probe."""

from django.urls import path

from cometa.core.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("healthz", views.health, name="health"),
]
