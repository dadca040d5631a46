"""The peer comparison's and the reach page's rows of the permission matrix (columns as in
matrix.py, roles as in matrix_network.py). Everyone inside the network reads the reach
page; a partner's staff compare their own centre (`own`) and find another partner's
(`other`) not found, the backbone any; only the backbone's coordinators (the reviewer)
and administrators set reference shares; the outsider finds no network (404).
Scenes: tests/web/scene_network_compare.py.
"""

TABLE = """
# route                                                          method relation anon view edit coord rev  out  admin
network/<int:pk>/compare/                                        GET    own      302  200  200  200   200  404  200
network/<int:pk>/compare/<int:site_pk>/                          GET    own      302  200  200  200   200  404  200
network/<int:pk>/compare/<int:site_pk>/                          GET    other    302  404  404  404   200  404  200
network/<int:pk>/compare/<int:site_pk>/pdf/                      GET    own      302  200  200  200   200  404  200
network/<int:pk>/compare/<int:site_pk>/pdf/                      GET    other    302  404  404  404   200  404  200
network/<int:pk>/compare/<int:site_pk>/docx/                     GET    own      302  200  200  200   200  404  200
network/<int:pk>/compare/<int:site_pk>/docx/                     GET    other    302  404  404  404   200  404  200
network/<int:pk>/reach/                                          GET    own      302  200  200  200   200  404  200
network/<int:pk>/reach/references/                               GET    own      302  403  403  403   200  404  200
network/<int:pk>/reach/references/                               POST   own      302  403  403  403   302  404  302
api/v1/network/networks/<int:pk>/compare/                        GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/compare/<int:site_pk>/          GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/compare/<int:site_pk>/          GET    other    401  404  404  404   200  404  200
api/v1/network/networks/<int:pk>/reach/                          GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/reach/references/               GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/reach/references/               POST   own      401  403  403  403   200  404  200
api/v1/network/networks/<int:pk>/reach/references/<str:group>/   DELETE own      401  403  403  403   204  404  204
"""  # noqa: E501
