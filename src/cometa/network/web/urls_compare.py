"""Routes of the peer comparison and the reach gaps, spliced into ``urls.urlpatterns``
under /network/."""

from django.urls import URLPattern, path

from cometa.network.web.views import compare

NETWORK = "<id:pk>/"
SITE = NETWORK + "compare/<id:site_pk>/"

ROUTES: list[URLPattern] = [
    path(NETWORK + "compare/", compare.compare_choose, name="compare"),
    path(SITE, compare.compare_site, name="compare-site"),
    path(SITE + "pdf/", compare.compare_pdf, name="compare-pdf"),
    path(SITE + "docx/", compare.compare_docx, name="compare-docx"),
    path(NETWORK + "reach/", compare.reach, name="reach"),
    path(NETWORK + "reach/references/", compare.reach_references, name="reach-references"),
]
