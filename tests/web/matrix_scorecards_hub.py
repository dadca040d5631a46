"""The knowledge hub's good-practice rows of the permission matrix (same columns as
matrix.py): everyone allowed in the hub reads its items, with their good-practice mark;
only reviewers and platform administrators set the mark. Relations: `shared` = evidence a
country team shared (in the hub), `unshared` = evidence its team kept to itself (no one
reaches it through the hub, not even an administrator). Scenes:
tests/web/scene_scorecards_hub.py.
"""

TABLE = """
# route                                            method relation anon view edit coord rev  out  admin
scorecards/hub/<int:pk>/good-practice/             POST   shared   302  403  403  403   302  403  302
scorecards/hub/<int:pk>/good-practice/             POST   unshared 302  404  404  404   404  404  404
api/v1/scorecards/hub/                             GET    -        401  200  200  200   200  200  200
api/v1/scorecards/hub/<int:evidence_pk>/           GET    shared   401  200  200  200   200  200  200
api/v1/scorecards/hub/<int:evidence_pk>/           GET    unshared 401  404  404  404   404  404  404
api/v1/scorecards/hub/<int:evidence_pk>/           PATCH  shared   401  403  403  403   200  403  200
api/v1/scorecards/hub/<int:evidence_pk>/           PATCH  unshared 401  404  404  404   404  404  404
"""  # noqa: E501
