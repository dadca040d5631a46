# ruff: noqa: E501  (the table is wider than a line)
"""The scorecards web pages rows of the permission matrix (same columns as matrix.py).

Relations for assessments: `own` = an assessment of the person's country team (for an
entity member: the team their entity belongs to), `other` = another team's assessment
(draft unless the route says otherwise), `submitted` = the person's team's assessment once
submitted (what a reviewer sees). Object-building for these routes lives in
tests/web/scene_scorecards.py.
"""

TABLE = """
# route                                            method relation anon view edit coord rev  out  admin
scorecards/                                        GET    -        302  200  200  200   200  200  200
scorecards/new/                                    POST   -        302  403  302  302   403  302  302
scorecards/import/                                 GET    -        302  200  200  200   200  200  200
scorecards/import/                                 POST   -        302  403  400  400   403  400  400
scorecards/<int:pk>/                               GET    own      302  200  200  200   404  200  200
scorecards/<int:pk>/                               GET    other    302  404  404  404   404  404  200
scorecards/<int:pk>/                               GET    submitted 302 200  200  200   200  200  200
scorecards/<int:pk>/text/                          POST   own      302  403  302  302   404  302  302
scorecards/<int:pk>/text/                          POST   other    302  404  404  404   404  404  302
scorecards/<int:pk>/workflow/                      POST   own      302  403  403  302   404  302  302
scorecards/<int:pk>/workflow/                      POST   other    302  404  404  404   404  404  302
scorecards/<int:pk>/workflow/                      POST   submitted 302 403  403  403   302  403  302
scorecards/<int:pk>/team/                          POST   own      302  403  302  302   404  302  302
scorecards/<int:pk>/team/                          POST   other    302  404  404  404   404  404  302
scorecards/team/<int:pk>/remove/                   POST   own      302  403  302  302   404  302  302
scorecards/team/<int:pk>/remove/                   POST   other    302  404  404  404   404  404  302
scorecards/<int:pk>/comments/                      POST   own      302  403  302  302   404  302  302
scorecards/<int:pk>/comments/                      POST   other    302  404  404  404   404  404  302
scorecards/<int:pk>/comments/                      POST   submitted 302 403  302  302   302  302  302
scorecards/<int:pk>/actions/                       POST   own      302  403  302  302   404  302  302
scorecards/<int:pk>/actions/                       POST   other    302  404  404  404   404  404  302
scorecards/actions/<int:pk>/edit/                  GET    own      302  403  200  200   404  200  200
scorecards/actions/<int:pk>/edit/                  GET    other    302  404  404  404   404  404  200
scorecards/actions/<int:pk>/edit/                  POST   own      302  403  302  302   404  302  302
scorecards/actions/<int:pk>/edit/                  POST   other    302  404  404  404   404  404  302
scorecards/actions/<int:pk>/delete/                POST   own      302  403  302  302   404  302  302
scorecards/actions/<int:pk>/delete/                POST   other    302  404  404  404   404  404  302
scorecards/<int:pk>/evidence/upload/               POST   own      302  403  400  400   404  400  400
scorecards/<int:pk>/evidence/upload/               POST   other    302  404  404  404   404  404  400
scorecards/<int:pk>/evidence/link/                 POST   own      302  403  302  302   404  302  302
scorecards/<int:pk>/evidence/link/                 POST   other    302  404  404  404   404  404  302
scorecards/evidence/<int:pk>/delete/               POST   own      302  403  302  302   404  302  302
scorecards/evidence/<int:pk>/delete/               POST   other    302  404  404  404   404  404  302
scorecards/evidence/<int:pk>/download/             GET    own      302  200  200  200   404  200  200
scorecards/evidence/<int:pk>/download/             GET    other    302  404  404  404   404  404  200
scorecards/evidence/<int:pk>/download/             GET    submitted 302 200  200  200   200  200  200
scorecards/removed/<int:pk>/restore/               POST   own      302  403  302  302   404  302  302
scorecards/removed/<int:pk>/restore/               POST   other    302  404  404  404   404  404  302
scorecards/<int:pk>/indicators/<str:code>/         GET    own      302  200  200  200   404  200  200
scorecards/<int:pk>/indicators/<str:code>/         GET    other    302  404  404  404   404  404  200
scorecards/<int:pk>/indicators/<str:code>/         POST   own      302  403  302  302   404  302  302
scorecards/<int:pk>/indicators/<str:code>/         POST   other    302  404  404  404   404  404  302
scorecards/<int:pk>/indicators/<str:code>/preview/ GET    own      302  200  200  200   404  200  200
scorecards/<int:pk>/indicators/<str:code>/preview/ GET    other    302  404  404  404   404  404  200
scorecards/<int:pk>/indicators/<str:code>/preview/ POST   own      302  200  200  200   404  200  200
scorecards/<int:pk>/indicators/<str:code>/preview/ POST   other    302  404  404  404   404  404  200
scorecards/<int:pk>/indicators/<str:code>/evidence/upload/ POST own 302  403  400  400   404  400  400
scorecards/<int:pk>/indicators/<str:code>/evidence/upload/ POST other 302 404  404  404   404  404  400
scorecards/<int:pk>/indicators/<str:code>/evidence/link/ POST own   302  403  302  302   404  302  302
scorecards/<int:pk>/indicators/<str:code>/evidence/link/ POST other 302  404  404  404   404  404  302
"""
