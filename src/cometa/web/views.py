from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cometa.accounts.access import organisations_for, roles_by_organisation
from cometa.accounts.acting import person_of
from cometa.accounts.roles import Role
from cometa.scorecards.assessments.worklist import worklists


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Landing page: what this person can do, by role."""
    person = person_of(request)
    roles = roles_by_organisation(person)
    role_set = set(roles.values())
    context = {
        "organisations": organisations_for(person).filter(id__in=roles)[:20],
        "is_admin": person.is_platform_admin,
        "is_coordinator": Role.COORDINATOR in role_set,
        "is_reviewer": Role.REVIEWER in role_set,
        "is_editor": Role.EDITOR in role_set,
        "has_no_role": not roles and not person.is_platform_admin,
        "worklists": worklists(person),
    }
    return render(request, "web/home.html", context)


@require_GET
def health(request: HttpRequest) -> HttpResponse:
    """A trivial answer: the framework's own ceiling for the benchmarks, and a liveness probe."""
    return HttpResponse("ok", content_type="text/plain")
