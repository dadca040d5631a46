"""Builds URLs and bodies for the global view and knowledge hub rows of the permission
matrix: none of these routes takes an object or a body."""

from __future__ import annotations

from typing import Any


def url(scene: Any, route: str, role: str, relation: str) -> str:
    return "/" + route


def body(scene: Any, route: str, role: str, relation: str) -> dict[str, object]:
    return {}
