"""Properties of the rating engine that hold for every answer set, on both shipped frameworks."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cometa.scorecards.frameworks.engine import Answer, Rating, level_index, rate, rate_assessment
from cometa.scorecards.frameworks.loading import Framework, Indicator, Input, load_builtin

FRAMEWORKS = [load_builtin("unct-swap", "2018"), load_builtin("collective-impact", "2024")]
PROPERTY = settings(derandomize=True, max_examples=200, deadline=None, database=None)

by_framework = pytest.mark.parametrize(
    "framework", FRAMEWORKS, ids=[item.identifier for item in FRAMEWORKS]
)


@dataclass
class Case:
    framework: Framework
    indicator: Indicator
    answers: dict[str, Answer]
    inputs: dict[str, float | None]

    def level(self, answers: Mapping[str, Answer] | None = None) -> int:
        return level_index(self.framework, self.rating(answers).level)

    def rating(self, answers: Mapping[str, Answer] | None = None) -> Rating:
        return rate(self.indicator, self.answers if answers is None else answers, self.inputs)


def input_values(spec: Input) -> st.SearchStrategy[float | None]:
    """Any value in range, or None, with the edges of the framework's bands over-represented."""
    edges = [spec.min, spec.max, 20, 33, 47, 50, 53, 65, 75, 80, 12]
    near = [
        v for e in edges for v in (math.nextafter(e, -math.inf), e, math.nextafter(e, math.inf))
    ]
    in_range = sorted({v for v in near if spec.min <= v <= spec.max})
    return st.one_of(
        st.none(),
        st.sampled_from(in_range),
        st.floats(spec.min, spec.max, allow_nan=False),
    )


@st.composite
def cases(draw: st.DrawFn, framework: Framework) -> Case:
    indicator = draw(st.sampled_from(framework.indicators))
    answers = {}
    for criterion in indicator.criteria:
        answer = draw(st.sampled_from([Answer.MET, Answer.NOT_MET, Answer.UNKNOWN, None]))
        if answer is not None:  # None: not answered at all
            answers[criterion.id] = answer
    inputs = {spec.key: draw(input_values(spec)) for spec in indicator.inputs}
    return Case(framework, indicator, answers, inputs)


@by_framework
@PROPERTY
@given(data=st.data())
def test_the_rating_is_always_a_declared_level(framework: Framework, data: st.DataObject) -> None:
    case = data.draw(cases(framework))
    assert case.rating().level in framework.level_keys


@by_framework
@PROPERTY
@given(data=st.data())
def test_meeting_one_more_criterion_never_lowers_the_rating(
    framework: Framework, data: st.DataObject
) -> None:
    case = data.draw(cases(framework))
    unmet = [c.id for c in case.indicator.criteria if case.answers.get(c.id) != Answer.MET]
    if not unmet:
        return
    chosen = data.draw(st.sampled_from(unmet))
    assert case.level({**case.answers, chosen: Answer.MET}) >= case.level()


@by_framework
@PROPERTY
@given(data=st.data())
def test_meeting_more_criteria_never_lowers_the_rating(
    framework: Framework, data: st.DataObject
) -> None:
    case = data.draw(cases(framework))
    ids = [c.id for c in case.indicator.criteria]
    more = data.draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []
    assert case.level({**case.answers, **dict.fromkeys(more, Answer.MET)}) >= case.level()


@by_framework
@PROPERTY
@given(data=st.data())
def test_not_knowing_a_criterion_never_raises_the_rating(
    framework: Framework, data: st.DataObject
) -> None:
    case = data.draw(cases(framework))
    known = [key for key, answer in case.answers.items() if answer != Answer.UNKNOWN]
    if not known:
        return
    chosen = data.draw(st.sampled_from(known))
    assert case.level({**case.answers, chosen: Answer.UNKNOWN}) <= case.level()
    forgotten = {key: answer for key, answer in case.answers.items() if key != chosen}
    assert case.level(forgotten) <= case.level()


@by_framework
@PROPERTY
@given(data=st.data())
def test_unknown_and_not_met_rate_the_same(framework: Framework, data: st.DataObject) -> None:
    case = data.draw(cases(framework))
    as_not_met = {
        key: Answer.NOT_MET if answer == Answer.UNKNOWN else answer
        for key, answer in case.answers.items()
    }
    assert case.rating(as_not_met).level == case.rating().level


@by_framework
@PROPERTY
@given(data=st.data())
def test_the_trace_agrees_with_the_rating(framework: Framework, data: st.DataObject) -> None:
    case = data.draw(cases(framework))
    rating = case.rating()
    trace = rating.trace
    lowest, top = framework.level_keys[0], framework.level_keys[-1]
    met = {key for key, answer in case.answers.items() if answer == Answer.MET}
    assert set(trace.counted) <= met
    assert set(trace.unknown) == {
        c.id for c in case.indicator.criteria if case.answers.get(c.id, Answer.UNKNOWN) == "unknown"
    }
    assert set(trace.unknown_inputs) == {key for key, value in case.inputs.items() if value is None}
    assert (trace.decided_by is None) == (rating.level == lowest)
    assert trace.decided_by in (None, rating.level)
    assert (trace.next_level is None) == (rating.level == top)
    assert bool(trace.missing_for_next) == (rating.level != top)


@by_framework
@settings(derandomize=True, max_examples=50, deadline=None, database=None)
@given(data=st.data())
def test_rate_assessment_agrees_with_rate(framework: Framework, data: st.DataObject) -> None:
    drawn = [data.draw(cases(framework)) for _ in range(3)]
    answers = {case.indicator.code: case.answers for case in drawn}
    inputs = {case.indicator.code: case.inputs for case in drawn}
    ratings = rate_assessment(framework, answers, inputs)
    for indicator in framework.indicators:
        code = indicator.code
        assert ratings[code] == rate(indicator, answers.get(code), inputs.get(code))
