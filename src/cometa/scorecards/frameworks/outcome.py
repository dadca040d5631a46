"""What the rating engine gives and takes: answers, its refusal, and a rating with the
trace of why, including what the next level still needs as structured records (pages,
reports and the API word them in the reader's language, see
:mod:`cometa.scorecards.frameworks.rule_words`). Plain values, no Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, NamedTuple


class Answer(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


_ANSWER_VALUES = frozenset(answer.value for answer in Answer)


class EngineError(ValueError):
    """Answers or inputs that do not fit the framework (the message names what and where)."""


class MissingKind(StrEnum):
    CRITERION = "criterion"  # this criterion must be met
    ONE_OF = "one_of"  # one of ``criteria`` must be met
    MORE_OF = "more_of"  # ``count`` more of ``criteria`` must be met
    INPUT_GIVEN = "input_given"  # ``input`` must be given and lie in ``interval``
    INPUT_BOUND = "input_bound"  # ``input`` must be ``sign`` ``bound``


@dataclass(frozen=True)
class Missing:
    """One thing the next level still needs: structured, never a sentence."""

    kind: MissingKind
    criteria: tuple[str, ...] = ()  # criterion ids (one for CRITERION; the unmet ones)
    count: int = 0  # MORE_OF: how many more
    input: str = ""  # INPUT_*: the input key
    sign: str = ""  # INPUT_BOUND: "≥", ">", "≤" or "<"
    bound: float | None = None  # INPUT_BOUND: the bound the value is on the wrong side of
    interval: str = ""  # INPUT_GIVEN: the band, as "[50, 100]"

    def as_data(self) -> dict[str, object]:
        """Plain JSON-ready data (kept in a stored trace)."""
        return {key: value for key, value in asdict(self).items() if value not in ((), 0, "")}

    @classmethod
    def from_data(cls, data: Mapping[str, object]) -> Missing:
        values: dict[str, Any] = dict(data)
        values["kind"] = MissingKind(str(values["kind"]))
        values["criteria"] = tuple(values.get("criteria") or ())
        return cls(**values)


class Trace(NamedTuple):
    """Why an indicator got its rating.

    ``decided_by``: the level whose rule held (``None`` when no rule held: the lowest level).
    ``counted``: the met criteria that made that rule hold.
    ``unknown``: criteria answered UNKNOWN or not answered; ``unknown_inputs``: inputs not given.
    ``missing_for_next``: what the level above (``next_level``) still needs, as
    :class:`Missing` records (worded for readers by
    :func:`cometa.scorecards.frameworks.rule_words.describe_missing`).
    """

    decided_by: str | None
    counted: tuple[str, ...]
    unknown: tuple[str, ...]
    unknown_inputs: tuple[str, ...]
    next_level: str | None
    missing_for_next: tuple[Missing, ...]


class Rating(NamedTuple):
    indicator: str
    level: str
    trace: Trace
