"""The stored indicators' API rows of the permission matrix (columns as in matrix.py, roles
as in matrix_network.py). Everyone inside the network reads its runs, tables and trends
(a partner's staff their own rows: tests/network/api/test_indicators_api.py); the
outsider finds no network (404). Only the backbone's coordinator (rev) and platform
administrators recompute (202, a job) or freeze a run; the definitions are read by anyone
signed in. Scenes: tests/web/scene_network_indicators_api.py.
"""

TABLE = """
# route                                                                          method relation anon view edit coord rev  out  admin
api/v1/network/indicators/definitions/                                           GET    -        401  200  200  200   200  200  200
api/v1/network/networks/<int:pk>/indicators/runs/                                GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/indicators/runs/<int:run_pk>/tables/            GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/indicators/runs/<int:run_pk>/freeze/            POST   own      401  403  403  403   200  404  200
api/v1/network/networks/<int:pk>/indicators/trend/<str:code>/                    GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/indicators/recompute/                           POST   own      401  403  403  403   202  404  202
"""  # noqa: E501
