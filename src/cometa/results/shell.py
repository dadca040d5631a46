"""What the results module adds to the shell: its API routes (pages come later)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from cometa.core.registry import Module, Routes
from cometa.results.audit_words import ACTIONS

MODULE = Module(
    key="results",
    label=gettext_lazy("Results"),
    api=(Routes("results/", "cometa.results.api.urls"),),
    audit_actions=ACTIONS,
)
