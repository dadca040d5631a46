"""Charts drawn one at a time, and each drawn once for the same data.

matplotlib keeps its settings (``rcParams``) in one global dictionary, and the charts set
theirs with ``rc_context``, which changes that dictionary and restores it on the way out.
Two threads of a web worker drawing at once would restore each other's settings halfway
through a drawing, so :func:`drawn_once` lets one chart be drawn at a time in a process.

Drawing is also the slowest part of a report (a quarter of a second for the ratings
chart), and the same chart is asked for again and again: the report page, then its PDF
and its Word file, by every reader of an assessment that no longer changes. Charts are
pure functions of their arguments, so the last :data:`SIZE` results are kept, keyed by
the arguments' values. A hit costs the key (microseconds); the memory is bounded (a
chart is about 100 KB of PNG and SVG).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from functools import wraps
from typing import Any, ParamSpec, TypeVar

SIZE = 64

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_drawn: OrderedDict[Hashable, Any] = OrderedDict()


def drawn_once(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` serialised behind one lock per process, its results memoised."""

    @wraps(function)
    def memoised(*args: P.args, **kwargs: P.kwargs) -> R:
        key = (function.__qualname__, freeze(args), freeze(kwargs))
        with _lock:
            if key in _drawn:
                _drawn.move_to_end(key)
                found: R = _drawn[key]
                return found
            result = function(*args, **kwargs)
            _drawn[key] = result
            if len(_drawn) > SIZE:
                _drawn.popitem(last=False)
            return result

    return memoised


def freeze(value: object) -> Hashable:
    """A hashable value equal for equal arguments: mappings keep their order (a chart's
    series are drawn in that order), sequences become tuples."""
    if isinstance(value, str | int | float | bool | None):
        return (type(value).__name__, value)
    if isinstance(value, Mapping):
        return ("map", tuple((freeze(key), freeze(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return ("seq", tuple(freeze(item) for item in value))
    raise TypeError(f"a chart argument of type {type(value).__name__} cannot be a cache key")


def cache_clear() -> None:
    with _lock:
        _drawn.clear()


def cache_size() -> int:
    return len(_drawn)
