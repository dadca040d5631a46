from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from cometa.accounts.access import is_reviewer
from cometa.accounts.models import Person
from cometa.scorecards.reporting.hub import may_use_hub


def navigation(request: HttpRequest) -> dict[str, Any]:
    """What the navigation shows: only links the person may follow."""
    user = getattr(request, "user", None)
    if not isinstance(user, Person):
        return {"nav_path": request.path}
    reviewer = user.is_platform_admin or is_reviewer(user)
    return {
        "nav_is_admin": user.is_platform_admin,
        "nav_is_reviewer": reviewer,
        "nav_can_use_hub": reviewer or may_use_hub(user),
        "nav_path": request.path,
    }
