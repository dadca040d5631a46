"""What links adds to the shell: the providers of suggested scorecard ratings, and the API
route that takes a results actual from a network's stored total (no pages or audit entries
of its own: the scorecards record the team's decisions, results the values it stores)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from cometa.core.registry import Module, Routes
from cometa.links.suggestions import rating_suggestions

MODULE = Module(
    key="links",
    label=gettext_lazy("Links between modules"),
    rating_suggestions=(rating_suggestions,),
    api=(Routes("links/", "cometa.links.api_urls"),),
)
