"""The scorecard report rows of the permission matrix (same columns as matrix.py).

Relations as in matrix_scorecards_web.py: `own` = a draft of the person's country team,
`other` = another team's draft, `submitted` = the own team's assessment once submitted
(what a reviewer may see). The five routes share one access check, so `submitted` is
declared for two of them only: each file row builds a whole report, which takes a moment.
URLs are built in tests/web/scene_scorecards_reports.py.
"""

TABLE = """
# route                               method relation  anon view edit coord rev  out  admin
scorecards/<int:pk>/report/           GET    own       302  200  200  200   404  200  200
scorecards/<int:pk>/report/           GET    other     302  404  404  404   404  404  200
scorecards/<int:pk>/report/           GET    submitted 302  200  200  200   200  200  200
scorecards/<int:pk>/report.pdf        GET    own       302  200  200  200   404  200  200
scorecards/<int:pk>/report.pdf        GET    other     302  404  404  404   404  404  200
scorecards/<int:pk>/report.docx       GET    own       302  200  200  200   404  200  200
scorecards/<int:pk>/report.docx       GET    other     302  404  404  404   404  404  200
scorecards/<int:pk>/ratings.csv       GET    own       302  200  200  200   404  200  200
scorecards/<int:pk>/ratings.csv       GET    other     302  404  404  404   404  404  200
scorecards/<int:pk>/ratings.csv       GET    submitted 302  200  200  200   200  200  200
scorecards/<int:pk>/ratings.xlsx      GET    own       302  200  200  200   404  200  200
scorecards/<int:pk>/ratings.xlsx      GET    other     302  404  404  404   404  404  200
scorecards/<int:pk>/report.pdf        POST   own       302  405  405  405   405  405  405
"""
