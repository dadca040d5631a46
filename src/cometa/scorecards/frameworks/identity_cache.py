"""A cache keyed by object identity: ``build(obj)`` computed once per live object and
forgotten when the object is collected (frameworks are immutable, so their compiled rules
can be kept as long as they live)."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import partial
from typing import Generic, TypeVar

_K = TypeVar("_K")
_V = TypeVar("_V")


class ByIdentity(Generic[_K, _V]):
    """``build(obj)`` computed once per live object; forgotten when the object is collected."""

    def __init__(self, build: Callable[[_K], _V]) -> None:
        self._build = build
        self._items: dict[int, tuple[weakref.ref[_K], _V]] = {}

    def get(self, obj: _K) -> _V:
        key = id(obj)
        hit = self._items.get(key)
        if hit is not None and hit[0]() is obj:
            return hit[1]
        value = self._build(obj)
        self._items[key] = (weakref.ref(obj, partial(self._forget, key)), value)
        return value

    def _forget(self, key: int, ref: object) -> None:
        hit = self._items.get(key)
        if hit is not None and hit[0] is ref:
            del self._items[key]
