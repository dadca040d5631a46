"""Errors raised by services. Each has a stable code that the API and the pages show."""

from __future__ import annotations


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

    def __init__(self, message: str = "You may not do this.", *, code: str = "forbidden") -> None:
        super().__init__(code, message)


class Conflict(ServiceError):
    status = 409
