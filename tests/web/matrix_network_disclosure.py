"""The disclosure page's rows of the permission matrix (columns as in matrix.py, roles as
in matrix_network.py): everyone inside the network reads what is hidden and why; only the
backbone's coordinator (rev) and the administrator change the thresholds.
Scenes: tests/web/scene_network_disclosure.py.
"""

TABLE = """
# route                                 method relation anon view edit coord rev  out  admin
network/<int:pk>/disclosure/            GET    own      302  200  200  200   200  404  200
network/<int:pk>/disclosure/            POST   own      302  403  403  403   302  404  302
"""
