"""Reads of rating frameworks, for pages, the API and the command line alike.

Everyone signed in sees the published versions; platform administrators also see drafts.
A version the person may not see answers 404.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from cometa.accounts.models import Person
from cometa.core.errors import ValidationFailed
from cometa.core.ids import parse_id
from cometa.scorecards.frameworks.engine import Rating
from cometa.scorecards.frameworks.rating import compute
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import FrameworkVersion


def as_pk(value: object) -> int:
    """A row id from an address or a query, or 404 when it is not one (not a number, or
    larger than the database holds)."""
    try:
        return parse_id(value, field="id")
    except ValidationFailed:
        raise Http404("Not found.") from None


def published_frameworks() -> QuerySet[FrameworkVersion]:
    """The versions a new assessment may use."""
    return FrameworkVersion.objects.filter(is_published=True).order_by("identifier", "-created_at")


def frameworks_for(person: Person, *, identifier: str = "") -> QuerySet[FrameworkVersion]:
    """Published framework versions (administrators also see drafts), newest first."""
    rows = FrameworkVersion.objects.all()
    if not person.is_platform_admin:
        rows = rows.filter(is_published=True)
    if identifier:
        rows = rows.filter(identifier=identifier)
    return rows.order_by("identifier", "-published_at", "-id")


def framework_get(person: Person, pk: object) -> FrameworkVersion:
    found = frameworks_for(person).filter(pk=as_pk(pk)).first()
    if found is None:
        raise Http404("No such framework version.")
    return found


def preview_rating(
    version: FrameworkVersion,
    code: str,
    answers: Mapping[str, Any],
    inputs: Mapping[str, Any],
) -> Rating:
    """Rates one indicator of ``version``, storing nothing. Every refusal names the criterion
    or the input it is about (as field ``answers.<criterion>`` or ``inputs.<key>``)."""
    framework = framework_of(version)
    try:
        indicator = framework.indicator(code)
    except KeyError:
        codes = ", ".join(item.code for item in framework.indicators)
        message = _("“%(code)s” is not an indicator of %(framework)s (use %(codes)s).")
        values = {"code": code, "framework": framework.identifier, "codes": codes}
        raise ValidationFailed({"indicator": [message % values]}) from None
    return compute(indicator, answers, inputs)
