"""Personal API tokens: random secrets shown once, stored as SHA-256 digests.

A token is no stronger than the sign-in it stands for: a person whose role needs a second
factor has tokens that work only once the factor is set up; making a token needs a recent
second-factor check if the person has (or needs) one; a token made with a token expires no
later than it; and a new password revokes every token of the person.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cometa.accounts import audit, second_factor
from cometa.accounts.acting import Actor
from cometa.accounts.models import ApiToken, Person
from cometa.core.errors import NotPermitted, ServiceError, ValidationFailed

PREFIX = "cmt_"


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown to the person once, never stored


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def needs_recent_check(person: Person) -> bool:
    """Making a token asks for a recent second-factor check of people who have one or
    whose role needs one (the others have none to give)."""
    return person.has_second_factor or second_factor.required_for(person)


def is_recent(checked_at: datetime | None) -> bool:
    recent = timedelta(seconds=settings.SECOND_FACTOR_RECENT_SECONDS)
    return checked_at is not None and timezone.now() - checked_at <= recent


def _check_days(days: int, via: ApiToken | None) -> None:
    if not 1 <= days <= settings.API_TOKEN_MAX_DAYS:
        most = settings.API_TOKEN_MAX_DAYS
        message = ngettext(
            "A token lives between 1 and %(most)d day.",
            "A token lives between 1 and %(most)d days.",
            most,
        )
        raise ValidationFailed({"days": [message % {"most": most}]})
    if via is not None and timezone.now() + timedelta(days=days) > via.expires_at:
        left = max(0, (via.expires_at - timezone.now()).days)
        message = ngettext(
            "A token made with a token cannot outlive it: at most %(left)d day.",
            "A token made with a token cannot outlive it: at most %(left)d days.",
            left,
        )
        raise ValidationFailed({"days": [message % {"left": left}]})


def token_create(
    *,
    actor: Person,
    name: str,
    days: int = 90,
    second_factor_at: datetime | None = None,
    via: ApiToken | None = None,
) -> IssuedToken:
    """Makes a token. ``second_factor_at``: when the person last gave a second-factor code;
    ``via``: the token the request came with, if it came with one."""
    if not name.strip():
        raise ValidationFailed(
            {"name": [_("Give the token a name, such as the script that uses it.")]}
        )
    _check_days(days, via)
    if needs_recent_check(actor) and not is_recent(second_factor_at):
        minutes = settings.SECOND_FACTOR_RECENT_SECONDS // 60
        raise NotPermitted(
            _(
                "To make a token, confirm your second factor again: give the current code "
                "(a check more than %(minutes)d minutes old does not count)."
            )
            % {"minutes": minutes},
            code="second_factor_recent_required",
        )
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


def revoke_all(*, actor: Actor, person: Person, reason: str) -> int:
    """Revokes every live token of the person, each with an audit entry giving the reason.
    Called inside the caller's transaction (a password change)."""
    now = timezone.now()
    live = ApiToken.objects.select_for_update().filter(person=person, revoked_at__isnull=True)
    count = 0
    for token in live:
        token.revoked_at = now
        token.save(update_fields=["revoked_at"])
        audit.record(
            actor=actor,
            action="token.revoke",
            target=token,
            changes={"revoked_at": [None, now.isoformat()], "reason": [None, reason]},
        )
        count += 1
    return count


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
    def __init__(self, code: str, message: str, *, status: int = 401) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status  # 401: not a usable token; 403: a token, not usable yet


def token_authenticate(secret: str) -> ApiToken:
    """The token presented (its person loaded), or TokenRejected saying why not."""
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
    person = token.person
    if not person.has_second_factor and second_factor.required_for(person):
        raise TokenRejected(
            "second_factor_required",
            _(
                "Your role now needs a second factor, and you have not set one up: sign in "
                "to the web pages and set it up, then this token works again."
            ),
            status=403,
        )
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
