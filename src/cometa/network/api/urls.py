"""API routes of the network (mounted under /api/v1/network/)."""

from django.urls import URLPattern, path

from cometa.network.api import care, files
from cometa.network.api import compare as c
from cometa.network.api import indicators as ind
from cometa.network.api import instruments as i
from cometa.network.api import learning as learn
from cometa.network.api import views as v

NETWORK = "networks/<id:pk>/"

urlpatterns: list[URLPattern] = [
    path(
        NETWORK + "participants/",
        v.ParticipantListView.as_view(),
        name="api-network-participants",
    ),
    path(
        NETWORK + "participants/<str:code>/",
        v.ParticipantDetailView.as_view(),
        name="api-network-participant",
    ),
    path(NETWORK + "enrolments/", v.EnrolmentListView.as_view(), name="api-network-enrolments"),
    path(
        NETWORK + "enrolments/<id:enrolment_pk>/",
        v.EnrolmentDetailView.as_view(),
        name="api-network-enrolment",
    ),
    path(
        NETWORK + "enrolments/<id:enrolment_pk>/changes/",
        v.EnrolmentChangeView.as_view(),
        name="api-network-enrolment-change",
    ),
    path(NETWORK + "imports/", files.NetworkImportView.as_view(), name="api-network-import"),
    path(
        NETWORK + "files/<str:kind>/template/",
        files.NetworkTemplateView.as_view(),
        name="api-network-template",
    ),
    path(
        NETWORK + "files/<str:kind>/export/",
        files.NetworkExportView.as_view(),
        name="api-network-export",
    ),
    path(NETWORK + "followups/", v.FollowUpListView.as_view(), name="api-network-followups"),
    path(
        NETWORK + "followups/<id:task_pk>/attempts/",
        v.AttemptView.as_view(),
        name="api-network-followup-attempts",
    ),
    path(
        NETWORK + "followups/<id:task_pk>/response/",
        v.ResponseView.as_view(),
        name="api-network-followup-response",
    ),
    path(NETWORK + "instruments/", i.InstrumentListView.as_view(), name="api-network-instruments"),
    path(
        NETWORK + "instruments/<id:instrument_pk>/xlsform/",
        i.InstrumentXLSFormView.as_view(),
        name="api-network-instrument-xlsform",
    ),
    path(
        NETWORK + "enrolments/<id:enrolment_pk>/mentoring/",
        care.MentoringView.as_view(),
        name="api-network-mentoring",
    ),
    path(
        NETWORK + "enrolments/<id:enrolment_pk>/graduation/",
        care.GraduationView.as_view(),
        name="api-network-graduation",
    ),
    path(
        NETWORK + "participants/<str:code>/consents/",
        care.ConsentListView.as_view(),
        name="api-network-consents",
    ),
    path(
        NETWORK + "participants/<str:code>/consents/<id:consent_pk>/withdrawal/",
        care.ConsentWithdrawView.as_view(),
        name="api-network-consent-withdrawal",
    ),
    path(
        NETWORK + "participants/<str:code>/transfer/",
        care.TransferView.as_view(),
        name="api-network-transfer",
    ),
    path(
        NETWORK + "participants/<str:code>/flags/",
        care.FlagListView.as_view(),
        name="api-network-flags",
    ),
    path(NETWORK + "flags/<id:flag_pk>/", care.FlagDetailView.as_view(), name="api-network-flag"),
    path(
        NETWORK + "flags/<id:flag_pk>/referrals/",
        care.FlagReferView.as_view(),
        name="api-network-flag-referrals",
    ),
    path(
        NETWORK + "flags/<id:flag_pk>/status/",
        care.FlagMoveView.as_view(),
        name="api-network-flag-status",
    ),
    path(NETWORK + "learning/notes/", learn.NoteListView.as_view(), name="api-network-notes"),
    path(
        NETWORK + "learning/notes/<id:note_pk>/",
        learn.NoteDetailView.as_view(),
        name="api-network-note",
    ),
    path(
        NETWORK + "learning/notes/<id:note_pk>/actions/",
        learn.ActionAddView.as_view(),
        name="api-network-note-actions",
    ),
    path(
        NETWORK + "learning/actions/<id:action_pk>/",
        learn.ActionStatusView.as_view(),
        name="api-network-learning-action",
    ),
    path(
        NETWORK + "learning/reviews/",
        learn.ReviewView.as_view(),
        name="api-network-learning-reviews",
    ),
    path(NETWORK + "compare/", c.CompareSitesView.as_view(), name="api-network-compare"),
    path(
        NETWORK + "compare/<id:site_pk>/",
        c.CompareSiteView.as_view(),
        name="api-network-compare-site",
    ),
    path(NETWORK + "reach/", c.ReachView.as_view(), name="api-network-reach"),
    path(
        NETWORK + "reach/references/",
        c.ReferenceListView.as_view(),
        name="api-network-references",
    ),
    path(
        NETWORK + "reach/references/<str:group>/",
        c.ReferenceView.as_view(),
        name="api-network-reference",
    ),
    path(
        "indicators/definitions/",
        ind.DefinitionListView.as_view(),
        name="api-network-indicator-definitions",
    ),
    path(
        NETWORK + "indicators/runs/", ind.RunListView.as_view(), name="api-network-indicator-runs"
    ),
    path(
        NETWORK + "indicators/runs/<id:run_pk>/tables/",
        ind.RunTablesView.as_view(),
        name="api-network-indicator-tables",
    ),
    path(
        NETWORK + "indicators/runs/<id:run_pk>/freeze/",
        ind.RunFreezeView.as_view(),
        name="api-network-indicator-freeze",
    ),
    path(
        NETWORK + "indicators/trend/<str:code>/",
        ind.TrendView.as_view(),
        name="api-network-indicator-trend",
    ),
    path(
        NETWORK + "indicators/recompute/",
        ind.RecomputeView.as_view(),
        name="api-network-indicator-recompute",
    ),
]
