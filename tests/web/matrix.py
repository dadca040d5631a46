"""The declared permission matrix: who may do what to which object.

Columns: route pattern (as in the URL configuration), method, relation of the object
to the acting person, then the expected status for each role. Relations: `own` = the
person's organisation, membership or token; `same` = another member's membership in the
person's organisation; `other` = an organisation the person has nothing to do with;
`-` = no object. Every route of the URL configuration must appear here (see
test_every_route_is_in_the_matrix).
"""

import importlib
from pathlib import Path

ROLES = ("anonymous", "viewer", "editor", "coordinator", "reviewer", "outsider", "admin")

TABLE = """
# route                                            method relation anon view edit coord rev  out  admin
                                                   GET    -        302  200  200  200   200  200  200
healthz                                            GET    -        200  200  200  200   200  200  200
search/                                            GET    -        302  200  200  200   200  200  200
accounts/sign-in/                                  GET    -        200  200  200  200   200  200  200
accounts/sign-out/                                 POST   -        302  302  302  302   302  302  302
accounts/second-factor/                            GET    -        302  200  200  200   200  200  200
accounts/password/                                 GET    -        302  200  200  200   200  200  200
accounts/password/reset/                           GET    -        200  200  200  200   200  200  200
accounts/password/reset/                           POST   -        302  302  302  302   302  302  302
accounts/password/reset/sent/                      GET    -        200  200  200  200   200  200  200
accounts/password/reset/<uidb64>/<token>/          GET    -        200  200  200  200   200  200  200
accounts/password/reset/complete/                  GET    -        200  200  200  200   200  200  200
accounts/profile/                                  GET    -        302  200  200  200   200  200  200
accounts/tokens/                                   POST   -        302  302  302  302   302  302  302
accounts/tokens/<int:pk>/revoke/                   POST   own      302  302  302  302   302  302  302
accounts/tokens/<int:pk>/revoke/                   POST   other    302  404  404  404   404  404  404
organisations/                                     GET    -        302  200  200  200   200  200  200
organisations/new/                                 GET    -        302  200  200  200   200  200  200
organisations/new/                                 POST   -        302  403  403  403   403  403  302
organisations/<int:pk>/                            GET    own      302  200  200  200   200  200  200
organisations/<int:pk>/                            GET    other    302  404  404  404   200  404  200
organisations/<int:pk>/edit/                       GET    own      302  403  403  200   403  200  200
organisations/<int:pk>/edit/                       GET    other    302  404  404  404   403  404  200
organisations/<int:pk>/edit/                       POST   own      302  403  403  302   403  302  302
organisations/<int:pk>/edit/                       POST   other    302  404  404  404   403  404  302
organisations/<int:pk>/members/                    POST   own      302  403  403  302   403  302  302
organisations/<int:pk>/members/                    POST   other    302  404  404  404   403  404  302
memberships/<int:pk>/role/                         POST   same     302  403  403  302   403  302  302
memberships/<int:pk>/role/                         POST   other    302  404  404  404   403  404  302
memberships/<int:pk>/remove/                       POST   same     302  403  403  302   403  302  302
memberships/<int:pk>/remove/                       POST   other    302  404  404  404   403  404  302
audit/                                             GET    -        302  404  404  404   404  404  200
i18n/setlang/                                      POST   -        302  302  302  302   302  302  302
api/v1/schema/                                     GET    -        200  200  200  200   200  200  200
api/v1/me/                                         GET    -        401  200  200  200   200  200  200
api/v1/organisations/                              GET    -        401  200  200  200   200  200  200
api/v1/organisations/                              POST   -        401  403  403  403   403  403  201
api/v1/organisations/<pk>/                         GET    own      401  200  200  200   200  200  200
api/v1/organisations/<pk>/                         GET    other    401  404  404  404   200  404  200
api/v1/organisations/<pk>/                         PATCH  own      401  403  403  200   403  200  200
api/v1/organisations/<pk>/                         PATCH  other    401  404  404  404   403  404  200
api/v1/memberships/                                GET    -        401  200  200  200   200  200  200
api/v1/memberships/                                POST   own      401  403  403  201   403  201  201
api/v1/memberships/                                POST   other    401  404  404  404   403  404  201
api/v1/memberships/<pk>/                           GET    own      401  200  200  200   200  200  200
api/v1/memberships/<pk>/                           GET    other    401  404  404  404   200  404  200
api/v1/memberships/<pk>/                           PATCH  same     401  403  403  200   403  200  200
api/v1/memberships/<pk>/                           PATCH  other    401  404  404  404   403  404  200
api/v1/memberships/<pk>/                           DELETE same     401  403  403  204   403  204  204
api/v1/memberships/<pk>/                           DELETE other    401  404  404  404   403  404  204
api/v1/tokens/                                     GET    -        401  200  200  200   200  200  200
api/v1/tokens/                                     POST   -        401  201  201  201   201  201  201
api/v1/tokens/<pk>/                                DELETE own      401  204  204  204   204  204  204
api/v1/tokens/<pk>/                                DELETE other    401  404  404  404   404  404  404
api/v1/audit/                                      GET    -        401  404  404  404   404  404  200
"""


def module_names() -> list[str]:
    """The modules that add rows: tests/web/matrix_<name>.py, each with tests/web/scene_<name>.py
    that builds the URLs and bodies of its routes."""
    folder = Path(__file__).parent
    return sorted(path.stem.removeprefix("matrix_") for path in folder.glob("matrix_*.py"))


def module_table(name: str) -> str:
    return str(importlib.import_module(f"tests.web.matrix_{name}").TABLE)


def rows() -> list[tuple[str, str, str, str, int]]:
    """(role, route, method, relation, status) for every cell of every module's table."""
    cells = parse(TABLE)
    for name in module_names():
        cells += parse(module_table(name))
    return cells


def parse(table: str) -> list[tuple[str, str, str, str, int]]:
    cells = []
    for line in table.strip().splitlines():
        if line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) == len(ROLES) + 2:  # the home page's route is the empty string
            parts.insert(0, "")
        route, method, relation, *statuses = parts
        for role, status in zip(ROLES, statuses, strict=True):
            cells.append((role, route, method, relation, int(status)))
    return cells


def routes() -> set[str]:
    return {route for _, route, _, _, _ in rows()}
