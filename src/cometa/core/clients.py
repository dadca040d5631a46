"""The address of the client that sent a request, as far as the proxies in front are trusted.

Behind ``COMETA_TRUSTED_PROXIES`` proxies, each proxy appends the address it received the
request from to ``X-Forwarded-For``; the nearest one is ``REMOTE_ADDR``. The client is
therefore the N-th entry from the right: everything further left was written by the client
itself and may be made up. A header with fewer entries than trusted proxies, or an entry
that is not an IP address, is ignored and the connection's own address is used.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def from_forwarded(remote: str, forwarded_for: str, trusted_proxies: int) -> str:
    """The client's address (pure): ``remote`` unless the header names it."""
    if trusted_proxies < 1 or not forwarded_for.strip():
        return remote
    hops = [hop.strip() for hop in forwarded_for.split(",")]
    if len(hops) < trusted_proxies:
        return remote
    candidate = hops[-trusted_proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def client_address(request: HttpRequest) -> str:
    remote = str(request.META.get("REMOTE_ADDR") or "unknown")
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    return from_forwarded(remote, forwarded, settings.TRUSTED_PROXIES)
