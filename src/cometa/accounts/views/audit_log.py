"""The audit trail page, for platform administrators."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cometa.accounts import access
from cometa.accounts.acting import person_of
from cometa.accounts.forms import AuditFilterForm
from cometa.accounts.selectors import audit_filter
from cometa.core.web.pages import paginate


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
    return render(request, "accounts/audit_list.html", {"form": form, "page": page})
