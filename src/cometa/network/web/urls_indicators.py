"""Routes of the network's dashboard of common indicators (stored runs: headline figures,
drill-down, recomputation, snapshots, PDF and Word), spliced into ``urls.urlpatterns``
under /network/. The files and actions come before ``<str:code>/``, which takes any
indicator code."""

from django.urls import URLPattern, path

from cometa.network.web.views import dashboard, dashboard_actions

INDICATORS = "<id:pk>/indicators/"

ROUTES: list[URLPattern] = [
    path(INDICATORS, dashboard.indicators, name="indicators"),
    path(INDICATORS + "dashboard.pdf", dashboard_actions.dashboard_pdf, name="indicators-pdf"),
    path(INDICATORS + "dashboard.docx", dashboard_actions.dashboard_docx, name="indicators-docx"),
    path(INDICATORS + "recompute/", dashboard_actions.recompute, name="indicators-recompute"),
    path(
        INDICATORS + "runs/<id:run_pk>/freeze/", dashboard_actions.freeze, name="indicators-freeze"
    ),
    path(INDICATORS + "<str:code>/", dashboard.indicator, name="indicator"),
]
