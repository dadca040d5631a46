"""Charts drawn one at a time, and each drawn once for the same data.

matplotlib, which paints the charts' PNG, keeps its settings and font objects global to
the process; :func:`drawn_once` and :func:`serialised` let one chart be laid out or
painted at a time in a process.

The same chart is asked for again and again: the report page, then its PDF and its Word
file, by every reader of an assessment that no longer changes, and painting a PNG takes
a tenth of a second. Charts are pure functions of their arguments, so the last
:data:`SIZE` results (with their PNG once painted) are kept, keyed by the arguments'
values. A hit costs the key (microseconds); the memory is bounded (a
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


def serialised(function: Callable[..., R], *args: Any) -> R:
    """``function(*args)`` behind the same lock: painting a chart's PNG uses matplotlib,
    whose settings are global to the process."""
    with _lock:
        return function(*args)


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
