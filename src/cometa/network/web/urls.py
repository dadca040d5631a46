"""Web routes of the network (mounted under /network/)."""

from django.urls import URLPattern, path

from cometa.network.web.urls_compare import ROUTES as COMPARE
from cometa.network.web.urls_indicators import ROUTES as INDICATORS
from cometa.network.web.urls_learning import ROUTES as LEARNING
from cometa.network.web.urls_running import ROUTES as RUNNING
from cometa.network.web.views import (
    care,
    consents,
    disclosure,
    files,
    flags,
    followups,
    home,
    instruments,
    participants,
    registering,
)

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
    *LEARNING,  # learning notes on frozen snapshots, actions, reviews at meetings
    *COMPARE,  # a centre against its peers, reach gaps and reference shares
    *INDICATORS,  # the dashboard of common indicators (stored runs)
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
    path(
        NETWORK + "enrolments/<id:enrolment_pk>/mentoring/",
        care.mentoring_record,
        name="mentoring-new",
    ),
    path(
        NETWORK + "enrolments/<id:enrolment_pk>/graduation/",
        care.graduation_assess,
        name="graduation",
    ),
    path(HER + "consents/", consents.consents, name="participant-consents"),
    path(HER + "transfer/", consents.transfer, name="participant-transfer"),
    path(HER + "flags/new/", flags.flag_raise, name="flag-new"),
    path(NETWORK + "flags/<id:flag_pk>/", flags.flag_detail, name="flag"),
    path(NETWORK + "flags/<id:flag_pk>/refer/", flags.flag_refer, name="flag-refer"),
    path(NETWORK + "flags/<id:flag_pk>/move/", flags.flag_move, name="flag-move"),
    path(NETWORK + "disclosure/", disclosure.disclosure, name="disclosure"),
    path(NETWORK + "files/", files.files, name="files"),
    path(NETWORK + "files/import/", files.import_start, name="import-start"),
    path(NETWORK + "files/imports/<id:job_pk>/", files.import_report, name="import"),
    path(NETWORK + "files/<str:kind>/template/", files.template, name="file-template"),
    path(NETWORK + "files/<str:kind>/export/", files.export, name="file-export"),
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
