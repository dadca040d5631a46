"""API routes of the scorecards module (mounted under /api/v1/scorecards/)."""

from django.urls import URLPattern, path

from cometa.scorecards.api import assessments as a
from cometa.scorecards.api import frameworks as f
from cometa.scorecards.api import global_view as g
from cometa.scorecards.api import hub as h
from cometa.scorecards.api import records as r
from cometa.scorecards.api import removed as u
from cometa.scorecards.api import suggestions as s

ASSESSMENT = "assessments/<id:pk>/"

urlpatterns: list[URLPattern] = [
    path("frameworks/", f.FrameworkListView.as_view(), name="api-scorecard-frameworks"),
    path("frameworks/<id:pk>/", f.FrameworkDetailView.as_view(), name="api-scorecard-framework"),
    path("frameworks/<id:pk>/rate/", f.FrameworkRateView.as_view(), name="api-scorecard-rate"),
    path("cycles/", a.CycleListView.as_view(), name="api-scorecard-cycles"),
    path("assessments/", a.AssessmentListView.as_view(), name="api-scorecard-assessments"),
    path(ASSESSMENT, a.AssessmentDetailView.as_view(), name="api-scorecard-assessment"),
    path(
        ASSESSMENT + "indicators/<str:code>/",
        a.IndicatorView.as_view(),
        name="api-scorecard-indicator",
    ),
    path(
        ASSESSMENT + "suggestions/",
        s.SuggestionListView.as_view(),
        name="api-scorecard-suggestions",
    ),
    path(
        ASSESSMENT + "suggestions/<str:code>/",
        s.SuggestionDecideView.as_view(),
        name="api-scorecard-suggestion-decide",
    ),
    path(ASSESSMENT + "transition/", a.TransitionView.as_view(), name="api-scorecard-transition"),
    path(ASSESSMENT + "quality/", a.QualityView.as_view(), name="api-scorecard-quality"),
    path(ASSESSMENT + "team/", r.TeamListView.as_view(), name="api-scorecard-team"),
    path(
        ASSESSMENT + "team/<id:member_pk>/",
        r.TeamMemberView.as_view(),
        name="api-scorecard-team-member",
    ),
    path(ASSESSMENT + "actions/", r.ActionListView.as_view(), name="api-scorecard-actions"),
    path(
        ASSESSMENT + "actions/<id:action_pk>/",
        r.ActionView.as_view(),
        name="api-scorecard-action",
    ),
    path(ASSESSMENT + "evidence/", r.EvidenceListView.as_view(), name="api-scorecard-evidence"),
    path(
        ASSESSMENT + "evidence/link/",
        r.EvidenceLinkView.as_view(),
        name="api-scorecard-evidence-link",
    ),
    path(
        ASSESSMENT + "evidence/<id:evidence_pk>/",
        r.EvidenceView.as_view(),
        name="api-scorecard-evidence-item",
    ),
    path(
        ASSESSMENT + "evidence/<id:evidence_pk>/download/",
        r.EvidenceDownloadView.as_view(),
        name="api-scorecard-evidence-download",
    ),
    path(ASSESSMENT + "comments/", r.CommentListView.as_view(), name="api-scorecard-comments"),
    path(ASSESSMENT + "removed/", u.RemovedListView.as_view(), name="api-scorecard-removed"),
    path(
        ASSESSMENT + "removed/<id:removed_pk>/restore/",
        u.RemovedRestoreView.as_view(),
        name="api-scorecard-removed-restore",
    ),
    path("global/workbook/", g.GlobalWorkbookView.as_view(), name="api-scorecard-workbook"),
    path("imports/", a.ImportView.as_view(), name="api-scorecard-imports"),
    path("hub/", h.HubListView.as_view(), name="api-scorecard-hub"),
    path("hub/<id:evidence_pk>/", h.HubItemView.as_view(), name="api-scorecard-hub-item"),
]
