"""The shell's own pages: the landing page (cards that modules register), search across
modules, and the liveness probe."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cometa.core.registry import registry

SEARCH_LIMIT = 20  # hits per module
SEARCH_MAX_LENGTH = 100


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Landing page: what waits for this person and what they can do, by role."""
    return render(request, "web/home.html", {"cards": registry.cards(request.user)})


@login_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """One search box over every module; each searches only what the person may see."""
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    hits = registry.search(request.user, query, SEARCH_LIMIT) if query else []
    return render(request, "web/search.html", {"query": query, "hits": hits})


@require_GET
def health(request: HttpRequest) -> HttpResponse:
    """A trivial answer: the framework's own ceiling for the benchmarks, and a liveness probe."""
    return HttpResponse("ok", content_type="text/plain")
