"""The results API rows of the permission matrix (same columns as matrix.py).

Relations: `own` = a plan (with an outcome, output, attached indicator, partner and 2022
narrative with one fact) of UNDP Kazakhstan, whose editor is Bolat; the country team's
coordinator (Aisha) and viewer (Sara) read it but only the office's own editors change it.
`other` = the same of UNCT Mexico, which Oscar (the outsider) coordinates. Reviewers read
every office and change none. Objects are built in tests/web/scene_results.py.
"""

TABLE = """
# route                                                              method relation  anon view edit coord rev  out  admin
api/v1/results/plans/                                                GET    -         401  200  200  200   200  200  200
api/v1/results/plans/                                                POST   own       401  403  201  403   403  404  201
api/v1/results/plans/                                                POST   other     401  404  404  404   403  201  201
api/v1/results/plans/<int:pk>/                                       GET    own       401  200  200  200   200  404  200
api/v1/results/plans/<int:pk>/                                       GET    other     401  404  404  404   200  200  200
api/v1/results/plans/<int:pk>/outcomes/                              POST   own       401  403  201  403   403  404  201
api/v1/results/plans/<int:pk>/outcomes/                              POST   other     401  404  404  404   403  201  201
api/v1/results/plans/<int:pk>/indicators/                            POST   own       401  403  201  403   403  404  201
api/v1/results/plans/<int:pk>/indicators/                            POST   other     401  404  404  404   403  201  201
api/v1/results/outcomes/<int:pk>/outputs/                            POST   own       401  403  201  403   403  404  201
api/v1/results/outcomes/<int:pk>/outputs/                            POST   other     401  404  404  404   403  201  201
api/v1/results/outcomes/<int:pk>/partners/                           POST   own       401  403  201  403   403  404  201
api/v1/results/outcomes/<int:pk>/partners/                           POST   other     401  404  404  404   403  201  201
api/v1/results/outcomes/<int:pk>/partners/<int:partner_pk>/         DELETE own       401  403  204  403   403  404  204
api/v1/results/outcomes/<int:pk>/partners/<int:partner_pk>/         DELETE other     401  404  404  404   403  204  204
api/v1/results/facts/<int:pk>/                                       DELETE own       401  403  204  403   403  404  204
api/v1/results/facts/<int:pk>/                                       DELETE other     401  404  404  404   403  204  204
api/v1/results/outcomes/<int:pk>/narratives/<year:year>/              GET    own       401  200  200  200   200  404  200
api/v1/results/outcomes/<int:pk>/narratives/<year:year>/              GET    other     401  404  404  404   200  200  200
api/v1/results/outcomes/<int:pk>/narratives/<year:year>/              PUT    own       401  403  200  403   403  404  200
api/v1/results/outcomes/<int:pk>/narratives/<year:year>/              PUT    other     401  404  404  404   403  200  200
api/v1/results/outcomes/<int:pk>/narratives/<year:year>/facts/        POST   own       401  403  201  403   403  404  201
api/v1/results/outcomes/<int:pk>/narratives/<year:year>/facts/        POST   other     401  404  404  404   403  201  201
api/v1/results/outcomes/<int:pk>/narratives/<year:year>/checks/       GET    own       401  200  200  200   200  404  200
api/v1/results/outcomes/<int:pk>/narratives/<year:year>/checks/       GET    other     401  404  404  404   200  200  200
api/v1/results/indicators/<int:pk>/values/                           GET    own       401  200  200  200   200  404  200
api/v1/results/indicators/<int:pk>/values/                           GET    other     401  404  404  404   200  200  200
api/v1/results/indicators/<int:pk>/values/                           POST   own       401  403  201  403   403  404  201
api/v1/results/indicators/<int:pk>/values/                           POST   other     401  404  404  404   403  201  201
api/v1/results/outputs/<int:pk>/budget/                              PUT    own       401  403  200  403   403  404  200
api/v1/results/outputs/<int:pk>/budget/                              PUT    other     401  404  404  404   403  200  200
api/v1/results/budgets/                                              GET    own       401  200  200  200   200  404  200
api/v1/results/budgets/                                              GET    other     401  404  404  404   200  200  200
api/v1/results/knowledge/                                            GET    -         401  200  200  200   200  200  200
api/v1/results/progress/                                             GET    -         401  200  200  200   200  200  200
api/v1/results/knowledge/                                            POST   own       401  403  201  403   403  404  201
api/v1/results/knowledge/                                            POST   other     401  404  404  404   403  201  201
"""  # noqa: E501
