"""Staff training, mentor load and graduation: the judgements, without the database.

Training: each module of the network's baseline schema must have been taken, and taken
again within its refresher interval. Mentor load: women currently followed per mentor
against the network's limit. Graduation: criterion by criterion, every essential
criterion met and no conditional one that applies left unmet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from cometa.network.codes import CriterionResultCode
from cometa.network.schedule import add_months


@dataclass(frozen=True)
class Module:
    code: str
    refresher_months: int | None  # None: taken once is enough


class TrainingState:
    MISSING = "missing"
    CURRENT = "current"
    DUE_SOON = "due_soon"  # the refresher falls due within a month
    OVERDUE = "overdue"


@dataclass(frozen=True)
class ModuleStanding:
    code: str
    state: str
    last_on: date | None
    due_on: date | None


def training_standing(
    modules: Iterable[Module], taken: Iterable[tuple[str, date]], today: date
) -> list[ModuleStanding]:
    """One line per module of the schema: when it was last taken and when it falls due."""
    last: dict[str, date] = {}
    for code, on in taken:
        if code not in last or on > last[code]:
            last[code] = on
    result = []
    for module in modules:
        found = last.get(module.code)
        if found is None:
            result.append(ModuleStanding(module.code, TrainingState.MISSING, None, None))
            continue
        on = found
        due = add_months(on, module.refresher_months) if module.refresher_months else None
        if due is None or add_months(today, 1) < due:
            state = TrainingState.CURRENT
        elif today < due:
            state = TrainingState.DUE_SOON
        else:
            state = TrainingState.OVERDUE
        result.append(ModuleStanding(module.code, state, on, due))
    return result


def training_overdue(
    modules: Iterable[Module], taken: Iterable[tuple[str, date]], today: date
) -> bool:
    """True when a module was never taken or its refresher is overdue."""
    bad = {TrainingState.MISSING, TrainingState.OVERDUE}
    return any(line.state in bad for line in training_standing(modules, taken, today))


@dataclass(frozen=True)
class MentorLoad:
    mentor_id: int
    followed: int
    limit: int

    @property
    def over(self) -> bool:
        return self.followed > self.limit


def mentor_loads(
    followed: Mapping[int, int], limit: int, overrides: Mapping[int, int] | None = None
) -> list[MentorLoad]:
    """Each mentor's load, heaviest first; ``overrides`` holds limits set per mentor."""
    if limit < 1:
        raise ValueError(f"the mentor limit must be at least 1, not {limit}")
    overrides = overrides or {}
    loads = [MentorLoad(m, n, overrides.get(m, limit)) for m, n in followed.items()]
    return sorted(loads, key=lambda load: (-load.followed, load.mentor_id))


def overloaded(loads: Iterable[MentorLoad]) -> list[MentorLoad]:
    return [load for load in loads if load.over]


@dataclass(frozen=True)
class Criterion:
    code: str
    essential: bool


def graduation_passed(criteria: Iterable[Criterion], results: Mapping[str, str]) -> bool:
    """Every essential criterion met; conditional ones met or not applicable. A criterion
    without a result fails the judgement: nothing is assumed."""
    for criterion in criteria:
        result = results.get(criterion.code)
        if result == CriterionResultCode.MET:
            continue
        if result == CriterionResultCode.NOT_APPLICABLE and not criterion.essential:
            continue
        return False
    return True


def disability_from(answers: Mapping[str, int | None]) -> bool | None:
    """The Washington Group cut-off: a disability when any domain is answered "a lot of
    difficulty" (3) or "cannot do at all" (4); none when all six are answered lower;
    unknown otherwise."""
    given = [value for value in answers.values() if value is not None]
    if any(value >= 3 for value in given):
        return True
    if len(given) == len(answers) and given:
        return False
    return None
