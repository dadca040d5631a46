"""The survey instruments' rows of the permission matrix (columns as in matrix.py, roles
as in matrix_network.py). Instruments and their XLSForms are read by everyone inside the
network (they hold questions, no answers); the outsider finds no network (404).
Scenes: tests/web/scene_network_instruments.py.
"""

TABLE = """
# route                                                                          method relation anon view edit coord rev  out  admin
api/v1/network/networks/<int:pk>/instruments/                                    GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/instruments/<int:instrument_pk>/xlsform/        GET    own      401  200  200  200   200  404  200
network/<int:pk>/instruments/                                                    GET    own      302  200  200  200   200  404  200
network/<int:pk>/instruments/<int:instrument_pk>/xlsform/                        GET    own      302  200  200  200   200  404  200
"""  # noqa: E501
