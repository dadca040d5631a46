"""The framework pages' rows of the permission matrix (same columns as matrix.py).

Relations: `published` = the shipped UNCT-SWAP version, `draft` = a draft version made from
it; `-` = no object. Any signed-in person may read frameworks; only platform administrators
may edit (a new draft version) or publish, and everyone else signed in gets 403 (the pages
are visible, the action forbidden). Object-building lives in
tests/web/scene_scorecards_frameworks.py.
"""

TABLE = """
# route                                  method  relation   anon  view  edit  coord  rev  out  admin
scorecards/frameworks/                   GET     -          302   200   200   200    200  200  200
scorecards/frameworks/<int:pk>/          GET     published  302   200   200   200    200  200  200
scorecards/frameworks/<int:pk>/          GET     draft      302   200   200   200    200  200  200
scorecards/frameworks/<int:pk>/edit/     GET     published  302   403   403   403    403  403  200
scorecards/frameworks/<int:pk>/edit/     POST    published  302   403   403   403    403  403  302
scorecards/frameworks/<int:pk>/publish/  POST    draft      302   403   403   403    403  403  302
scorecards/frameworks/<int:pk>/publish/  POST    published  302   403   403   403    403  403  302
"""
