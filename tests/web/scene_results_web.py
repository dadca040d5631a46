"""Builds the URLs and bodies of the results pages' rows of the permission matrix (see
tests/web/matrix_results_web.py), on the plans built by tests/web/scene_results.py: an
outcome D_1.1 with output D_1.1.1, the indicator of women enrolled (by age and indigenous
identity) attached to the outcome, a partner and a 2022 narrative with one fact."""

from __future__ import annotations

from typing import Any

from tests.web import scene_results

PREFIX = "results/"


def url(scene: Any, route: str, role: str, relation: str) -> str:
    if relation == "-":
        return "/" + route
    built = scene_results._built(scene, relation)
    office = scene_results._office(scene, relation)
    if route == PREFIX + "budgets/":
        return f"/{route}?office={office.pk}&year=2022"
    if route == PREFIX + "knowledge/":
        return "/" + route
    pk = {
        "plans/": built.plan.pk,
        "outcomes/": built.outcome.pk,
        "indicators/": built.attached.pk,
        "outputs/": built.output.pk,
        "facts/": built.fact.pk,
    }
    path = route
    for prefix, value in pk.items():
        if route.startswith(PREFIX + prefix):
            path = route.replace("<int:pk>", str(value))
    path = path.replace("<int:partner_pk>", str(built.partner.pk)).replace("<year:year>", "2022")
    if "indicators/" in route:
        path += "?period=2022"
    return "/" + path


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    route = route.removeprefix(PREFIX)
    bodies: dict[str, dict[str, object]] = {
        "outcomes/<int:pk>/narratives/<year:year>/": {
            "progress": "partly",
            "text_en": "Changed.",
            "version": 1,
        },
        "outcomes/<int:pk>/narratives/<year:year>/facts/": {
            "value": "15",
            "label": "centres",
            "kind": "actual",
        },
        "outcomes/<int:pk>/partners/": {"name": "INMUJERES", "kind": "government"},
        "outputs/<int:pk>/budget/": {
            "year": 2022,
            "amount": "1000",
            "currency": "USD",
            "marker": 2,
        },
        "indicators/<int:pk>/values/": {"row-0": "", "c-0-actual": "2763", "c-0-actual-rev": 0},
        "indicators/<int:pk>/values/check/": {"cell": "c-0-actual", "c-0-actual": "12"},
        "indicators/<int:pk>/values/reason/": {
            "kind": "actual",
            "key": "",
            "dimension": "age",
            "reason": "Unknown",
        },
    }
    if route == "knowledge/" and relation != "-":
        office = scene_results._office(scene, relation).pk
        return {"office": office, "title": "A study", "kind": "study", "year": 2022}
    return bodies.get(route, {})
