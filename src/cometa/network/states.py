"""The enrolment state machine as a table of allowed steps. Pure: no database.

    enrolled ─→ active ─→ completed ─→ graduated
        │          │
        └──────────┴─→ dropped_out | transferred

Completion and drop-out are exits: they start the follow-up schedule. Graduation is a
judgement made after completion (criterion by criterion); a transfer is not an exit from
the network, the woman goes on in a new enrolment elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from cometa.network.codes import EnrolmentStatus as S

STEPS: dict[str, frozenset[str]] = {
    S.ENROLLED: frozenset({S.ACTIVE, S.DROPPED_OUT, S.TRANSFERRED}),
    S.ACTIVE: frozenset({S.COMPLETED, S.DROPPED_OUT, S.TRANSFERRED}),
    S.COMPLETED: frozenset({S.GRADUATED}),
    S.GRADUATED: frozenset(),
    S.DROPPED_OUT: frozenset(),
    S.TRANSFERRED: frozenset(),
}

EXITS = frozenset({S.COMPLETED, S.DROPPED_OUT})
NEEDS_REASON = frozenset({S.DROPPED_OUT})
CURRENT = frozenset({S.ENROLLED, S.ACTIVE})  # still in the programme (counts for mentor load)
FINAL = frozenset(state for state, following in STEPS.items() if not following)


@dataclass(frozen=True)
class StepRefusal:
    code: str
    detail: str


def check_step(current: str, target: str, *, reason: str = "") -> StepRefusal | None:
    """None if the step is allowed; otherwise why not (a stable code and an English detail
    for logs; services give people a translated message)."""
    if current not in STEPS:
        return StepRefusal("unknown_state", f"unknown state {current!r}")
    if target not in STEPS:
        return StepRefusal("unknown_state", f"unknown state {target!r}")
    if target not in STEPS[current]:
        return StepRefusal("step_not_allowed", f"{current} cannot become {target}")
    if target in NEEDS_REASON and not reason:
        return StepRefusal("reason_required", f"{target} needs a coded reason")
    if target not in NEEDS_REASON and reason:
        return StepRefusal("reason_not_expected", f"{target} takes no reason")
    return None


def is_exit(target: str) -> bool:
    return target in EXITS


def reachable(start: str = S.ENROLLED) -> set[str]:
    """Every state that can be reached from ``start`` (the start included)."""
    seen, frontier = {start}, [start]
    while frontier:
        for following in STEPS[frontier.pop()]:
            if following not in seen:
                seen.add(following)
                frontier.append(following)
    return seen


def path(current: str, target: str) -> list[str]:
    """The shortest run of steps from ``current`` to ``target`` (an import that says
    "completed" for a woman still enrolled walks through "active"). When ``target``
    cannot be reached, the one step ``[target]``, which ``check_step`` then refuses with
    its reason."""
    if current == target:
        return []
    routes: dict[str, list[str]] = {current: []}
    frontier = [current]
    while frontier:
        state = frontier.pop(0)
        for following in sorted(STEPS.get(state, ())):
            if following not in routes:
                routes[following] = [*routes[state], following]
                frontier.append(following)
    return routes.get(target, [target])
