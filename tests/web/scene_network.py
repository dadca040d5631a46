"""Builds URLs and bodies for the network's rows of the permission matrix.

UNCT Kazakhstan (the viewer, editor and coordinator) is a partner of a network whose
backbone the reviewer coordinates; a third organisation is another partner; UNCT Mexico
(the outsider) takes no part. `own` is a woman registered with UNCT Kazakhstan, `other`
one registered with the other partner; both agreed to share with the backbone. The
restore routes use a removed record of each (only her partner's coordinators reach it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.roles import Role
from cometa.network.models import FollowUpTask
from cometa.network.services import delivery, erasure, network, participants, progress

DAY = date(2024, 2, 5)


def _partner(net: Any, organisation: Any, pathway: Any, code: str) -> dict[str, Any]:
    member = network.member_join(
        actor=SYSTEM, network=net, organisation=organisation, starts_on=DAY
    )
    site = delivery.site_create(
        actor=SYSTEM, member=member, name=f"Centre {code}", kind="community_centre",
        state_code="14", municipality_code="14120", urbanisation="U",
    )  # fmt: skip
    cohort = delivery.cohort_create(
        actor=SYSTEM, site=site, pathway=pathway, code=code, starts_on=DAY, ends_on=DAY,
        capacity=10,
    )  # fmt: skip
    women = {}
    for key in ("woman", "fresh", "removed"):
        women[key] = participants.participant_register(
            actor=SYSTEM, member=member, registered_on=DAY, identity={"given_names": key},
            consents={"take_part": DAY, "share_backbone": DAY},
        )  # fmt: skip
        women[f"{key}-enrolment"] = progress.enrol(
            actor=SYSTEM, participant=women[key], cohort=cohort, enrolled_on=DAY
        )
    done = women["woman-enrolment"]
    for step in ("active", "completed"):
        progress.enrolment_change(actor=SYSTEM, enrolment=done, to_status=step, on=DAY)
    women["task"] = FollowUpTask.objects.get(enrolment=done, round="fu3")
    women["member"], women["cohort"] = member, cohort
    women["unenrolled"] = participants.participant_register(
        actor=SYSTEM, member=member, registered_on=DAY, identity={"given_names": "new"},
        consents={"take_part": DAY, "share_backbone": DAY},
    )  # fmt: skip
    erasure.participant_remove(actor=SYSTEM, participant=women["removed"], reason="duplicate")
    return women


def built(scene: Any) -> dict[str, Any]:
    if "network" not in scene.cache:
        world = scene.world
        backbone = accounts.organisation_create(
            actor=SYSTEM, name="Matrix backbone", kind="backbone"
        )
        accounts.membership_add(
            actor=SYSTEM, organisation=backbone, person=world.rita, role=Role.COORDINATOR
        )
        accounts.membership_add(  # the editor works for UNDP: here, for the partner too
            actor=SYSTEM, organisation=world.unct, person=world.bolat, role=Role.EDITOR
        )
        other = accounts.organisation_create(actor=SYSTEM, name="Other partner", kind="partner")
        net = network.network_create(actor=SYSTEM, name="Matrix network", backbone=backbone)
        programme = delivery.programme_create(
            actor=SYSTEM, network=net, code="p", name="P", pathways={"employment": "Employment"}
        )
        pathway = programme.pathways.get()
        scene.cache["network"] = {
            "network": net,
            "own": _partner(net, world.unct, pathway, "OWN"),
            "other": _partner(net, other, pathway, "OTHER"),
        }
    return scene.cache["network"]  # type: ignore[no-any-return]


def url(scene: Any, route: str, role: str, relation: str) -> str:
    found = built(scene)
    women = found["other" if relation.startswith("other") else "own"]
    her = women["removed" if "restore" in route else "unenrolled" if "enrol/" in route else "woman"]
    enrolment = women["fresh-enrolment"]
    return "/" + (
        route.replace("<int:pk>", str(found["network"].pk))
        .replace("<str:code>", her.code)
        .replace("<int:enrolment_pk>", str(enrolment.pk))
        .replace("<int:task_pk>", str(women["task"].pk))
        .replace("<int:member_pk>", str(women["member"].pk))
    )


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    women = built(scene)["other" if relation.startswith("other") else "own"]
    if route.endswith("participants/new/"):
        return {"member": women["member"].pk, "given_names": "Matrix", "take_part": "on",
                "registered_on": "2024-02-05"}  # fmt: skip
    if route.endswith("enrol/"):
        return {"cohort": women["cohort"].pk, "enrolled_on": "2024-02-05"}
    if "members/" in route:
        return {"objectives": "Matrix objectives"}
    if "change" in route:
        return {"to_status": "active", "on": "2024-02-06"}
    if "attempt" in route:
        when = "2024-12-02T10:00:00Z" if route.startswith("api/") else "2024-12-02T10:00"
        return {"attempted_at": when, "mode": "phone", "result": "no_answer"}
    if "respond" in route or "response" in route:
        return {"responded_on": "2024-12-02", "work_status": "employed"}
    if "remove" in route or "erase" in route:
        return {"reason": "duplicate"}
    return {}
