"""``generate``: a whole synthetic network in one transaction, with progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from cometa.accounts import audit
from cometa.accounts.acting import SYSTEM
from cometa.core.errors import ValidationFailed
from cometa.network.generator import draw, layout, structure, volume
from cometa.network.models import Network, Participant

#: Called with (women written, women in all) after each cohort.
Report = Callable[[int, int], None]

MOST = 1_000_000


@dataclass(frozen=True)
class Generated:
    network: Network
    women: int
    cohorts: int
    centres: int


def _check(name: str, women: int, seed: int) -> None:
    if not 1 <= women <= MOST:
        raise ValidationFailed({"participants": [_("Give a number from 1 to 1,000,000.")]})
    if Network.objects.filter(name=name).exists():
        raise ValidationFailed(
            {
                "name": [
                    _("A network named “%(name)s” exists: choose another name.") % {"name": name}
                ]
            }
        )
    if Participant.objects.filter(code=draw.code_for(0, seed)).exists():
        raise ValidationFailed(
            {"seed": [_("Women of this seed are already stored: choose another seed.")]}
        )


def generate(
    *, women: int, seed: int, name: str = "Co-Meta Jalisco", report: Report | None = None
) -> Generated:
    """A network of ``women`` synthetic women, the same for the same (women, seed).

    All or nothing: one transaction, so a failure leaves no half network behind."""
    _check(name, women, seed)
    plan = layout.layout(women)
    with transaction.atomic():
        built = structure.build(name, plan)
        written = 0
        for planned, cohort in zip(plan.cohorts, built.cohorts, strict=True):
            centre = plan.centres[planned.centre]
            drawn = list(
                draw.women(
                    planned,
                    first_index=written,
                    seed=seed,
                    municipality=layout.municipality_name(centre.municipality_code),
                    rural=centre.urbanisation == "R",
                )
            )
            volume.write(built, cohort, drawn)
            written += len(drawn)
            if report is not None:
                report(written, women)
        audit.record(
            actor=SYSTEM,
            action="network.generate",
            target=built.network,
            organisation_id=built.network.backbone_id,
            changes={"participants": women, "seed": seed, "cohorts": len(built.cohorts)},
        )
    return Generated(built.network, written, len(built.cohorts), len(built.sites))
