"""The client's address behind trusted proxies (X-Forwarded-For)."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from cometa.core.clients import client_address, from_forwarded

PROXY = "10.0.0.5"


@pytest.mark.parametrize(
    ("forwarded", "trusted", "client"),
    [
        ("", 0, PROXY),  # no proxy configured
        ("203.0.113.7", 0, PROXY),  # header ignored when no proxy is trusted
        ("203.0.113.7", 1, "203.0.113.7"),  # one proxy: the last entry
        ("198.51.100.1, 203.0.113.7", 1, "203.0.113.7"),  # made-up entry on the left
        ("198.51.100.1, 203.0.113.7, 10.0.0.9", 2, "203.0.113.7"),  # CDN + proxy
        ("203.0.113.7", 2, PROXY),  # fewer entries than proxies: not believed
        ("not-an-address", 1, PROXY),
        ("203.0.113.7, ", 1, PROXY),  # empty last entry
        (" 2001:db8::1 ", 1, "2001:db8::1"),
        ("", 1, PROXY),
    ],
)
def test_the_client_is_the_entry_the_nearest_trusted_proxy_wrote(forwarded, trusted, client):
    assert from_forwarded(PROXY, forwarded, trusted) == client


def test_the_request_uses_the_configured_number_of_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7"
    )
    settings.TRUSTED_PROXIES = 0
    assert client_address(request) == PROXY
    settings.TRUSTED_PROXIES = 1
    assert client_address(request) == "203.0.113.7"
