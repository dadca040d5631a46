"""Builds URLs and bodies for the rows of tests/web/matrix_network_care_api.py, on the
scene of tests/web/scene_network_participants.py (a mentor per partner, one graduation
criterion, a flag per woman, the partner's coordinator designated), with one open consent
per woman to withdraw."""

from __future__ import annotations

from typing import Any

from cometa.network.models import Consent
from tests.web import scene_network_participants

DAY = scene_network_participants.DAY


def built(scene: Any) -> dict[str, Any]:
    found = scene_network_participants.built(scene)
    if "care-api" not in scene.cache:
        for side in ("own", "other"):
            women = found[side]
            women["consent"] = Consent.objects.create(
                participant=women["woman"], purpose="count_reports", given_on=DAY
            )
        scene.cache["care-api"] = True
    return found


def url(scene: Any, route: str, role: str, relation: str) -> str:
    found = built(scene)
    women = found["other" if relation.startswith("other") else "own"]
    enrolment = women["fresh-enrolment" if "mentoring" in route else "woman-enrolment"]
    return "/" + (
        route.replace("<int:pk>", str(found["network"].pk))
        .replace("<str:code>", women["woman"].code)
        .replace("<int:enrolment_pk>", str(enrolment.pk))
        .replace("<int:flag_pk>", str(women["flag"].pk))
        .replace("<int:consent_pk>", str(women["consent"].pk))
    )


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    found = built(scene)
    side, away = ("other", "own") if relation.startswith("other") else ("own", "other")
    if "mentoring" in route:
        return {"mentor": found[side]["mentor"].pk, "contacted_on": "2024-02-06", "mode": "phone"}
    if "graduation" in route:
        return {"assessed_on": "2024-02-06", "results": {"plan": "met"}}
    if route.endswith("withdrawal/"):
        return {"withdrawn_on": "2024-02-06"}
    if route.endswith("consents/"):
        return {"purpose": "transfer", "given_on": "2024-02-06"}
    if "transfer" in route:
        return {"to_member": found[away]["member"].pk, "on": "2024-02-06",
                "override_reason": "matrix"}  # fmt: skip
    if route.endswith("flags/"):
        return {"trigger": "mentor_concern", "severity": "routine", "raised_on": "2024-02-06"}
    if "referrals" in route:
        return {"service": "health", "referred_on": "2024-02-06"}
    if "status" in route:
        return {"status": "contacted", "on": "2024-02-06"}
    return {}
