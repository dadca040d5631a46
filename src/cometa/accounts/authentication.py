from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from cometa.accounts.tokens import TokenRejected, token_authenticate


class TokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer cmt_...`` with a personal API token."""

    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        parts = header.split()
        if parts[0] != self.keyword:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Send the token as: Authorization: Bearer <token>."), code="token_malformed"
            )
        try:
            token = token_authenticate(parts[1])
        except TokenRejected as rejected:
            if rejected.status == 403:
                raise exceptions.PermissionDenied(rejected.message, code=rejected.code) from None
            raise exceptions.AuthenticationFailed(rejected.message, code=rejected.code) from None
        return token.person, token  # request.auth is the token (tokens made with it)

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class SessionAuthentication(authentication.SessionAuthentication):
    """The web session, with Django's CSRF check on unsafe methods."""


class SessionScheme(OpenApiAuthenticationExtension):
    target_class = "cometa.accounts.authentication.SessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "cometa.accounts.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer", "description": "Personal API token"}
