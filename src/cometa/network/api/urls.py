"""API routes of the network (mounted under /api/v1/network/)."""

from django.urls import URLPattern, path

from cometa.network.api import files
from cometa.network.api import instruments as i
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
]
