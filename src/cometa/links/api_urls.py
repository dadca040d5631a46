"""API routes of the links (mounted under /api/v1/links/)."""

from django.urls import URLPattern, path

from cometa.links.api import NetworkActualView

urlpatterns: list[URLPattern] = [
    path("network-actuals/", NetworkActualView.as_view(), name="api-links-network-actuals"),
]
