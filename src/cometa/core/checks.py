"""Start-up checks that refuse configurations which would be unsafe or broken."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def production_settings(app_configs: Any, **kwargs: Any) -> list[Error | Warning]:
    problems: list[Error | Warning] = []
    if settings.DEMO:
        problems.append(
            Warning(
                "COMETA_DEMO is on: demo mode is for a laptop, not for a server.",
                id="cometa.W001",
            )
        )
    if not settings.ALLOWED_HOSTS:
        problems.append(
            Error(
                "COMETA_ALLOWED_HOSTS is empty: name the host names this server answers to.",
                id="cometa.E001",
            )
        )
    if settings.EMAIL_BACKEND.endswith("console.EmailBackend") and not settings.RELAXED:
        problems.append(
            Warning(
                "COMETA_EMAIL_URL is console://: password-reset mail will not reach anyone.",
                id="cometa.W002",
            )
        )
    return problems
