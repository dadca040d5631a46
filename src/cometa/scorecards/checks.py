"""At start-up, every shipped framework file must load and validate."""

from __future__ import annotations

from typing import Any

from django.core.checks import Error, register

from cometa.scorecards.frameworks.loading import builtin_frameworks


@register()
def shipped_frameworks_are_valid(app_configs: Any, **kwargs: Any) -> list[Error]:
    try:
        builtin_frameworks()
    except ValueError as error:  # FrameworkError names the file and the line
        return [Error(f"A shipped scorecard framework is invalid: {error}", id="cometa.E101")]
    return []
