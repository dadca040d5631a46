"""The rows of the permission matrix for the pages that follow a woman (mentoring,
graduation, consents, transfer, psychosocial flags). Roles as in matrix_network.py; the
coordinator is also the partner's designated person for psychosocial follow-up, so the
flag's page and its forms answer 200/302 to them alone and 404 to everyone else, the
partner's other staff included. The files routes: no file is sent here, so an editor's
import answers 400 after the permission check; `other` for an export names another
partner (`?member=`); the import's page is the coordinator's own job.
Scenes: tests/web/scene_network_participants.py.
"""

TABLE = """
# route                                                           method relation anon view edit coord rev  out  admin
network/<int:pk>/enrolments/<int:enrolment_pk>/mentoring/         GET    own      302  403  200  200   403  404  403
network/<int:pk>/enrolments/<int:enrolment_pk>/mentoring/         GET    other    302  404  404  404   403  404  403
network/<int:pk>/enrolments/<int:enrolment_pk>/mentoring/         POST   own      302  403  302  302   403  404  403
network/<int:pk>/enrolments/<int:enrolment_pk>/mentoring/         POST   other    302  404  404  404   403  404  403
network/<int:pk>/enrolments/<int:enrolment_pk>/graduation/        GET    own      302  403  200  200   403  404  403
network/<int:pk>/enrolments/<int:enrolment_pk>/graduation/        GET    other    302  404  404  404   403  404  403
network/<int:pk>/enrolments/<int:enrolment_pk>/graduation/        POST   own      302  403  302  302   403  404  403
network/<int:pk>/enrolments/<int:enrolment_pk>/graduation/        POST   other    302  404  404  404   403  404  403
network/<int:pk>/participants/<str:code>/consents/                GET    own      302  403  200  200   403  404  403
network/<int:pk>/participants/<str:code>/consents/                GET    other    302  404  404  404   403  404  403
network/<int:pk>/participants/<str:code>/consents/                POST   own      302  403  302  302   403  404  403
network/<int:pk>/participants/<str:code>/consents/                POST   other    302  404  404  404   403  404  403
network/<int:pk>/participants/<str:code>/transfer/                GET    own      302  403  200  200   403  404  403
network/<int:pk>/participants/<str:code>/transfer/                GET    other    302  404  404  404   403  404  403
network/<int:pk>/participants/<str:code>/transfer/                POST   own      302  403  302  302   403  404  403
network/<int:pk>/participants/<str:code>/transfer/                POST   other    302  404  404  404   403  404  403
network/<int:pk>/participants/<str:code>/flags/new/               GET    own      302  403  200  200   403  404  403
network/<int:pk>/participants/<str:code>/flags/new/               GET    other    302  404  404  404   403  404  403
network/<int:pk>/participants/<str:code>/flags/new/               POST   own      302  403  302  302   403  404  403
network/<int:pk>/participants/<str:code>/flags/new/               POST   other    302  404  404  404   403  404  403
network/<int:pk>/flags/<int:flag_pk>/                             GET    own      302  404  404  200   404  404  404
network/<int:pk>/flags/<int:flag_pk>/                             GET    other    302  404  404  404   404  404  404
network/<int:pk>/flags/<int:flag_pk>/refer/                       POST   own      302  404  404  302   404  404  404
network/<int:pk>/flags/<int:flag_pk>/refer/                       POST   other    302  404  404  404   404  404  404
network/<int:pk>/flags/<int:flag_pk>/move/                        POST   own      302  404  404  302   404  404  404
network/<int:pk>/flags/<int:flag_pk>/move/                        POST   other    302  404  404  404   404  404  404
network/<int:pk>/files/                                           GET    own      302  200  200  200   200  404  200
network/<int:pk>/files/import/                                    POST   own      302  403  400  400   403  404  403
network/<int:pk>/files/imports/<int:job_pk>/                      GET    own      302  404  404  200   404  404  200
network/<int:pk>/files/<str:kind>/template/                       GET    own      302  200  200  200   200  404  200
network/<int:pk>/files/<str:kind>/export/                         GET    own      302  200  200  200   200  404  200
network/<int:pk>/files/<str:kind>/export/                         GET    other    302  404  404  404   200  404  200
api/v1/network/networks/<int:pk>/imports/                         POST   own      401  403  400  400   403  404  403
api/v1/network/networks/<int:pk>/files/<str:kind>/template/       GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/files/<str:kind>/export/         GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/files/<str:kind>/export/         GET    other    401  404  404  404   200  404  200
"""  # noqa: E501
