"""Personal API tokens: random secrets shown once, stored as SHA-256 digests."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cometa.accounts import audit
from cometa.accounts.models import ApiToken, Person
from cometa.core.errors import NotPermitted, ServiceError, ValidationFailed

PREFIX = "cmt_"


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown to the person once, never stored


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_create(*, actor: Person, name: str, days: int = 90) -> IssuedToken:
    if not name.strip():
        raise ValidationFailed(
            {"name": [_("Give the token a name, such as the script that uses it.")]}
        )
    if not 1 <= days <= settings.API_TOKEN_MAX_DAYS:
        most = settings.API_TOKEN_MAX_DAYS
        message = ngettext(
            "A token lives between 1 and %(most)d day.",
            "A token lives between 1 and %(most)d days.",
            most,
        )
        raise ValidationFailed({"days": [message % {"most": most}]})
    secret = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            person=actor,
            name=name.strip()[:80],
            prefix=secret[: len(PREFIX) + 6],
            digest=digest(secret),
            expires_at=timezone.now() + timedelta(days=days),
        )
        audit.record(
            actor=actor,
            action="token.create",
            target=token,
            changes={
                "name": [None, token.name],
                "expires_at": [None, token.expires_at.isoformat()],
            },
        )
    return IssuedToken(token, secret)


def token_revoke(*, actor: Person, token: ApiToken) -> ApiToken:
    if token.person_id != actor.pk and not actor.is_platform_admin:
        raise NotPermitted(_("This is not your token."))
    if token.revoked_at is not None:
        raise ServiceError("already_revoked", _("This token was already revoked."))
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(
            actor=actor,
            action="token.revoke",
            target=token,
            changes={"revoked_at": [None, token.revoked_at.isoformat()]},
        )
    return token


class TokenRejected(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def token_authenticate(secret: str) -> Person:
    """The person a presented token belongs to, or TokenRejected saying why not."""
    token = ApiToken.objects.select_related("person").filter(digest=digest(secret)).first()
    if token is None:
        raise TokenRejected("token_invalid", _("The API token is not valid."))
    now = timezone.now()
    if token.revoked_at is not None:
        raise TokenRejected("token_revoked", _("The API token was revoked."))
    if token.expires_at <= now:
        raise TokenRejected("token_expired", _("The API token has expired; create a new one."))
    if not token.person.is_active:
        raise TokenRejected("account_inactive", _("The account this token belongs to is inactive."))
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.person
