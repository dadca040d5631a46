"""Web routes of the scorecards module: frameworks pages."""

from django.urls import URLPattern, path

from cometa.scorecards.views import frameworks

urlpatterns: list[URLPattern] = [
    path("frameworks/", frameworks.framework_list, name="frameworks"),
    path("frameworks/<int:pk>/", frameworks.framework_detail, name="framework"),
    path("frameworks/<int:pk>/edit/", frameworks.framework_edit, name="framework-edit"),
    path("frameworks/<int:pk>/publish/", frameworks.framework_publish, name="framework-publish"),
]
