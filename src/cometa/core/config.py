"""Strict readers for settings that come from the environment.

Every reader names the variable it read when the value is wrong, so a start-up
error always says which setting to fix.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class Env:
    """Reads typed values from a mapping of environment variables."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self.environ = os.environ if environ is None else environ

    def str(self, name: str, default: str = "") -> str:
        return self.environ.get(name, default).strip()

    def bool(self, name: builtins.str, default: bool = False) -> bool:
        raw = self.environ.get(name)
        if raw is None:
            return default
        word = raw.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ImproperlyConfigured(f"{name} must be true or false (1/0, yes/no), not {raw!r}.")

    def int(self, name: builtins.str, default: int, *, minimum: int = 0) -> int:
        raw = self.environ.get(name)
        if raw is None or not raw.strip():
            return default
        try:
            value = int(raw.strip())
        except ValueError:
            raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None
        if value < minimum:
            raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}.")
        return value

    def list(
        self, name: builtins.str, default: builtins.list[builtins.str]
    ) -> builtins.list[builtins.str]:
        raw = self.environ.get(name)
        if raw is None:
            return default
        return [item.strip() for item in raw.split(",") if item.strip()]

    def path(self, name: builtins.str, default: Path) -> Path:
        raw = self.str(name)
        return Path(raw).expanduser().resolve() if raw else default


def email_settings(url: str, *, variable: str) -> dict[str, object]:
    """Turns ``console://``, ``smtp://user:pass@host:port?tls=1`` or ``locmem://`` into settings."""
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if parts.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(
            f"{variable} must start with console://, smtp:// or smtps://, not {url!r}."
        )
    if not parts.hostname:
        raise ImproperlyConfigured(f"{variable} names no mail host: {url!r}.")
    query = parse_qs(parts.query)
    try:
        port = parts.port or (465 if parts.scheme == "smtps" else 25)
    except ValueError:
        raise ImproperlyConfigured(f"{variable} has a port that is not a number.") from None
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": query.get("tls", ["0"])[0] in TRUE_WORDS,
        "EMAIL_TIMEOUT": 20,
    }


MAX_TRUSTED_PROXIES = 5


@dataclass(frozen=True)
class ProxySettings:
    ssl_header: tuple[str, str] | None  # SECURE_PROXY_SSL_HEADER
    trusted_proxies: int  # TRUSTED_PROXIES


def proxy_settings(env: Env) -> ProxySettings:
    """``COMETA_BEHIND_PROXY`` and ``COMETA_TRUSTED_PROXIES``, checked against each other.

    Behind a proxy the default is one trusted proxy; without one, no ``X-Forwarded-*``
    header is believed and naming proxies is an error (it would let any client choose the
    address its failed sign-ins are counted for)."""
    behind = env.bool("COMETA_BEHIND_PROXY", False)
    proxies = env.int("COMETA_TRUSTED_PROXIES", 1 if behind else 0)
    if proxies > MAX_TRUSTED_PROXIES:
        raise ImproperlyConfigured(
            f"COMETA_TRUSTED_PROXIES must be at most {MAX_TRUSTED_PROXIES}, not {proxies}."
        )
    if proxies and not behind:
        raise ImproperlyConfigured(
            "COMETA_TRUSTED_PROXIES is set but COMETA_BEHIND_PROXY is off: set "
            "COMETA_BEHIND_PROXY=1 if a proxy is in front, else leave COMETA_TRUSTED_PROXIES unset."
        )
    return ProxySettings(("HTTP_X_FORWARDED_PROTO", "https") if behind else None, proxies)
