"""Builds URLs and bodies for the rows of the pages that run the network (membership,
meetings, centres, cohorts, attendance, staff and training): the network, partners and
women of ``scene_network``, plus a staff member and a session for each partner, a
meeting recorded by the system with a decision owned by each partner, and a module of
the baseline training. `own` is UNCT Kazakhstan's row (the partner of the viewer, editor
and coordinator), `other` the other partner's."""

from __future__ import annotations

from typing import Any

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.network.services import delivery, network
from tests.web import scene_network
from tests.web.scene_network import DAY


def _side(women: dict[str, Any]) -> dict[str, Any]:
    member, cohort = women["member"], women["cohort"]
    teacher = delivery.staff_create(
        actor=SYSTEM, member=member, name=f"Teacher {cohort.code}", role="instructor"
    )
    return {
        "member": member,
        "site": cohort.site,
        "cohort": cohort,
        "staff": teacher,
        "session": delivery.session_create(actor=SYSTEM, cohort=cohort, held_on=DAY),
        "enrolment": women["fresh-enrolment"],
    }


def built(scene: Any) -> dict[str, Any]:
    if "network_members" not in scene.cache:
        found = scene_network.built(scene)
        net = found["network"]
        own, other = _side(found["own"]), _side(found["other"])
        meeting = network.meeting_record(
            actor=SYSTEM, network=net, kind="partners", held_on=DAY, title="Matrix meeting",
            attendees=[own["member"], other["member"]],
        )  # fmt: skip
        for side in (own, other):
            side["decision"] = network.decision_add(
                actor=SYSTEM, meeting=meeting, text="Matrix decision", owner=side["member"]
            )
        module = delivery.training_module_create(
            actor=SYSTEM, network=net, code="gender", name="Gender", refresher_months=12
        )
        newcomer = accounts.organisation_create(
            actor=SYSTEM, name="Matrix newcomer", kind="funder", parent=net.backbone
        )
        scene.cache["network_members"] = {
            "newcomer": newcomer,
            "network": net, "own": own, "other": other, "meeting": meeting, "module": module,
        }  # fmt: skip
    return scene.cache["network_members"]  # type: ignore[no-any-return]


def _side_of(found: dict[str, Any], relation: str) -> dict[str, Any]:
    return found["other" if relation.startswith("other") else "own"]  # type: ignore[no-any-return]


def url(scene: Any, route: str, role: str, relation: str) -> str:
    found = built(scene)
    side = _side_of(found, relation)
    if route.endswith("exit-survey/"):  # the survey comes once the membership has ended
        network.member_leave(actor=SYSTEM, member=side["member"], ends_on=DAY, reason="")
    return "/" + (
        route.replace("<int:pk>", str(found["network"].pk))
        .replace("<int:member_pk>", str(side["member"].pk))
        .replace("<int:meeting_pk>", str(found["meeting"].pk))
        .replace("<int:decision_pk>", str(side["decision"].pk))
        .replace("<int:site_pk>", str(side["site"].pk))
        .replace("<int:cohort_pk>", str(side["cohort"].pk))
        .replace("<int:session_pk>", str(side["session"].pk))
        .replace("<int:staff_pk>", str(side["staff"].pk))
    )


BODIES: dict[str, dict[str, object]] = {
    "onboard/": {"orientation_on": "2024-02-06"},
    "leave/": {"ends_on": "2024-02-06", "reason": "matrix"},
    "exit-survey/": {
        "answered_on": "2024-02-06",
        "experience": "3",
        "felt_heard": "true",
        "told_why": "true",
    },
    "meetings/new/": {"kind": "partners", "held_on": "2024-02-06", "title": "Matrix"},
    "decisions/": {"text": "Matrix"},
    "done/": {"done_on": "2024-02-06"},
    "sites/": {
        "name": "Matrix centre",
        "kind": "community_centre",
        "state_code": "14",
        "municipality_code": "14120",
        "urbanisation": "U",
    },
    "programmes/": {"code": "m", "name": "Matrix", "pathways": "employment"},
    "staff/": {"name": "Matrix mentor", "role": "mentor"},
    "mentor-limit/": {"mentor_limit": "12"},
    "training/": {"code": "bias", "name": "Unconscious bias", "refresher_months": "24"},
}


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    found = built(scene)
    side = _side_of(found, relation)
    if route.endswith("members/new/"):
        return {"organisation": found["newcomer"].pk, "starts_on": "2024-02-06"}
    if route.endswith("cohorts/"):
        return {"pathway": side["cohort"].pathway_id, "code": "MATRIX", "starts_on": "2024-02-05",
                "ends_on": "2024-03-05", "capacity": "10"}  # fmt: skip
    if route.endswith("sessions/"):
        return {"held_on": "2024-02-05"}
    if route.endswith("attendance/"):
        return {"listed": side["enrolment"].pk, "attended": side["enrolment"].pk}
    if route.endswith("training/") and "staff/" in route:
        return {"module": found["module"].pk, "completed_on": "2024-02-05"}
    for tail, data in BODIES.items():
        if route.endswith(tail):
            extra: dict[str, object] = {}
            if tail in ("sites/", "staff/"):
                extra["member"] = side["member"].pk
            if tail == "meetings/new/":
                extra["attendees"] = side["member"].pk
            return {**data, **extra}
    return {}
