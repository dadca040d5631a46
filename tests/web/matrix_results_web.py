"""The results module's web pages in the permission matrix (same columns as matrix.py).

Relations as in tests/web/matrix_results.py: `own` is UNDP Kazakhstan's plan (Bolat edits
it; the country team's viewer and coordinator read it), `other` UNCT Mexico's (Oscar
coordinates that office, so he changes it). Reviewers read every office and change none;
anyone else gets 404. A change that succeeds answers 302 (back to the page). URLs and
bodies are built in tests/web/scene_results_web.py.
"""

TABLE = """
# route                                                              method relation  anon view edit coord rev  out  admin
results/                                                             GET    -         302  200  200  200   200  200  200
results/plans/<int:pk>/                                              GET    own       302  200  200  200   200  404  200
results/plans/<int:pk>/                                              GET    other     302  404  404  404   200  200  200
results/outcomes/<int:pk>/                                           GET    own       302  200  200  200   200  404  200
results/outcomes/<int:pk>/                                           GET    other     302  404  404  404   200  200  200
results/outcomes/<int:pk>/narratives/<year:year>/                    POST   own       302  403  302  403   403  404  302
results/outcomes/<int:pk>/narratives/<year:year>/                    POST   other     302  404  404  404   403  302  302
results/outcomes/<int:pk>/narratives/<year:year>/facts/              POST   own       302  403  302  403   403  404  302
results/outcomes/<int:pk>/narratives/<year:year>/facts/              POST   other     302  404  404  404   403  302  302
results/facts/<int:pk>/remove/                                       POST   own       302  403  302  403   403  404  302
results/facts/<int:pk>/remove/                                       POST   other     302  404  404  404   403  302  302
results/outcomes/<int:pk>/partners/                                  POST   own       302  403  302  403   403  404  302
results/outcomes/<int:pk>/partners/                                  POST   other     302  404  404  404   403  302  302
results/outcomes/<int:pk>/partners/<int:partner_pk>/remove/          POST   own       302  403  302  403   403  404  302
results/outcomes/<int:pk>/partners/<int:partner_pk>/remove/          POST   other     302  404  404  404   403  302  302
results/outputs/<int:pk>/budget/                                     POST   own       302  403  302  403   403  404  302
results/outputs/<int:pk>/budget/                                     POST   other     302  404  404  404   403  302  302
results/indicators/<int:pk>/values/                                  GET    own       302  200  200  200   200  404  200
results/indicators/<int:pk>/values/                                  GET    other     302  404  404  404   200  200  200
results/indicators/<int:pk>/values/                                  POST   own       302  403  302  403   403  404  302
results/indicators/<int:pk>/values/                                  POST   other     302  404  404  404   403  302  302
results/indicators/<int:pk>/values/check/                            POST   own       302  200  200  200   200  404  200
results/indicators/<int:pk>/values/check/                            POST   other     302  404  404  404   200  200  200
results/indicators/<int:pk>/values/reason/                           POST   own       302  403  302  403   403  404  302
results/indicators/<int:pk>/values/reason/                           POST   other     302  404  404  404   403  302  302
results/knowledge/                                                   GET    -         302  200  200  200   200  200  200
results/knowledge/                                                   POST   own       302  403  302  403   403  404  302
results/knowledge/                                                   POST   other     302  404  404  404   403  302  302
results/budgets/                                                     GET    own       302  200  200  200   200  404  200
results/budgets/                                                     GET    other     302  404  404  404   200  200  200
"""  # noqa: E501
