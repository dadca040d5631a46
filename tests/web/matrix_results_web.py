"""The results module's web pages in the permission matrix (same columns as matrix.py).

Relations as in tests/web/matrix_results.py: `own` is UNDP Kazakhstan's plan (Bolat edits
it), `other` UNCT Mexico's (Oscar coordinates it). URLs are built in
tests/web/scene_results_web.py.
"""

TABLE = """
# route                                                              method relation  anon view edit coord rev  out  admin
results/                                                             GET    -         302  200  200  200   200  200  200
"""  # noqa: E501
