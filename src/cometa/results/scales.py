"""The fixed scales of the results module, as code lists, without the database.

**Progress assessment** of an outcome in a year (``Progress``). Four codes, chosen to
match how offices already write ("considerable progress", "progress was made") while
staying few enough to compare across offices:

==============  =====================================================================
code            meaning
==============  =====================================================================
on_track        the outcome is where the plan expected it by now, or beyond
partly          progress, but behind the plan on some of its indicators or outputs
off_track       little or no progress, or going backwards; the plan needs changing
not_assessed    no assessment yet (a new outcome, or no evidence gathered this year)
==============  =====================================================================

"Not assessed" is a code of its own rather than an empty value, so a report can say it;
shares of outcomes on track (UNCT-SWAP PI 7.1) leave it out of the denominator.

**Gender equality marker** (``GenderMarker``), the UN system's 0-3 scale for what a
budget line is expected to contribute to gender equality: 0 not expected to contribute
noticeably, 1 contributes in a limited way, 2 gender equality is a significant
objective, 3 it is the principal objective. Budgets marked 2 or 3 count towards the
share of budget for gender equality (UNCT-SWAP PI 6.1).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cometa.results.budgets import share_of


class Progress(models.TextChoices):
    ON_TRACK = "on_track", gettext_lazy("On track")
    PARTLY = "partly", gettext_lazy("Partly on track")
    OFF_TRACK = "off_track", gettext_lazy("Off track")
    NOT_ASSESSED = "not_assessed", gettext_lazy("Not assessed")


class GenderMarker(models.IntegerChoices):
    NONE = 0, gettext_lazy("0: not expected to contribute noticeably to gender equality")
    LIMITED = 1, gettext_lazy("1: contributes to gender equality in a limited way")
    SIGNIFICANT = 2, gettext_lazy("2: gender equality is a significant objective")
    PRINCIPAL = 3, gettext_lazy("3: gender equality is the principal objective")

    @property
    def counts_for_share(self) -> bool:
        """Whether budget with this marker counts as spent for gender equality."""
        return self >= 2


@dataclass(frozen=True)
class OnTrack:
    on_track: int
    assessed: int  # outcomes with an assessment other than "not assessed"
    share: Decimal | None  # on_track / assessed; None when nothing was assessed


def on_track_share(assessments: Iterable[str]) -> OnTrack:
    """How many of the assessed outcomes are on track."""
    codes = list(assessments)
    unknown = sorted(set(codes) - set(Progress.values))
    if unknown:
        raise ValueError(
            _("Unknown progress assessment: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    assessed = [code for code in codes if code != Progress.NOT_ASSESSED]
    on_track = sum(1 for code in assessed if code == Progress.ON_TRACK)
    return OnTrack(on_track, len(assessed), share_of(Decimal(on_track), Decimal(len(assessed))))
