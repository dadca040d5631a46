"""Web routes of the network (mounted under /network/)."""

from django.urls import URLPattern, path

from cometa.network.web.urls_running import ROUTES as RUNNING
from cometa.network.web.views import followups, home, instruments, participants, registering

app_name = "network"

NETWORK = "<id:pk>/"
HER = NETWORK + "participants/<str:code>/"

urlpatterns: list[URLPattern] = [
    path("", home.network_list, name="networks"),
    path(NETWORK, home.network_home, name="network"),
    path(NETWORK + "members/<id:member_pk>/", home.member_page, name="member"),
    path(NETWORK + "meetings/", home.meeting_list, name="meetings"),
    path(NETWORK + "instruments/", instruments.instrument_list, name="instruments"),
    path(
        NETWORK + "instruments/<id:instrument_pk>/xlsform/",
        instruments.instrument_xlsform_download,
        name="instrument-xlsform",
    ),
    *RUNNING,  # membership, meetings, sites, cohorts, attendance, staff, training
    path(NETWORK + "participants/", participants.participant_list, name="participants"),
    path(NETWORK + "participants/new/", registering.participant_register, name="participant-new"),
    path(HER + "enrol/", registering.participant_enrol, name="participant-enrol"),
    path(HER, participants.participant_detail, name="participant"),
    path(HER + "remove/", participants.participant_remove, name="participant-remove"),
    path(HER + "erase/", participants.participant_erase, name="participant-erase"),
    path(HER + "restore/", participants.participant_restore, name="participant-restore"),
    path(
        NETWORK + "enrolments/<id:enrolment_pk>/change/",
        participants.enrolment_change,
        name="enrolment-change",
    ),
    path(NETWORK + "followups/", followups.worklist, name="worklist"),
    path(
        NETWORK + "followups/<id:task_pk>/attempt/",
        followups.followup_attempt,
        name="followup-attempt",
    ),
    path(
        NETWORK + "followups/<id:task_pk>/respond/",
        followups.followup_respond,
        name="followup-respond",
    ),
]
