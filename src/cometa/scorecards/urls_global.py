"""Web routes of the scorecards module: global pages (the view across country teams for
reviewers, and the knowledge hub)."""

from django.urls import URLPattern, path

from cometa.scorecards.views import global_jobs, global_pages

urlpatterns: list[URLPattern] = [
    path("global/", global_pages.global_overview, name="global"),
    path("global/export.xlsx", global_pages.global_export, name="global-export"),
    path("global/workbook/", global_jobs.global_workbook, name="global-workbook"),
    path("hub/", global_pages.knowledge_hub, name="hub"),
    path(
        "hub/<int:pk>/good-practice/",
        global_pages.hub_good_practice,
        name="hub-good-practice",
    ),
]
