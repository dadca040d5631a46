"""The annual results report and the view across offices in the permission matrix (same
columns as matrix.py).

Relations as in tests/web/matrix_results.py: `own` is UNDP Kazakhstan's 2022-2025 plan
(Bolat edits for the office; Aisha and Sara read it from the country team above it), `other`
UNCT Mexico's (Oscar coordinates it). `uncovered` is the own office in 2030, a year no plan
of it covers: not found for everyone. The five report routes share one access check.
URLs are built in tests/web/scene_results_report.py.
"""

TABLE = """
# route                                                    method relation  anon view edit coord rev  out  admin
results/overview/                                          GET    -         302  200  200  200   200  200  200
results/report/<int:office>/<year:year>/                   GET    own       302  200  200  200   200  404  200
results/report/<int:office>/<year:year>/                   GET    other     302  404  404  404   200  200  200
results/report/<int:office>/<year:year>/                   GET    uncovered 302  404  404  404   404  404  404
results/report/<int:office>/<year:year>/report.pdf         GET    own       302  200  200  200   200  404  200
results/report/<int:office>/<year:year>/report.pdf         GET    other     302  404  404  404   200  200  200
results/report/<int:office>/<year:year>/report.pdf         POST   own       302  405  405  405   405  405  405
results/report/<int:office>/<year:year>/report.docx        GET    own       302  200  200  200   200  404  200
results/report/<int:office>/<year:year>/report.docx        GET    other     302  404  404  404   200  200  200
results/report/<int:office>/<year:year>/values.csv         GET    own       302  200  200  200   200  404  200
results/report/<int:office>/<year:year>/values.csv         GET    other     302  404  404  404   200  200  200
results/report/<int:office>/<year:year>/values.xlsx        GET    own       302  200  200  200   200  404  200
results/report/<int:office>/<year:year>/values.xlsx        GET    other     302  404  404  404   200  200  200
"""  # noqa: E501
