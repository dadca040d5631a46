"""Roles and what each may do: one table, read by services, selectors and the matrix test."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    VIEWER = "viewer", _("Viewer")
    EDITOR = "editor", _("Editor")
    COORDINATOR = "coordinator", _("Coordinator")
    REVIEWER = "reviewer", _("Reviewer")


# Higher rank includes the powers of lower ranks within one organisation.
RANK = {Role.VIEWER: 1, Role.EDITOR: 2, Role.REVIEWER: 2, Role.COORDINATOR: 3}

# Roles that administer something or may later read identifiable participant data
# must sign in with a second factor.
SECOND_FACTOR_ROLES = frozenset({Role.COORDINATOR})


def can_edit(role: str) -> bool:
    return role in {Role.EDITOR, Role.COORDINATOR}


def can_administer(role: str) -> bool:
    return role == Role.COORDINATOR


def reviews_across_organisations(role: str) -> bool:
    return role == Role.REVIEWER
