"""The navigation every page shows: the shell's home, then what modules registered,
each only to the people it admits."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cometa.core.registry import NavEntry, current_entry, registry

HOME = NavEntry(_("Home"), "web:home", 0, paths=("/",))


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Links the person may follow, with the current one marked. Computed only when a
    template asks for it (the error pages and the sign-in page never do)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_path": request.path}
    return {"nav_path": request.path, "nav_links": lambda: _links(request, user)}


def _links(request: HttpRequest, user: Any) -> list[dict[str, Any]]:
    entries = [HOME, *registry.navigation(user)]
    current = current_entry(entries, request.path)
    return [
        {"label": entry.label, "url": reverse(entry.url_name), "current": entry is current}
        for entry in entries
    ]
