"""What the pages that run the network share: a form handed to a service, and refusals
made before any form is read (so that a person who may not act learns it first)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.forms import Form

from cometa.core.errors import ServiceError
from cometa.core.web.pages import form_error


def saved(form: Form, call: Callable[[dict[str, Any]], object]) -> bool:
    """Calls the service with the form's data when it parses; a refusal lands on the
    form next to the field it names (a refusal of permission answers 403)."""
    if not form.is_valid():
        return False
    try:
        call(form.cleaned_data)
    except ServiceError as error:
        form_error(form, error)
        return False
    return True


def allowed_or_403(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def labelled(rows: Any, label: Callable[[Any], str] = str) -> list[tuple[int, str]]:
    """Choices from rows read through the selectors: (id, label)."""
    return [(row.pk, label(row)) for row in rows]
