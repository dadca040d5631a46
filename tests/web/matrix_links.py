"""The rows of the permission matrix for the suggested ratings (same columns as matrix.py):
the scorecards routes that show and decide suggestions the links package provides.

Relations as in matrix_scorecards_api.py: `own` = an assessment of the person's country
team, `other` = another team's (both drafts). Each team holds an office with a plan
referring to Cooperation Framework indicators (tests/web/scene_links.py), so a suggestion
exists for whoever may read that office: UNDP Kazakhstan's plan for the UNCT Kazakhstan
(its editor Bolat reads it), UN Women Mexico's for the UNCT Mexico. The viewer may see but
not decide (403); the reviewer does not see drafts (404).
"""

TABLE = """
# route                                                              method relation  anon view edit coord rev  out  admin
scorecards/<int:pk>/indicators/<str:code>/suggestion/                POST   own       302  403  302  302   404  302  302
scorecards/<int:pk>/indicators/<str:code>/suggestion/                POST   other     302  404  404  404   404  404  302
api/v1/scorecards/assessments/<int:pk>/suggestions/                  GET    own       401  200  200  200   404  200  200
api/v1/scorecards/assessments/<int:pk>/suggestions/                  GET    other     401  404  404  404   404  404  200
api/v1/scorecards/assessments/<int:pk>/suggestions/<str:code>/       POST   own       401  403  201  201   404  201  201
api/v1/scorecards/assessments/<int:pk>/suggestions/<str:code>/       POST   other     401  404  404  404   404  404  201
"""  # noqa: E501
