"""IATI model objects (``cometa.interchange.iati.model``) to JSON and back, so an imported
activity can be kept in a JSON column and given back unchanged: ``load(Activity,
dump(activity)) == activity``. Generic over the model's frozen dataclasses, read from
their type hints; dates as ISO text, tuples as lists."""

from __future__ import annotations

import dataclasses
import datetime
import types
import typing
from functools import cache
from typing import Any, TypeVar

from cometa.interchange.iati import model

T = TypeVar("T")


def dump(value: Any) -> Any:
    """Plain JSON data (dicts, lists, text, numbers, booleans, None) of a model object."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {item.name: dump(getattr(value, item.name)) for item in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [dump(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def _load(hint: Any, data: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        (inner,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _load(inner, data)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_load(args[0], item) for item in data)
        return tuple(_load(arg, item) for arg, item in zip(args, data, strict=True))
    if hint is datetime.date:
        return datetime.date.fromisoformat(data)
    if dataclasses.is_dataclass(hint):
        return load(hint, data)  # type: ignore[arg-type]
    return data


def load(cls: type[T], data: dict[str, Any]) -> T:
    """The object of ``cls`` that ``dump`` gave ``data`` for."""
    hints = _hints(cls)  # type: ignore[arg-type]
    fields = {name: _load(hints[name], value) for name, value in data.items() if name in hints}
    return cls(**fields)
