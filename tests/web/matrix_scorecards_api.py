"""The scorecards API rows of the permission matrix (same columns as matrix.py).

Relations for assessments: `own` = an assessment of the person's country team (for an
entity member: the team their entity belongs to), `other` = another team's assessment
(draft unless the route says otherwise), `submitted` = the own team's assessment once
submitted (reviewers see it from then on). For `cycles/`, `assessments/` and
`imports/` the relation is that of the team named in the body. Object-building for
these routes lives in tests/web/scene_scorecards_api.py.

Uploads (`evidence/` POST, `imports/`) take multipart/form-data only: the matrix sends
JSON, so a person who passes the access checks gets 415.
"""

TABLE = """
# route                                                              method relation  anon view edit coord rev  out  admin
api/v1/scorecards/frameworks/                                        GET    -         401  200  200  200   200  200  200
api/v1/scorecards/frameworks/<int:pk>/                               GET    -         401  200  200  200   200  200  200
api/v1/scorecards/frameworks/<int:pk>/rate/                          POST   -         401  200  200  200   200  200  200
api/v1/scorecards/cycles/                                            GET    -         401  200  200  200   200  200  200
api/v1/scorecards/cycles/                                            POST   own       401  403  403  201   403  201  201
api/v1/scorecards/cycles/                                            POST   other     401  404  404  404   403  404  201
api/v1/scorecards/assessments/                                       GET    -         401  200  200  200   200  200  200
api/v1/scorecards/assessments/                                       POST   own       401  403  201  201   403  201  201
api/v1/scorecards/assessments/                                       POST   other     401  404  404  404   403  404  201
api/v1/scorecards/assessments/<int:pk>/                              GET    own       401  200  200  200   404  200  200
api/v1/scorecards/assessments/<int:pk>/                              GET    other     401  404  404  404   404  404  200
api/v1/scorecards/assessments/<int:pk>/                              GET    submitted 401  200  200  200   200  200  200
api/v1/scorecards/assessments/<int:pk>/                              PATCH  own       401  403  200  200   404  200  200
api/v1/scorecards/assessments/<int:pk>/                              PATCH  other     401  404  404  404   404  404  200
api/v1/scorecards/assessments/<int:pk>/                              PATCH  submitted 401  403  409  409   403  409  409
api/v1/scorecards/assessments/<int:pk>/indicators/<str:code>/        GET    own       401  200  200  200   404  200  200
api/v1/scorecards/assessments/<int:pk>/indicators/<str:code>/        GET    other     401  404  404  404   404  404  200
api/v1/scorecards/assessments/<int:pk>/indicators/<str:code>/        PATCH  own       401  403  200  200   404  200  200
api/v1/scorecards/assessments/<int:pk>/indicators/<str:code>/        PATCH  other     401  404  404  404   404  404  200
api/v1/scorecards/assessments/<int:pk>/transition/                   POST   own       401  403  403  200   404  200  200
api/v1/scorecards/assessments/<int:pk>/transition/                   POST   other     401  404  404  404   404  404  200
api/v1/scorecards/assessments/<int:pk>/transition/                   POST   submitted 401  403  403  403   200  403  200
api/v1/scorecards/assessments/<int:pk>/quality/                      GET    own       401  200  200  200   404  200  200
api/v1/scorecards/assessments/<int:pk>/quality/                      GET    other     401  404  404  404   404  404  200
api/v1/scorecards/assessments/<int:pk>/quality/                      GET    submitted 401  200  200  200   200  200  200
api/v1/scorecards/assessments/<int:pk>/team/                         GET    own       401  200  200  200   404  200  200
api/v1/scorecards/assessments/<int:pk>/team/                         GET    other     401  404  404  404   404  404  200
api/v1/scorecards/assessments/<int:pk>/team/                         POST   own       401  403  201  201   404  201  201
api/v1/scorecards/assessments/<int:pk>/team/                         POST   other     401  404  404  404   404  404  201
api/v1/scorecards/assessments/<int:pk>/team/<int:member_pk>/         DELETE own       401  403  204  204   404  204  204
api/v1/scorecards/assessments/<int:pk>/team/<int:member_pk>/         DELETE other     401  404  404  404   404  404  204
api/v1/scorecards/assessments/<int:pk>/actions/                      GET    own       401  200  200  200   404  200  200
api/v1/scorecards/assessments/<int:pk>/actions/                      GET    other     401  404  404  404   404  404  200
api/v1/scorecards/assessments/<int:pk>/actions/                      POST   own       401  403  201  201   404  201  201
api/v1/scorecards/assessments/<int:pk>/actions/                      POST   other     401  404  404  404   404  404  201
api/v1/scorecards/assessments/<int:pk>/actions/<int:action_pk>/      PATCH  own       401  403  200  200   404  200  200
api/v1/scorecards/assessments/<int:pk>/actions/<int:action_pk>/      PATCH  other     401  404  404  404   404  404  200
api/v1/scorecards/assessments/<int:pk>/actions/<int:action_pk>/      DELETE own       401  403  204  204   404  204  204
api/v1/scorecards/assessments/<int:pk>/actions/<int:action_pk>/      DELETE other     401  404  404  404   404  404  204
api/v1/scorecards/assessments/<int:pk>/evidence/                     GET    own       401  200  200  200   404  200  200
api/v1/scorecards/assessments/<int:pk>/evidence/                     GET    other     401  404  404  404   404  404  200
api/v1/scorecards/assessments/<int:pk>/evidence/                     POST   own       401  403  415  415   404  415  415
api/v1/scorecards/assessments/<int:pk>/evidence/                     POST   other     401  404  404  404   404  404  415
api/v1/scorecards/assessments/<int:pk>/evidence/link/                POST   own       401  403  201  201   404  201  201
api/v1/scorecards/assessments/<int:pk>/evidence/link/                POST   other     401  404  404  404   404  404  201
api/v1/scorecards/assessments/<int:pk>/evidence/<int:evidence_pk>/   DELETE own       401  403  204  204   404  204  204
api/v1/scorecards/assessments/<int:pk>/evidence/<int:evidence_pk>/   DELETE other     401  404  404  404   404  404  204
api/v1/scorecards/assessments/<int:pk>/evidence/<int:evidence_pk>/download/ GET own   401  200  200  200   404  200  200
api/v1/scorecards/assessments/<int:pk>/evidence/<int:evidence_pk>/download/ GET other 401  404  404  404   404  404  200
api/v1/scorecards/assessments/<int:pk>/removed/                      GET    own       401  200  200  200   404  200  200
api/v1/scorecards/assessments/<int:pk>/removed/                      GET    other     401  404  404  404   404  404  200
api/v1/scorecards/assessments/<int:pk>/removed/<int:removed_pk>/restore/ POST own     401  403  200  200   404  200  200
api/v1/scorecards/assessments/<int:pk>/removed/<int:removed_pk>/restore/ POST other   401  404  404  404   404  404  200
api/v1/scorecards/assessments/<int:pk>/comments/                     GET    own       401  200  200  200   404  200  200
api/v1/scorecards/assessments/<int:pk>/comments/                     GET    other     401  404  404  404   404  404  200
api/v1/scorecards/assessments/<int:pk>/comments/                     POST   own       401  403  201  201   404  201  201
api/v1/scorecards/assessments/<int:pk>/comments/                     POST   other     401  404  404  404   404  404  201
api/v1/scorecards/assessments/<int:pk>/comments/                     POST   submitted 401  403  201  201   201  201  201
api/v1/scorecards/imports/                                           POST   -         401  415  415  415   415  415  415
"""  # noqa: E501
