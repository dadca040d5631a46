"""API routes of the results module (mounted under /api/v1/results/)."""

from django.urls import URLPattern, path

from cometa.results.api import framework as f
from cometa.results.api import iati
from cometa.results.api import reporting as r

NARRATIVE = "outcomes/<id:pk>/narratives/<year:year>/"

urlpatterns: list[URLPattern] = [
    path("plans/", f.PlanListView.as_view(), name="api-results-plans"),
    path("plans/<id:pk>/", f.PlanView.as_view(), name="api-results-plan"),
    path("plans/<id:pk>/outcomes/", f.OutcomeCreateView.as_view(), name="api-results-outcomes"),
    path("plans/<id:pk>/indicators/", f.AttachView.as_view(), name="api-results-attach"),
    path("outcomes/<id:pk>/outputs/", f.OutputCreateView.as_view(), name="api-results-outputs"),
    path("outcomes/<id:pk>/partners/", f.PartnerCreateView.as_view(), name="api-results-partners"),
    path(
        "outcomes/<id:pk>/partners/<id:partner_pk>/",
        f.PartnerView.as_view(),
        name="api-results-partner",
    ),
    path(NARRATIVE, r.NarrativeView.as_view(), name="api-results-narrative"),
    path(NARRATIVE + "facts/", r.FactCreateView.as_view(), name="api-results-facts"),
    path(NARRATIVE + "checks/", r.FactCheckView.as_view(), name="api-results-fact-checks"),
    path("facts/<id:pk>/", r.FactView.as_view(), name="api-results-fact"),
    path("indicators/<id:pk>/values/", r.ValueListView.as_view(), name="api-results-values"),
    path("outputs/<id:pk>/budget/", r.BudgetLineView.as_view(), name="api-results-budget-line"),
    path("budgets/", r.BudgetTotalsView.as_view(), name="api-results-budgets"),
    path("knowledge/", r.KnowledgeListView.as_view(), name="api-results-knowledge"),
    path("progress/", r.ProgressOverviewView.as_view(), name="api-results-progress"),
    path("iati/imports/", iati.IatiImportView.as_view(), name="api-results-iati-import"),
    path("plans/<id:pk>/iati/", iati.PlanIatiView.as_view(), name="api-results-plan-iati"),
]
