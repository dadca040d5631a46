"""Our error pages: the CSRF failure page is ours, translated and allowed by our own CSP."""

from __future__ import annotations

import re

from django.utils import translation

from cometa.core.middleware import CONTENT_SECURITY_POLICY
from tests.conftest import HttpsClient

EXPLANATION = "The form was sent without a valid security token"


def _refused(language: str):
    client = HttpsClient(enforce_csrf_checks=True)
    return client.post(
        "/accounts/sign-in/",
        {"email": "someone@example.org", "password": "x"},
        headers={"Accept-Language": language},
    )


def test_a_csrf_failure_gets_our_own_page_that_our_csp_allows(db):
    response = _refused("en")
    assert response.status_code == 403
    assert "csrf_failure.html" in [template.name for template in response.templates]
    assert "base.html" in [template.name for template in response.templates]
    page = response.content.decode()
    assert EXPLANATION in page
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    # 'self' only: no inline style or script that the policy would block
    assert "<style" not in page and " style=" not in page
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)


def test_the_csrf_failure_page_speaks_the_visitors_language(db):
    page = _refused("es").content.decode()
    assert '<html lang="es">' in page
    with translation.override("es"):
        spanish = translation.gettext(
            "The form was sent without a valid security token. This happens when the page "
            "was open for a long time or your browser blocks cookies. Go back, reload the "
            "page and send the form again."
        )
    assert EXPLANATION not in spanish and spanish in page
