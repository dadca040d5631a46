"""The audit trail page, for platform administrators: each entry's action in words, the row
it names as a link where the reader may open it, and its changes as before and after."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cometa.accounts import access
from cometa.accounts.acting import person_of
from cometa.accounts.audit_changes import ChangeRow, readable_changes
from cometa.accounts.forms import AuditFilterForm
from cometa.accounts.models import AuditEntry, Person
from cometa.accounts.selectors import audit_filter
from cometa.core.registry import Text, registry
from cometa.core.web.pages import paginate


@dataclass(frozen=True)
class AuditRow:
    entry: AuditEntry
    action: Text | None  # the action in words; None: a code no module names (shown as is)
    link: str | None  # the page of the row the entry names, if the reader may open it
    changes: list[ChangeRow]


def audit_row(person: Person, entry: AuditEntry) -> AuditRow:
    return AuditRow(
        entry=entry,
        action=registry.audit_action(entry.action),
        link=registry.object_link(person, entry.object_type, entry.object_id),
        changes=readable_changes(entry.changes),
    )


@login_required
@require_GET
def audit_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if not person.is_platform_admin:
        raise Http404("No such page.")
    form = AuditFilterForm(request.GET or None)
    rows = access.audit_entries_for(person)
    if form.is_valid():
        rows = audit_filter(rows, **form.cleaned_data)
    page = paginate(request, rows, size=50)
    entries = [audit_row(person, entry) for entry in page]
    return render(
        request, "accounts/audit_list.html", {"form": form, "page": page, "entries": entries}
    )
