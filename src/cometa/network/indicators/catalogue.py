"""The common indicators as a catalogue for readers (the API, the CLI): each definition
with the latest version the indicators floor holds of it (None until ``recompute`` has
saved it there). Reads only; the definitions themselves live in ``definitions.py``."""

from __future__ import annotations

from dataclasses import dataclass

from cometa.indicators.models import IndicatorVersion
from cometa.network.indicators.definitions import COMMON, Common

__all__ = ["Listed", "common_definitions"]


@dataclass(frozen=True)
class Listed:
    common: Common
    version: int | None


def common_definitions() -> list[Listed]:
    """Every common indicator, in the order of ``COMMON``, with its latest version."""
    latest: dict[str, int] = {}
    rows = IndicatorVersion.objects.filter(
        indicator__code__in=[c.code for c in COMMON]
    ).values_list("indicator__code", "number")
    for code, number in rows:
        latest[code] = max(number, latest.get(code, 0))
    return [Listed(common, latest.get(common.code)) for common in COMMON]
