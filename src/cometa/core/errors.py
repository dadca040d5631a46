"""Errors raised by services. Each has a stable code that the API and the pages show.

The code is for programs and never changes; the message is for people and is in the
language of the request: raise with ``gettext`` (``_``) at the point of failure, where the
request's language is active.
"""

from __future__ import annotations

from django.utils.translation import gettext


class ServiceError(Exception):
    """A request that cannot be carried out as asked. Nothing was changed."""

    status = 400

    def __init__(self, code: str, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


class ValidationFailed(ServiceError):
    status = 400

    def __init__(self, errors: dict[str, list[str]], *, code: str = "invalid") -> None:
        first_field, messages = next(iter(errors.items()))
        super().__init__(code, f"{first_field}: {messages[0]}", field=first_field)
        self.errors = errors


class NotPermitted(ServiceError):
    status = 403

    def __init__(self, message: str | None = None, *, code: str = "forbidden") -> None:
        # The default is looked up here, in the language of the request being refused.
        super().__init__(code, message if message is not None else gettext("You may not do this."))


class Conflict(ServiceError):
    status = 409
