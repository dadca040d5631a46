"""What links adds to the shell: the providers of suggested scorecard ratings (no routes,
pages or audit entries of its own; the scorecards record the team's decisions)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from cometa.core.registry import Module
from cometa.links.suggestions import rating_suggestions

MODULE = Module(
    key="links",
    label=gettext_lazy("Links between modules"),
    rating_suggestions=(rating_suggestions,),
)
