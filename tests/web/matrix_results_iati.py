"""The IATI routes of the results API in the permission matrix (same columns as matrix.py;
objects built in tests/web/scene_results_iati.py on scene_results' plans).

The matrix sends JSON, so an import that passes the permission checks answers 400 (no
file in the body): the office's editors (Bolat for `own`, Oscar, who coordinates UNCT
Mexico, for `other`) and administrators; the others are refused before the file is looked
at. tests/results/iati/test_api.py uploads real files (202 and the job).
"""

TABLE = """
# route                                        method relation  anon view edit coord rev  out  admin
api/v1/results/iati/imports/                   POST   own       401  403  400  403   403  404  400
api/v1/results/iati/imports/                   POST   other     401  404  404  404   403  400  400
api/v1/results/plans/<int:pk>/iati/            GET    own       401  200  200  200   200  404  200
api/v1/results/plans/<int:pk>/iati/            GET    other     401  404  404  404   200  200  200
"""
