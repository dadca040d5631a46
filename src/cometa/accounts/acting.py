"""The person behind a request, typed: every entry point asks here, not request.user."""

from __future__ import annotations

from typing import Any

from cometa.accounts.models import Person


def person_of(request: Any) -> Person:
    """The signed-in person. Views reach this only behind login_required or an API
    permission that demands authentication, so anything else is a programming error."""
    user = request.user
    if not isinstance(user, Person):
        raise PermissionError("person_of() needs a signed-in person")
    return user
