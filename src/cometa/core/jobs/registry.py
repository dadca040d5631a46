"""The kinds of job, registered by the modules that offer them.

A kind names a runner ``(job, progress) -> JobOutput`` that does the work, and an
``authorize(actor, parameters)`` that refuses (``NotPermitted``, ``ValidationFailed``) a
person who may not ask for it or parameters that make no sense. The runner runs in a
worker, as the person who asked: it should check again what that person may see.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from django.utils.functional import Promise

if TYPE_CHECKING:
    from cometa.core.jobs.models import Job


class Progress(Protocol):
    def __call__(self, done: int, total: int, message: str = "") -> None: ...


@dataclass(frozen=True)
class JobOutput:
    """The result file of a job: its name as offered for download, and its bytes."""

    name: str
    content: bytes


Runner = Callable[["Job", Progress], JobOutput]
Authorize = Callable[[Any, dict[str, Any]], None]


@dataclass(frozen=True)
class JobKind:
    name: str
    label: str | Promise  # shown on the job's page, translatable
    runner: Runner
    authorize: Authorize


_KINDS: dict[str, JobKind] = {}


def register(*, name: str, label: str | Promise, runner: Runner, authorize: Authorize) -> None:
    """Adds a kind of job; a second registration of the same name replaces the first only
    when it comes from the same runner (an app's ready() may run twice in tests)."""
    existing = _KINDS.get(name)
    if existing is not None and existing.runner is not runner:
        raise ValueError(f"job kind {name!r} is already registered by {existing.runner!r}")
    _KINDS[name] = JobKind(name=name, label=label, runner=runner, authorize=authorize)


def unregister(name: str) -> None:
    _KINDS.pop(name, None)


def kind_of(name: str) -> JobKind | None:
    return _KINDS.get(name)


def kind_names() -> list[str]:
    return sorted(_KINDS)
