"""What the files page and the files API share: the format asked for a kind of file, the
member an export is limited to, and the download itself (formats and content types are
the reports floor's)."""

from __future__ import annotations

from django.http import Http404, HttpResponse

from cometa.accounts.models import Person
from cometa.core.web.downloads import attachment
from cometa.network import selectors_network
from cometa.network.models import Member, Network
from cometa.network.tabular import writing
from cometa.network.tabular.columns import KINDS
from cometa.reports.renderers import CONTENT_TYPES


def file_response(content: bytes, name: str, fmt: str) -> HttpResponse:
    return attachment(content, f"{name}.{fmt}", CONTENT_TYPES[fmt])


def chosen(kind: str, fmt: str | None) -> str:
    """The format asked for; an unknown kind or format is not found."""
    if kind not in KINDS or (fmt or "csv") not in writing.FORMATS:
        raise Http404("No such file.")
    return fmt or "csv"


def export_member(person: Person, network: Network, raw: str | None) -> Member | None:
    """The member an export is limited to (None: everything the person reads)."""
    if not raw:
        return None
    return selectors_network.member_get(person, network, raw)
