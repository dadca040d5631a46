"""Between stored indicator rows and the pure engine: compute, and read back."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from cometa.core.errors import ValidationFailed
from cometa.scorecards.frameworks.engine import Answer, EngineError, Rating, rate
from cometa.scorecards.frameworks.model import Indicator


def compute(indicator: Indicator, answers: dict[str, str], inputs: dict[str, Any]) -> Rating:
    """Rates one indicator, turning the engine's refusals into field errors."""
    try:
        typed = {key: Answer(value) for key, value in answers.items()}
    except ValueError:
        bad = next(v for v in answers.values() if v not in {a.value for a in Answer})
        message = _("“%(answer)s” is not an answer; use met, not_met or unknown.")
        raise ValidationFailed({"answers": [message % {"answer": bad}]}) from None
    try:
        return rate(indicator, typed, {k: _number(k, v) for k, v in inputs.items()})
    except EngineError as error:
        raise ValidationFailed({"answers": [str(error)]}) from None


def _number(key: str, value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        message = _("“%(value)s” is not a number.") % {"value": value}
        raise ValidationFailed({f"inputs.{key}": [message]}) from None


def trace_data(rating: Rating) -> dict[str, Any]:
    trace = rating.trace
    return {
        "decided_by": trace.decided_by,
        "counted": list(trace.counted),
        "unknown": list(trace.unknown),
        "unknown_inputs": list(trace.unknown_inputs),
        "next_level": trace.next_level,
        "missing_for_next": list(trace.missing_for_next),
    }
