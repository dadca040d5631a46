"""Small helpers shared by the server-rendered pages."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.forms import Form
from django.http import HttpRequest

from cometa.core.errors import NotPermitted, ServiceError, ValidationFailed

PAGE_SIZE = 25


def paginate(request: HttpRequest, rows: QuerySet[Any], size: int = PAGE_SIZE) -> Page[Any]:
    return Paginator(rows, size).get_page(request.GET.get("page"))


def form_error(form: Form, error: ServiceError) -> None:
    """Shows a service's refusal on the form, next to the field it names. A refusal of
    permission is not a form problem: it propagates and answers 403."""
    if isinstance(error, NotPermitted):
        raise error
    if isinstance(error, ValidationFailed):
        for field, messages in error.errors.items():
            for message in messages:
                form.add_error(field if field in form.fields else None, message)
        return
    form.add_error(error.field if error.field in form.fields else None, error.message)
