"""Definitions (pure): the shipped instruments pass, their questions map to the profile
and outcome fields with the fields' own types and code lists, and a definition that
maps wrongly is refused with every problem named."""

from __future__ import annotations

import pytest

from cometa.indicators.dimensions import builtin_dimensions
from cometa.network.survey.definition import (
    DIMENSIONS,
    FIELDS,
    DefinitionError,
    digest,
    parse,
    shipped,
)

LABEL = {"en": "Q", "es": "P", "ru": "В"}


def _definition(*questions: dict) -> dict:  # type: ignore[type-arg]
    return {
        "code": "test",
        "version": 1,
        "rounds": ["baseline"],
        "title": LABEL,
        "questions": list(questions),
    }


def test_the_shipped_instruments_cover_every_round_and_map_to_known_fields():
    found = {d.code: d for d in shipped()}
    assert set(found) == {"cometa-baseline", "cometa-endline", "cometa-followup", "cometa-exit"}
    rounds = {r for d in found.values() for r in d.rounds}
    assert rounds == {"baseline", "endline", "fu3", "fu6", "fu12", "exit"}
    baseline = {q.field for q in found["cometa-baseline"].questions if q.field}
    assert {f"profile.wg_{d}" for d in ("see", "hear", "walk")} <= baseline
    assert {"profile.education", "profile.migration", "profile.income_band"} <= baseline
    followup = {q.field for q in found["cometa-followup"].questions if q.field}
    assert followup == {
        f"outcome.{n}" for n in ("work_status", "income_band", "has_business", "in_education")
    }
    for definition in found.values():
        for question in definition.questions:
            assert all(getattr(question.label, lang).strip() for lang in ("en", "es", "ru"))


def test_every_dimension_named_is_a_dimension_of_the_indicators_floor():
    known = set(builtin_dimensions())
    assert set(DIMENSIONS.values()) <= known
    assert set(DIMENSIONS) <= set(FIELDS)


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ({"type": "text", "field": "profile.education"}, "takes a question of type select_one"),
        (
            {"type": "select_one", "list": "migration", "field": "profile.education"},
            "own code list",
        ),
        ({"type": "integer", "field": "profile.shoe_size"}, "is not a field"),
        ({"type": "select_one", "list": "colours"}, "does not exist"),
        ({"type": "text", "list": "education"}, "only select questions take a list"),
        ({"type": "text", "low": 1}, "only whole numbers take a range"),
        ({"type": "integer", "low": 5, "high": 1}, "the range is empty"),
    ],
)
def test_a_wrong_question_is_refused_with_its_reason(question, why):
    with pytest.raises(DefinitionError) as refused:
        parse(_definition({"name": "q", "label": LABEL, **question}))
    assert any(why in problem and problem.startswith("q:") for problem in refused.value.problems)


def test_names_must_be_unique_and_not_reserved():
    with pytest.raises(DefinitionError) as refused:
        parse(
            _definition(
                {"name": "a", "type": "text", "label": LABEL},
                {"name": "a", "type": "text", "label": LABEL},
                {"name": "participant", "type": "text", "label": LABEL},
            )
        )
    assert len(refused.value.problems) == 2


def test_a_label_missing_in_one_language_is_refused():
    with pytest.raises(DefinitionError, match="ru"):
        parse(_definition({"name": "a", "type": "text", "label": {"en": "A", "es": "A"}}))


def test_the_digest_tells_a_changed_definition():
    one = parse(_definition({"name": "a", "type": "text", "label": LABEL}))
    same = parse(_definition({"name": "a", "type": "text", "label": LABEL}))
    other = parse(_definition({"name": "a", "type": "text", "label": {**LABEL, "en": "R"}}))
    assert digest(one) == digest(same) != digest(other)
