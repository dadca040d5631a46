"""API routes of the results module (mounted under /api/v1/results/)."""

from django.urls import URLPattern, path

from cometa.results.api import framework as f
from cometa.results.api import reporting as r

NARRATIVE = "outcomes/<int:pk>/narratives/<int:year>/"

urlpatterns: list[URLPattern] = [
    path("plans/", f.PlanListView.as_view(), name="api-results-plans"),
    path("plans/<int:pk>/", f.PlanView.as_view(), name="api-results-plan"),
    path("plans/<int:pk>/outcomes/", f.OutcomeCreateView.as_view(), name="api-results-outcomes"),
    path("plans/<int:pk>/indicators/", f.AttachView.as_view(), name="api-results-attach"),
    path("outcomes/<int:pk>/outputs/", f.OutputCreateView.as_view(), name="api-results-outputs"),
    path("outcomes/<int:pk>/partners/", f.PartnerCreateView.as_view(), name="api-results-partners"),
    path(
        "outcomes/<int:pk>/partners/<int:partner_pk>/",
        f.PartnerView.as_view(),
        name="api-results-partner",
    ),
    path(NARRATIVE, r.NarrativeView.as_view(), name="api-results-narrative"),
    path(NARRATIVE + "facts/", r.FactCreateView.as_view(), name="api-results-facts"),
    path(NARRATIVE + "checks/", r.FactCheckView.as_view(), name="api-results-fact-checks"),
    path("facts/<int:pk>/", r.FactView.as_view(), name="api-results-fact"),
    path("indicators/<int:pk>/values/", r.ValueListView.as_view(), name="api-results-values"),
    path("outputs/<int:pk>/budget/", r.BudgetLineView.as_view(), name="api-results-budget-line"),
    path("budgets/", r.BudgetTotalsView.as_view(), name="api-results-budgets"),
    path("knowledge/", r.KnowledgeListView.as_view(), name="api-results-knowledge"),
    path("progress/", r.ProgressOverviewView.as_view(), name="api-results-progress"),
]
