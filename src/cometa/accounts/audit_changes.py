"""An audit entry's changes as people read them: one row per field with what it was and what
it became, each a short list of lines (a mapping becomes ``key: value`` lines, and of two
mappings only the keys that differ are shown). No database."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

__all__ = ["ChangeRow", "readable_changes"]


@dataclass(frozen=True)
class ChangeRow:
    field: str  # the field's name, with spaces: "agreed level"
    before: tuple[str, ...]  # empty: nothing (shown as a dash)
    after: tuple[str, ...]
    unrecorded: bool = False  # the value was changed but not written down (secrets)


def _value(value: Any) -> str:
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    if isinstance(value, list | tuple):
        return ", ".join(_value(item) for item in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{key}: {_value(item)}" for key, item in value.items())
    return str(value)


def _lines(value: Any, keys: list[str] | None = None) -> tuple[str, ...]:
    if value is None or value == "" or value == [] or value == {}:
        return ()
    if isinstance(value, Mapping):
        shown = keys if keys is not None else list(value)
        return tuple(f"{key}: {_value(value[key])}" for key in shown if key in value)
    return (_value(value),)


def _row(field: str, change: Any) -> ChangeRow:
    name = field.replace("_", " ")
    if isinstance(change, Mapping) and change.get("changed"):
        return ChangeRow(name, (), (), unrecorded=True)
    if not isinstance(change, list | tuple) or len(change) != 2:
        return ChangeRow(name, (), _lines(change))
    before, after = change
    if isinstance(before, Mapping) and isinstance(after, Mapping):
        keys = [k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)]
        return ChangeRow(name, _lines(before, keys), _lines(after, keys))
    return ChangeRow(name, _lines(before), _lines(after))


def readable_changes(changes: Mapping[str, Any]) -> list[ChangeRow]:
    """``{"field": [before, after]}`` (or ``{"field": {"changed": true}}``) as rows."""
    return [_row(str(field), change) for field, change in changes.items()]
