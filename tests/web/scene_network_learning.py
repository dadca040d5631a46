"""URLs and bodies for the learning notes' rows of the permission matrix: the network of
scene_network.py with a frozen snapshot, a note on it, an action owned by the editor and
a meeting; `other` is a note of a second network the roles take no part in."""

from __future__ import annotations

from datetime import date
from typing import Any

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.network.services import network as network_services
from cometa.network.services.learning import action_add, note_write
from tests.network.learning import snapshot
from tests.web import scene_network


def _note(net: Any) -> Any:
    return note_write(
        actor=SYSTEM, network=net, snapshot=snapshot(net), title="Matrix", text="Learned"
    )


def _built(scene: Any) -> dict[str, Any]:
    found = scene_network.built(scene)
    if "learning" not in scene.cache:
        net = found["network"]
        note = _note(net)
        action = action_add(actor=SYSTEM, note=note, text="Do", owner=scene.world.bolat,
                            due_on=date(2024, 9, 30))  # fmt: skip
        meeting = network_services.meeting_record(
            actor=SYSTEM, network=net, kind="partners", held_on=date(2024, 10, 1), title="M"
        )
        backbone = accounts.organisation_create(actor=SYSTEM, name="Far", kind="backbone")
        far = network_services.network_create(actor=SYSTEM, name="Far", backbone=backbone)
        scene.cache["learning"] = {"note": note, "action": action, "meeting": meeting,
                                   "far": _note(far)}  # fmt: skip
    return {**found, **scene.cache["learning"]}  # type: ignore[dict-item]


def url(scene: Any, route: str, role: str, relation: str) -> str:
    found = _built(scene)
    note = found["far" if relation == "other" else "note"]
    if route.endswith("learning/reviews/"):  # the GET asks about one meeting
        route += f"?meeting={found['meeting'].pk}"
    return "/" + (
        route.replace("<int:pk>", str(found["network"].pk))
        .replace("<int:note_pk>", str(note.pk))
        .replace("<int:action_pk>", str(found["action"].pk))
        .replace("<int:meeting_pk>", str(found["meeting"].pk))
    )


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    found = _built(scene)
    if route.endswith(("learning/new/", "learning/notes/")):
        run = found["note"].snapshot_id
        return {"snapshot": run, "title": "Matrix note", "text": "What we learned"}
    if route.endswith("actions/"):
        return {"text": "Call", "owner": scene.world.bolat.pk, "due_on": "2024-12-01"}
    if "actions/" in route:
        return {"status": "done"}
    if "reviews/" in route:
        return {"meeting": found["meeting"].pk, "note": found["note"].pk, "outcome": "Seen"}
    return {}
