"""What the results services share: the permission check, refusals and the audit entry."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from cometa.accounts import audit
from cometa.accounts.acting import Actor
from cometa.accounts.models import Organisation
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.indicators.texts import Text
from cometa.results import access


def invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed({field: [message]})


def require_edit(actor: Actor, office: Organisation) -> None:
    if not access.may_edit(actor, office):
        raise NotPermitted(_("Only the office's editors may change its results."))


def statement(field: str, text: Text) -> dict[str, str]:
    """A text in three languages, refused without its English."""
    if not text.en.strip():
        raise invalid(field, _("Give the text in English at least."))
    return {lang: value.strip() for lang, value in text.as_dict().items()}


def record(
    *,
    actor: Actor,
    action: str,
    target: models.Model,
    office: Organisation,
    changes: Mapping[str, Any] | None = None,
) -> None:
    """The audit entry, inside the caller's transaction."""
    audit.record(
        actor=actor,
        action=f"results.{action}",
        target=target,
        changes=changes or {},
        organisation_id=office.pk,
    )
