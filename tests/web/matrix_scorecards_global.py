"""The global view and knowledge hub rows of the permission matrix (same columns as
matrix.py). The global view and its export are for reviewers and platform administrators
(404 for everyone else); the hub is for members of country teams (or of an entity inside
one), reviewers and administrators. No route takes an object. Scenes:
tests/web/scene_scorecards_global.py.
"""

TABLE = """
# route                                            method relation anon view edit coord rev  out  admin
scorecards/global/                                 GET    -        302  404  404  404   200  404  200
scorecards/global/export.xlsx                      GET    -        302  404  404  404   200  404  200
scorecards/global/workbook/                        POST   -        302  404  404  404   302  404  302
api/v1/scorecards/global/workbook/                 POST   -        401  404  404  404   202  404  202
scorecards/hub/                                    GET    -        302  200  200  200   200  200  200
"""  # noqa: E501
