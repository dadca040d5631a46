"""The rows of the permission matrix for the network API's care routes (mentoring,
graduation, consents, transfer, psychosocial flags): the same rules as the pages of
matrix_network_participants.py, in the API's words (401 without a token, 201 for a
record created). Her partner's editors (edit, coord) record; her partner's viewer and the
backbone (rev, admin) are refused (403); another partner's woman answers 404 to partner
staff. The coordinator is the partner's designated person for psychosocial follow-up:
a flag's routes answer 404 to everyone else. Scenes: tests/web/scene_network_care_api.py.
"""

TABLE = """
# route                                                                              method relation anon view edit coord rev  out  admin
api/v1/network/networks/<int:pk>/enrolments/<int:enrolment_pk>/mentoring/            GET    own      401  403  200  200   403  404  403
api/v1/network/networks/<int:pk>/enrolments/<int:enrolment_pk>/mentoring/            GET    other    401  404  404  404   403  404  403
api/v1/network/networks/<int:pk>/enrolments/<int:enrolment_pk>/mentoring/            POST   own      401  403  201  201   403  404  403
api/v1/network/networks/<int:pk>/enrolments/<int:enrolment_pk>/mentoring/            POST   other    401  404  404  404   403  404  403
api/v1/network/networks/<int:pk>/enrolments/<int:enrolment_pk>/graduation/           GET    own      401  403  200  200   403  404  403
api/v1/network/networks/<int:pk>/enrolments/<int:enrolment_pk>/graduation/           GET    other    401  404  404  404   403  404  403
api/v1/network/networks/<int:pk>/enrolments/<int:enrolment_pk>/graduation/           POST   own      401  403  201  201   403  404  403
api/v1/network/networks/<int:pk>/enrolments/<int:enrolment_pk>/graduation/           POST   other    401  404  404  404   403  404  403
api/v1/network/networks/<int:pk>/participants/<str:code>/consents/                   GET    own      401  403  200  200   403  404  403
api/v1/network/networks/<int:pk>/participants/<str:code>/consents/                   GET    other    401  404  404  404   403  404  403
api/v1/network/networks/<int:pk>/participants/<str:code>/consents/                   POST   own      401  403  201  201   403  404  403
api/v1/network/networks/<int:pk>/participants/<str:code>/consents/                   POST   other    401  404  404  404   403  404  403
api/v1/network/networks/<int:pk>/participants/<str:code>/consents/<int:consent_pk>/withdrawal/ POST own 401 403 200 200 403  404  403
api/v1/network/networks/<int:pk>/participants/<str:code>/consents/<int:consent_pk>/withdrawal/ POST other 401 404 404 404 403 404 403
api/v1/network/networks/<int:pk>/participants/<str:code>/transfer/                   POST   own      401  403  200  200   403  404  403
api/v1/network/networks/<int:pk>/participants/<str:code>/transfer/                   POST   other    401  404  404  404   403  404  403
api/v1/network/networks/<int:pk>/participants/<str:code>/flags/                      GET    own      401  403  200  200   403  404  403
api/v1/network/networks/<int:pk>/participants/<str:code>/flags/                      GET    other    401  404  404  404   403  404  403
api/v1/network/networks/<int:pk>/participants/<str:code>/flags/                      POST   own      401  403  201  201   403  404  403
api/v1/network/networks/<int:pk>/participants/<str:code>/flags/                      POST   other    401  404  404  404   403  404  403
api/v1/network/networks/<int:pk>/flags/<int:flag_pk>/                                GET    own      401  404  404  200   404  404  404
api/v1/network/networks/<int:pk>/flags/<int:flag_pk>/                                GET    other    401  404  404  404   404  404  404
api/v1/network/networks/<int:pk>/flags/<int:flag_pk>/referrals/                      POST   own      401  404  404  201   404  404  404
api/v1/network/networks/<int:pk>/flags/<int:flag_pk>/referrals/                      POST   other    401  404  404  404   404  404  404
api/v1/network/networks/<int:pk>/flags/<int:flag_pk>/status/                         POST   own      401  404  404  200   404  404  404
api/v1/network/networks/<int:pk>/flags/<int:flag_pk>/status/                         POST   other    401  404  404  404   404  404  404
"""  # noqa: E501
