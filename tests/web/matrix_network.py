"""The network's rows of the permission matrix (same columns as matrix.py), with the
network's roles: the viewer, editor and coordinator are staff of a partner; the reviewer
coordinates the backbone (pseudonymous records, no identity, no change to a partner's
records); the outsider takes no part in the network; the administrator sees as the
backbone does. `own` = a woman of the staff's partner, `other` = another partner's woman
(404 for partner staff on every path). Scenes: tests/web/scene_network.py.
"""

TABLE = """
# route                                                           method relation anon view edit coord rev  out  admin
network/                                                          GET    -        302  200  200  200   200  200  200
network/<int:pk>/                                                 GET    own      302  200  200  200   200  404  200
network/<int:pk>/participants/                                    GET    own      302  200  200  200   200  404  200
network/<int:pk>/members/<int:member_pk>/                         GET    own      302  200  200  200   200  404  200
network/<int:pk>/members/<int:member_pk>/                         GET    other    302  200  200  200   200  404  200
network/<int:pk>/members/<int:member_pk>/                         POST   own      302  403  302  302   403  404  403
network/<int:pk>/members/<int:member_pk>/                         POST   other    302  403  403  403   403  404  403
network/<int:pk>/meetings/                                        GET    own      302  200  200  200   200  404  200
network/<int:pk>/participants/new/                                GET    own      302  403  200  200   403  404  403
network/<int:pk>/participants/new/                                POST   own      302  403  302  302   403  404  403
network/<int:pk>/participants/<str:code>/enrol/                   POST   own      302  403  302  302   403  404  403
network/<int:pk>/participants/<str:code>/enrol/                   POST   other    302  404  404  404   403  404  403
network/<int:pk>/participants/<str:code>/                         GET    own      302  200  200  200   200  404  200
network/<int:pk>/participants/<str:code>/                         GET    other    302  404  404  404   200  404  200
network/<int:pk>/participants/<str:code>/remove/                  GET    own      302  403  403  200   403  404  403
network/<int:pk>/participants/<str:code>/remove/                  GET    other    302  404  404  404   403  404  403
network/<int:pk>/participants/<str:code>/remove/                  POST   own      302  403  403  302   403  404  403
network/<int:pk>/participants/<str:code>/remove/                  POST   other    302  404  404  404   403  404  403
network/<int:pk>/participants/<str:code>/erase/                   GET    own      302  403  403  200   403  404  403
network/<int:pk>/participants/<str:code>/erase/                   GET    other    302  404  404  404   403  404  403
network/<int:pk>/participants/<str:code>/erase/                   POST   own      302  403  403  302   403  404  403
network/<int:pk>/participants/<str:code>/erase/                   POST   other    302  404  404  404   403  404  403
network/<int:pk>/participants/<str:code>/restore/                 POST   own      302  404  404  302   404  404  404
network/<int:pk>/participants/<str:code>/restore/                 POST   other    302  404  404  404   404  404  404
network/<int:pk>/enrolments/<int:enrolment_pk>/change/            POST   own      302  403  302  302   403  404  403
network/<int:pk>/enrolments/<int:enrolment_pk>/change/            POST   other    302  404  404  404   403  404  403
network/<int:pk>/followups/                                       GET    own      302  200  200  200   200  404  200
network/<int:pk>/followups/<int:task_pk>/attempt/                 POST   own      302  403  302  302   403  404  403
network/<int:pk>/followups/<int:task_pk>/attempt/                 POST   other    302  404  404  404   403  404  403
network/<int:pk>/followups/<int:task_pk>/respond/                 POST   own      302  403  302  302   403  404  403
network/<int:pk>/followups/<int:task_pk>/respond/                 POST   other    302  404  404  404   403  404  403
api/v1/network/networks/<int:pk>/participants/                    GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/participants/<str:code>/         GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/participants/<str:code>/         GET    other    401  404  404  404   200  404  200
api/v1/network/networks/<int:pk>/enrolments/                      GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/enrolments/<int:enrolment_pk>/   GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/enrolments/<int:enrolment_pk>/   GET    other    401  404  404  404   200  404  200
api/v1/network/networks/<int:pk>/enrolments/<int:enrolment_pk>/changes/ POST own  401  403  200  200   403  404  403
api/v1/network/networks/<int:pk>/enrolments/<int:enrolment_pk>/changes/ POST other 401 404  404  404   403  404  403
api/v1/network/networks/<int:pk>/followups/                       GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/followups/<int:task_pk>/attempts/ POST  own      401  403  201  201   403  404  403
api/v1/network/networks/<int:pk>/followups/<int:task_pk>/attempts/ POST  other    401  404  404  404   403  404  403
api/v1/network/networks/<int:pk>/followups/<int:task_pk>/response/ POST  own      401  403  200  200   403  404  403
api/v1/network/networks/<int:pk>/followups/<int:task_pk>/response/ POST  other    401  404  404  404   403  404  403
"""  # noqa: E501
