"""A network's disclosure thresholds: the smallest group its pages and files show (k,
default 5) and the stricter one for psychosocial or violence variables and anything that
leaves the network (default 10). The backbone's coordinators set them within the floor's
bounds (never below 3, the strict one never below the ordinary one); stored runs keep
the k they were controlled with, so a change applies from the next recomputation."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor
from cometa.indicators.disclosure import Thresholds
from cometa.network.access import may_manage
from cometa.network.models import Network
from cometa.network.services.common import record, require

__all__ = ["thresholds_set"]


def thresholds_set(*, actor: Actor, network: Network, inside: int, strict: int) -> Network:
    require(may_manage(actor, network), _("Only the backbone's coordinators set thresholds."))
    Thresholds(inside, strict)  # refuses what the floor does not allow, field by field
    before = (network.cell_threshold, network.cell_threshold_strict)
    if before == (inside, strict):
        return network
    with transaction.atomic():
        network.cell_threshold, network.cell_threshold_strict = inside, strict
        network.save(update_fields=["cell_threshold", "cell_threshold_strict"])
        record(
            actor=actor, action="thresholds", target=network,
            organisation_id=network.backbone_id,
            changes={"inside": [before[0], inside], "strict": [before[1], strict]},
        )  # fmt: skip
    return network
