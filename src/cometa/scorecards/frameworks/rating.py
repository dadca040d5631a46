"""Between what a person sent and the pure engine: every answer and input checked once, here,
with a message that names the criterion or input it is about; then rated.

Pages, the API, the command line and the services all rate through :func:`compute`, so an
answer is validated in one place. The engine keeps its own guards (it is a library that
may be called directly), but a refusal from it after these checks is a bug.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from cometa.core.errors import ValidationFailed
from cometa.scorecards.frameworks.engine import Answer, EngineError, Rating, rate
from cometa.scorecards.frameworks.model import Indicator

ANSWERS = ", ".join(answer.value for answer in Answer)


def compute(indicator: Indicator, answers: Mapping[str, Any], inputs: Mapping[str, Any]) -> Rating:
    """Rates one indicator; raises ValidationFailed with a message per field
    (``answers.<criterion>``, ``inputs.<key>``) for anything that does not fit it."""
    typed, numbers = validated(indicator, answers, inputs)
    try:
        return rate(indicator, typed, numbers)
    except EngineError as error:  # anything the checks above did not foresee
        raise ValidationFailed({"answers": [str(error)]}) from None


def validated(
    indicator: Indicator, answers: Mapping[str, Any], inputs: Mapping[str, Any]
) -> tuple[dict[str, Answer], dict[str, float | None]]:
    """The answers typed and the inputs as numbers, or ValidationFailed naming each problem."""
    errors: dict[str, list[str]] = {}
    typed = _answers(indicator, answers, errors)
    numbers = _inputs(indicator, inputs, errors)
    if errors:
        raise ValidationFailed(errors)
    return typed, numbers


def _answers(
    indicator: Indicator, answers: Mapping[str, Any], errors: dict[str, list[str]]
) -> dict[str, Answer]:
    known = {criterion.id for criterion in indicator.criteria}
    typed = {}
    for key, value in answers.items():
        if key not in known:
            message = _("PI %(code)s has no criterion “%(criterion)s” (criteria: %(listed)s).")
            listed = ", ".join(sorted(known)) or _("none")
            errors[f"answers.{key}"] = [
                message % {"code": indicator.code, "criterion": key, "listed": listed}
            ]
        elif str(value) not in {answer.value for answer in Answer}:
            message = _("Criterion %(criterion)s: “%(answer)s” is not an answer (use %(answers)s).")
            errors[f"answers.{key}"] = [
                message % {"criterion": key, "answer": value, "answers": ANSWERS}
            ]
        else:
            typed[key] = Answer(str(value))
    return typed


def _inputs(
    indicator: Indicator, inputs: Mapping[str, Any], errors: dict[str, list[str]]
) -> dict[str, float | None]:
    known = {item.key: item for item in indicator.inputs}
    numbers: dict[str, float | None] = {}
    for key, value in inputs.items():
        spec = known.get(key)
        if spec is None:
            message = _("PI %(code)s has no input “%(input)s” (inputs: %(listed)s).")
            listed = ", ".join(known) or _("none")
            errors[f"inputs.{key}"] = [
                message % {"code": indicator.code, "input": key, "listed": listed}
            ]
            continue
        number = _number(value)
        if number is _NOT_A_NUMBER:
            message = _("“%(value)s” is not a number.") % {"value": value}
            errors[f"inputs.{key}"] = [message]
        elif number is not None and not spec.min <= float(number) <= spec.max:
            message = _("Input %(input)s: %(value)s is outside %(low)s–%(high)s.")
            values = {"input": key, "value": f"{number:g}", "low": f"{spec.min:g}"}
            errors[f"inputs.{key}"] = [message % {**values, "high": f"{spec.max:g}"}]
        else:
            numbers[key] = None if number is None else float(number)
    return numbers


_NOT_A_NUMBER = object()


def _number(value: Any) -> Any:
    """The value as a number, None when empty, or _NOT_A_NUMBER (NaN is not a number)."""
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return _NOT_A_NUMBER
    return _NOT_A_NUMBER if number != number else number


def trace_data(rating: Rating) -> dict[str, Any]:
    """The trace as plain data, as an indicator keeps it: what is missing as records."""
    trace = rating.trace
    return {
        "decided_by": trace.decided_by,
        "counted": list(trace.counted),
        "unknown": list(trace.unknown),
        "unknown_inputs": list(trace.unknown_inputs),
        "next_level": trace.next_level,
        "missing_for_next": [item.as_data() for item in trace.missing_for_next],
    }
