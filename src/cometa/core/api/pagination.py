"""Page-number pagination for every API list, strict about its two parameters.

DRF's own pagination ignores a `page_size` it cannot read (``page_size=false`` gave the
default page) and answers a `page` that is not a number with 404 "Invalid page". A
client that made a mistake should hear about it: both answer 400 naming the parameter.
A page past the last one is still 404 (the schema documents it).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request


def positive_int(raw: str, *, name: str, most: int | None = None) -> int:
    """`raw` as a whole number from 1 to `most`, or a 400 naming the parameter."""
    try:
        if not raw.isascii():  # int() reads other scripts' digits too ("٣" is 3)
            raise ValueError(raw)
        value = int(raw, 10)
    except ValueError:
        raise ValidationError({name: [_("Give a whole number.")]}) from None
    if value < 1:
        raise ValidationError({name: [_("Give a number of at least 1.")]})
    if most is not None and value > most:
        raise ValidationError({name: [_("At most %(most)d.") % {"most": most}]})
    return value


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        return positive_int(raw, name=self.page_size_query_param, most=self.max_page_size)

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> Any:
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and raw not in self.last_page_strings:
            positive_int(raw, name=self.page_query_param)
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters
