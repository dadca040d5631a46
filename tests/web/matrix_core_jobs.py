"""The background jobs' rows of the permission matrix (same columns as matrix.py). A job
is seen by the person who asked for it and by platform administrators; anyone else gets
404. `own`: a job the acting person asked for (the newcomer's for anonymous visitors);
`other`: the newcomer's job. Scenes: tests/web/scene_core_jobs.py.
"""

TABLE = """
# route                                            method relation anon view edit coord rev  out  admin
jobs/<int:pk>/                                     GET    own      302  200  200  200   200  200  200
jobs/<int:pk>/                                     GET    other    302  404  404  404   404  404  200
jobs/<int:pk>/result/                              GET    own      302  200  200  200   200  200  200
jobs/<int:pk>/result/                              GET    other    302  404  404  404   404  404  200
jobs/<int:pk>/cancel/                              POST   own      302  302  302  302   302  302  302
jobs/<int:pk>/cancel/                              POST   other    302  404  404  404   404  404  302
api/v1/jobs/<int:pk>/                              GET    own      401  200  200  200   200  200  200
api/v1/jobs/<int:pk>/                              GET    other    401  404  404  404   404  404  200
"""  # noqa: E501
