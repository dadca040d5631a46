"""The dashboard of common indicators' rows of the permission matrix (columns as in
matrix.py, roles as in matrix_network.py): everyone inside the network reads the
dashboard, its drill-down and its files (a partner's staff their own rows); only the
backbone's coordinators (the reviewer) and administrators recompute and freeze; the
outsider finds no network (404). Scenes: tests/web/scene_network_indicators.py.
"""

TABLE = """
# route                                                     method relation anon view edit coord rev  out  admin
network/<int:pk>/indicators/                                GET    own      302  200  200  200   200  404  200
network/<int:pk>/indicators/<str:code>/                     GET    own      302  200  200  200   200  404  200
network/<int:pk>/indicators/dashboard.pdf                   GET    own      302  200  200  200   200  404  200
network/<int:pk>/indicators/dashboard.docx                  GET    own      302  200  200  200   200  404  200
network/<int:pk>/indicators/recompute/                      POST   own      302  403  403  403   302  404  302
network/<int:pk>/indicators/runs/<int:run_pk>/freeze/       POST   own      302  403  403  403   302  404  302
"""  # noqa: E501
