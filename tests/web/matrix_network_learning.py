"""The learning notes' rows of the permission matrix (columns as in matrix.py, roles as
in matrix_network.py). Everyone inside the network reads notes (they hold no identity);
the backbone's coordinators and editors (the reviewer here) and platform administrators
write notes and actions and record reviews at meetings; an action's owner (the editor
here) or a coordinator of the backbone changes its status; the outsider finds no
network (404). `other` = a note of another network, under this network's address.
Scenes: tests/web/scene_network_learning.py.
"""

TABLE = """
# route                                                                          method relation anon view edit coord rev  out  admin
network/<int:pk>/learning/                                                       GET    own      302  200  200  200   200  404  200
network/<int:pk>/learning/new/                                                   GET    own      302  403  403  403   200  404  200
network/<int:pk>/learning/new/                                                   POST   own      302  403  403  403   302  404  302
network/<int:pk>/learning/<int:note_pk>/                                         GET    own      302  200  200  200   200  404  200
network/<int:pk>/learning/<int:note_pk>/                                         GET    other    302  404  404  404   404  404  404
network/<int:pk>/learning/<int:note_pk>/actions/                                 POST   own      302  403  403  403   302  404  302
network/<int:pk>/learning/actions/<int:action_pk>/status/                        POST   own      302  403  302  403   302  404  302
network/<int:pk>/meetings/<int:meeting_pk>/reviews/                              POST   own      302  403  403  403   302  404  302
api/v1/network/networks/<int:pk>/learning/notes/                                 GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/learning/notes/                                 POST   own      401  403  403  403   201  404  201
api/v1/network/networks/<int:pk>/learning/notes/<int:note_pk>/                   GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/learning/notes/<int:note_pk>/                   GET    other    401  404  404  404   404  404  404
api/v1/network/networks/<int:pk>/learning/notes/<int:note_pk>/actions/           POST   own      401  403  403  403   201  404  201
api/v1/network/networks/<int:pk>/learning/actions/<int:action_pk>/               PATCH  own      401  403  200  403   200  404  200
api/v1/network/networks/<int:pk>/learning/reviews/                               GET    own      401  200  200  200   200  404  200
api/v1/network/networks/<int:pk>/learning/reviews/                               POST   own      401  403  403  403   201  404  201
"""  # noqa: E501
