"""Recomputing the common indicators: the definitions saved on the indicators floor (a
change of meaning makes a new version there) and the per-enrolment facts rebuilt, in one
transaction with its audit entry. Run after a bulk import, and nightly, by
``cometa network recompute``."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor, person_or_none
from cometa.indicators.definition_store import definition_save
from cometa.network.access import may_manage
from cometa.network.indicators.definitions import COMMON
from cometa.network.indicators.rebuild import rebuild
from cometa.network.models import Network
from cometa.network.services.common import record, require

__all__ = ["Recomputed", "recompute"]


@dataclass(frozen=True)
class Recomputed:
    facts: int
    definitions: int


def recompute(*, actor: Actor, network: Network) -> Recomputed:
    require(may_manage(actor, network), _("Only the backbone's coordinators recompute."))
    with transaction.atomic():
        for common in COMMON:
            definition_save(definition=common.definition, user=person_or_none(actor))
        facts = rebuild(network)
        record(
            actor=actor,
            action="recompute",
            target=network,
            organisation_id=network.backbone_id,
            changes={"facts": [None, facts]},
        )
    return Recomputed(facts=facts, definitions=len(COMMON))
