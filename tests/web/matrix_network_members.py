"""Rows of the permission matrix for the pages that run the network (same columns and
roles as matrix_network.py): viewer, editor and coordinator are staff of the `own`
partner; the reviewer coordinates the backbone; the administrator acts as the backbone.
`other` is the other partner's member, site, cohort, session, staff member or decision:
"not found" for a partner's staff, read by the backbone. Scenes:
tests/web/scene_network_members.py.
"""

TABLE = """
# route                                                           method relation anon view edit coord rev  out  admin
network/<int:pk>/members/new/                                     GET    own      302  403  403  403   200  404  200
network/<int:pk>/members/new/                                     POST   own      302  403  403  403   302  404  302
network/<int:pk>/members/<int:member_pk>/membership/              GET    own      302  200  200  200   200  404  200
network/<int:pk>/members/<int:member_pk>/membership/              GET    other    302  404  404  404   200  404  200
network/<int:pk>/members/<int:member_pk>/onboard/                 POST   own      302  403  403  403   302  404  302
network/<int:pk>/members/<int:member_pk>/onboard/                 POST   other    302  404  404  404   302  404  302
network/<int:pk>/members/<int:member_pk>/leave/                   POST   own      302  403  403  403   302  404  302
network/<int:pk>/members/<int:member_pk>/leave/                   POST   other    302  404  404  404   302  404  302
network/<int:pk>/members/<int:member_pk>/exit-survey/             POST   own      302  403  403  302   403  404  403
network/<int:pk>/members/<int:member_pk>/exit-survey/             POST   other    302  404  404  404   403  404  403
network/<int:pk>/exit-surveys/                                    GET    own      302  200  200  200   200  404  200
network/<int:pk>/meetings/new/                                    GET    own      302  403  200  200   200  404  200
network/<int:pk>/meetings/new/                                    POST   own      302  403  302  302   302  404  302
network/<int:pk>/meetings/<int:meeting_pk>/                       GET    own      302  200  200  200   200  404  200
network/<int:pk>/meetings/<int:meeting_pk>/decisions/             POST   own      302  403  403  403   302  404  302
network/<int:pk>/decisions/<int:decision_pk>/done/                POST   own      302  403  302  302   302  404  302
network/<int:pk>/decisions/<int:decision_pk>/done/                POST   other    302  403  403  403   302  404  302
network/<int:pk>/sites/                                           GET    own      302  200  200  200   200  404  200
network/<int:pk>/sites/                                           POST   own      302  403  302  302   302  404  302
network/<int:pk>/sites/                                           POST   other    302  403  400  400   302  404  302
network/<int:pk>/sites/<int:site_pk>/                             GET    own      302  200  200  200   200  404  200
network/<int:pk>/sites/<int:site_pk>/                             GET    other    302  404  404  404   200  404  200
network/<int:pk>/sites/<int:site_pk>/cohorts/                     POST   own      302  403  302  302   403  404  403
network/<int:pk>/sites/<int:site_pk>/cohorts/                     POST   other    302  404  404  404   403  404  403
network/<int:pk>/programmes/                                      GET    own      302  200  200  200   200  404  200
network/<int:pk>/programmes/                                      POST   own      302  403  403  403   302  404  302
network/<int:pk>/cohorts/<int:cohort_pk>/                         GET    own      302  200  200  200   200  404  200
network/<int:pk>/cohorts/<int:cohort_pk>/                         GET    other    302  404  404  404   200  404  200
network/<int:pk>/cohorts/<int:cohort_pk>/sessions/                POST   own      302  403  302  302   403  404  403
network/<int:pk>/cohorts/<int:cohort_pk>/sessions/                POST   other    302  404  404  404   403  404  403
network/<int:pk>/sessions/<int:session_pk>/attendance/            GET    own      302  200  200  200   200  404  200
network/<int:pk>/sessions/<int:session_pk>/attendance/            GET    other    302  404  404  404   200  404  200
network/<int:pk>/sessions/<int:session_pk>/attendance/            POST   own      302  403  302  302   403  404  403
network/<int:pk>/sessions/<int:session_pk>/attendance/            POST   other    302  404  404  404   403  404  403
network/<int:pk>/staff/                                           GET    own      302  200  200  200   200  404  200
network/<int:pk>/staff/                                           POST   own      302  403  302  302   403  404  403
network/<int:pk>/staff/mentor-limit/                              POST   own      302  403  403  403   302  404  302
network/<int:pk>/staff/<int:staff_pk>/                            GET    own      302  200  200  200   200  404  200
network/<int:pk>/staff/<int:staff_pk>/                            GET    other    302  404  404  404   200  404  200
network/<int:pk>/staff/<int:staff_pk>/training/                   POST   own      302  403  302  302   302  404  302
network/<int:pk>/staff/<int:staff_pk>/training/                   POST   other    302  404  404  404   302  404  302
network/<int:pk>/training/                                        GET    own      302  200  200  200   200  404  200
network/<int:pk>/training/                                        POST   own      302  403  403  403   302  404  302
"""  # noqa: E501
