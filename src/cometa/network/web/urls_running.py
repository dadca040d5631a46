"""Routes of the pages that run the network (membership, meetings, delivery, staff and
training), spliced into ``urls.urlpatterns`` under /network/."""

from django.urls import URLPattern, path

from cometa.network.web.views import attendance, delivery, meetings, members, staff

NETWORK = "<id:pk>/"
MEMBER = NETWORK + "members/<id:member_pk>/"
MEETING = NETWORK + "meetings/<id:meeting_pk>/"
SITE = NETWORK + "sites/<id:site_pk>/"
COHORT = NETWORK + "cohorts/<id:cohort_pk>/"
SESSION = NETWORK + "sessions/<id:session_pk>/"
STAFF = NETWORK + "staff/<id:staff_pk>/"

ROUTES: list[URLPattern] = [
    path(NETWORK + "members/new/", members.member_join, name="member-join"),
    path(MEMBER + "membership/", members.membership, name="membership"),
    path(MEMBER + "onboard/", members.member_onboard, name="member-onboard"),
    path(MEMBER + "leave/", members.member_leave, name="member-leave"),
    path(MEMBER + "exit-survey/", members.exit_survey, name="exit-survey"),
    path(NETWORK + "exit-surveys/", members.exit_surveys, name="exit-surveys"),
    path(NETWORK + "meetings/new/", meetings.meeting_new, name="meeting-new"),
    path(MEETING, meetings.meeting_detail, name="meeting"),
    path(MEETING + "decisions/", meetings.decision_add, name="decision-add"),
    path(
        NETWORK + "decisions/<id:decision_pk>/done/", meetings.decision_done, name="decision-done"
    ),
    path(NETWORK + "sites/", delivery.site_list, name="sites"),
    path(SITE, delivery.site_detail, name="site"),
    path(SITE + "cohorts/", delivery.cohort_new, name="cohort-new"),
    path(NETWORK + "programmes/", delivery.programme_list, name="programmes"),
    path(COHORT, delivery.cohort_detail, name="cohort"),
    path(COHORT + "sessions/", delivery.session_new, name="session-new"),
    path(SESSION + "attendance/", attendance.attendance, name="attendance"),
    path(NETWORK + "staff/", staff.staff_list, name="staff"),
    path(NETWORK + "staff/mentor-limit/", staff.mentor_limit, name="mentor-limit"),
    path(STAFF, staff.staff_detail, name="staff-member"),
    path(STAFF + "training/", staff.training_record, name="training-record"),
    path(NETWORK + "training/", staff.training_schema, name="training"),
]
