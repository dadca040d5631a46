"""Builds URLs and bodies for the rows of tests/web/matrix_network_participants.py, on
the network of tests/web/scene_network.py. Here the coordinator of the partner is also
designated for psychosocial follow-up; each partner has a mentor, one graduation
criterion is in use, and each woman has a psychosocial flag."""

from __future__ import annotations

from datetime import date
from typing import Any

from cometa.accounts.acting import SYSTEM
from cometa.core.jobs.models import Job
from cometa.network.codes import DesignationKind
from cometa.network.models import GraduationCriterion
from cometa.network.services import delivery, network, psychosocial
from tests.web import scene_network

DAY = date(2024, 2, 5)


def built(scene: Any) -> dict[str, Any]:
    found = scene_network.built(scene)
    if "participants" not in scene.cache:
        net = found["network"]
        GraduationCriterion.objects.create(
            network=net, code="plan", name="Plan", method="observation"
        )
        for side in ("own", "other"):
            women = found[side]
            women["mentor"] = delivery.staff_create(
                actor=SYSTEM, member=women["member"], name=f"Mentor {side}", role="mentor"
            )
            women["flag"] = psychosocial.flag_raise(
                actor=SYSTEM, participant=women["woman"], trigger="self_request",
                severity="routine", raised_on=DAY,
            )  # fmt: skip
        network.designation_grant(
            actor=SYSTEM,
            member=found["own"]["member"],
            person=scene.world.aisha,
            kind=DesignationKind.PSYCHOSOCIAL,
        )
        scene.cache["participants"] = True
    return found


def url(scene: Any, route: str, role: str, relation: str) -> str:
    found = built(scene)
    women = found["other" if relation.startswith("other") else "own"]
    enrolment = women["fresh-enrolment" if "mentoring" in route else "woman-enrolment"]
    if "<int:job_pk>" in route and "job" not in scene.cache:
        scene.cache["job"] = Job.objects.create(
            kind="network.import",
            requested_by=scene.world.aisha,
            parameters={"member": women["member"].pk, "kind": "participants"},
        )
    asked = f"?member={women['member'].pk}" if route.endswith("export/") else ""
    return (
        "/"
        + (
            route.replace("<int:pk>", str(found["network"].pk))
            .replace("<str:kind>", "participants")
            .replace("<int:job_pk>", str(scene.cache["job"].pk) if "job" in scene.cache else "")
            .replace("<str:code>", women["woman"].code)
            .replace("<int:enrolment_pk>", str(enrolment.pk))
            .replace("<int:flag_pk>", str(women["flag"].pk))
        )
        + asked
    )


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    found = built(scene)
    side, away = ("other", "own") if relation.startswith("other") else ("own", "other")
    if "mentoring" in route:
        return {"mentor": found[side]["mentor"].pk, "contacted_on": "2024-02-06", "mode": "phone"}
    if "graduation" in route:
        return {"assessed_on": "2024-02-06", "c_plan": "met"}
    if "consents" in route:
        return {"action": "give", "give-purpose": "transfer", "give-given_on": "2024-02-06"}
    if "transfer" in route:
        return {"to_member": found[away]["member"].pk, "on": "2024-02-06",
                "override_reason": "matrix"}  # fmt: skip
    if route.endswith("flags/new/"):
        return {"trigger": "mentor_concern", "severity": "routine", "raised_on": "2024-02-06"}
    if "refer" in route:
        return {"refer-service": "health", "refer-referred_on": "2024-02-06"}
    if "move" in route:
        return {"move-status": "contacted", "move-on": "2024-02-06"}
    return {}
