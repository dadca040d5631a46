"""Reference shares of the groups the seed finds unreached: set or cleared by the
backbone's coordinators (``may_manage``), one per group the platform records, each change
audited with the old and new share, source and year."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor, person_or_none
from cometa.network.access import may_manage
from cometa.network.comparison.reach import by_key
from cometa.network.models import Network, NetworkReference
from cometa.network.services.common import invalid, record, require

__all__ = ["reference_clear", "reference_set"]


def _group(group: str) -> str:
    found = by_key().get(group)
    if found is None or not found.recorded:
        raise invalid("group", _("There is no recorded group %(group)s.") % {"group": group})
    return group


def _share(share: object) -> Decimal:
    try:
        value = Decimal(str(share)).quantize(Decimal("0.1"))
    except (InvalidOperation, ValueError):
        raise invalid("share", _("Give the share as a number from 0 to 100.")) from None
    if not Decimal(0) <= value <= Decimal(100):
        raise invalid("share", _("Give the share as a number from 0 to 100."))
    return value


def _checked(source: str, year: int | None) -> tuple[str, int | None]:
    source = source.strip()
    if not source:
        raise invalid("source", _("Say where the reference share comes from."))
    if year is not None and not 1900 <= year <= 2100:
        raise invalid("year", _("Give a year from 1900 to 2100."))
    return source[:300], year


def _state(found: NetworkReference | None) -> list[object] | None:
    return None if found is None else [str(found.share), found.source, found.year]


def reference_set(
    *, actor: Actor, network: Network, group: str, share: object, source: str,
    year: int | None = None,
) -> NetworkReference:  # fmt: skip
    """Sets the reference share of ``group`` (a percentage, one decimal)."""
    require(may_manage(actor, network), _("Only the backbone's coordinators set references."))
    group, value = _group(group), _share(share)
    source, year = _checked(source, year)
    with transaction.atomic():
        found = NetworkReference.objects.select_for_update().filter(
            network=network, group=group
        ).first()  # fmt: skip
        before = _state(found)
        if found is None:
            found = NetworkReference(network=network, group=group)
        found.share, found.source, found.year = value, source, year
        found.updated_at, found.updated_by = timezone.now(), person_or_none(actor)
        found.save()
        record(
            actor=actor, action="reference.set", target=found,
            organisation_id=network.backbone_id,
            changes={"group": [group, group], "reference": [before, _state(found)]},
        )  # fmt: skip
    return found


def reference_clear(*, actor: Actor, network: Network, group: str) -> None:
    """Removes the reference share of ``group`` (the page then shows no gap for it)."""
    require(may_manage(actor, network), _("Only the backbone's coordinators set references."))
    with transaction.atomic():
        found = NetworkReference.objects.filter(network=network, group=_group(group)).first()
        if found is None:
            return
        record(
            actor=actor, action="reference.clear", target=found,
            organisation_id=network.backbone_id,
            changes={"group": [group, group], "reference": [_state(found), None]},
        )  # fmt: skip
        found.delete()
