"""The threshold k below which a count is not shown.

Inside the network a cell needs at least 5 people; anything that involves a psychosocial
or violence variable, or that leaves the network (a funder's report, IATI, a public page),
needs 10. A network may raise or lower both, but never below 3, and the stricter threshold
never below the ordinary one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from cometa.core.errors import ValidationFailed

__all__ = ["CEILING", "FLOOR", "Thresholds", "threshold"]

#: No network may show a count of fewer than 3 people, whatever it configures.
FLOOR = 3
#: A threshold above this hides nearly everything a network has; refused as a typing slip.
CEILING = 100


@dataclass(frozen=True)
class Thresholds:
    """A network's thresholds: ``inside`` for its own members, ``strict`` for sensitive
    variables and for anything that leaves the network."""

    inside: int = 5
    strict: int = 10

    def __post_init__(self) -> None:
        problems: dict[str, list[str]] = {}
        if not FLOOR <= self.inside <= CEILING:
            problems["inside"] = [
                _("Use a number from %(low)s to %(high)s.") % {"low": FLOOR, "high": CEILING}
            ]
        if not max(FLOOR, self.inside) <= self.strict <= CEILING:
            problems["strict"] = [
                _("Use a number from the ordinary threshold to %(high)s.") % {"high": CEILING}
            ]
        if problems:
            raise ValidationFailed(problems)


def threshold(
    thresholds: Thresholds | None = None, *, sensitive: bool = False, leaves_network: bool = False
) -> int:
    """The k for one release: the strict threshold when the release involves a
    psychosocial or violence variable or leaves the network, the ordinary one otherwise."""
    thresholds = thresholds or Thresholds()
    return thresholds.strict if sensitive or leaves_network else thresholds.inside
