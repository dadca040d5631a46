"""Builds URLs and bodies for the suggested-rating rows of the permission matrix (see
tests/web/matrix_links.py): each country team's 2022 draft assessment, and in each team an
office whose 2021-2025 plan has an indicator referring to a Cooperation Framework indicator."""

from __future__ import annotations

from typing import Any

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Organisation
from cometa.accounts.models.organisations import OrganisationKind as Kind
from cometa.indicators.definition_store import definition_save
from cometa.indicators.texts import Text
from cometa.results.inputs import PlanContent
from cometa.results.services import framework
from tests.links.conftest import cf_definition
from tests.web.scene_scorecards import assessment_for


def _plan(office: Organisation, code: str) -> None:
    plan = framework.plan_create(
        actor=SYSTEM, office=office, content=PlanContent("Strategic Note", 2021, 2025, code)
    )
    outcome = framework.outcome_create(
        actor=SYSTEM, plan=plan, code="D_1.1", statement_text=Text("An outcome.")
    )
    version = definition_save(definition=cf_definition(1, True))[0]
    framework.indicator_attach(actor=SYSTEM, to=outcome, version=version)


def _results(scene: Any) -> None:
    if "links-results" in scene.cache:
        return
    _plan(scene.world.undp, "KAZ")
    mexico = accounts.organisation_create(
        actor=SYSTEM,
        name="UN Women Mexico",
        kind=Kind.UN_WOMEN_OFFICE,
        parent=scene.world.other_unct,
    )
    _plan(mexico, "MEX")
    scene.cache["links-results"] = True


def url(scene: Any, route: str, role: str, relation: str) -> str:
    _results(scene)
    assessment = assessment_for(scene, role, relation)
    return "/" + route.replace("<int:pk>", str(assessment.pk)).replace("<str:code>", "1.3")


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    return {"source": "results", "decision": "override", "reason": "matrix"}
