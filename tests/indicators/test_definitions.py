"""The rules of an indicator definition, and which changes need a new version."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cometa.indicators.definitions import (
    Definition,
    Direction,
    Measure,
    Reference,
    definition_problems,
    meaning_changes,
)
from cometa.indicators.texts import Text

KNOWN = {"sex", "age", "disability"}

REACH = Definition(
    code="CI-01",
    title=Text("Participants enrolled", "Participantes inscritas", "Зарегистрированные участницы"),
    definition=Text("Unique participants with an enrolment starting in the period."),
    measure=Measure.UNIT,
    direction=Direction.ASCENDING,
    unit="persons",
    dimensions=("sex", "age"),
    references=(Reference("sdg-target", "5.5"),),
    gender_sensitive=True,
    gender_note=Text("Counts women and men separately."),
)
SHARE = replace(
    REACH,
    code="CI-02",
    measure=Measure.PERCENTAGE,
    unit="%",
    numerator=Text("New enrollees in the group"),
    denominator=Text("New enrollees with an answer"),
)


def test_good_definitions_have_no_problem():
    assert definition_problems(REACH, known_dimensions=KNOWN) == {}
    assert definition_problems(SHARE, known_dimensions=KNOWN) == {}


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"code": "CI 01"}, "code", "letters, digits"),
        ({"code": ""}, "code", "letters, digits"),
        ({"title": Text("  ")}, "title", "English"),
        ({"definition": Text("")}, "definition", "what the indicator measures"),
        ({"measure": Measure.PERCENTAGE}, "numerator", "numerator and its denominator"),
        ({"numerator": Text("Some")}, "denominator", "both its numerator"),
        ({"denominator": Text("All")}, "numerator", "both its numerator"),
        ({"measure": Measure.QUALITATIVE}, "measure", "no unit, direction"),
        ({"dimensions": ("sex", "colour")}, "dimensions", "Unknown dimensions: colour"),
        ({"references": (Reference("42", "x"),)}, "references", "42 is not a known vocabulary"),
        ({"references": (Reference("9", "5.2"),)}, "references", "'5.2' is not a code"),
        ({"references": (Reference("sdg-target", "5.2.1"),)}, "references", "not a code"),
        ({"references": (Reference("cf", " "),)}, "references", "not a code"),
        ({"gender_note": None}, "gender_note", "why the indicator is gender-sensitive"),
    ],
)
def test_a_definition_that_breaks_a_rule_names_the_field(change, field, message):
    problems = definition_problems(replace(REACH, **change), known_dimensions=KNOWN)
    assert field in problems
    assert message in " ".join(problems[field])


def test_a_qualitative_indicator_without_unit_or_direction_is_fine():
    story = replace(REACH, measure=Measure.QUALITATIVE, unit="", direction=None)
    assert definition_problems(story, known_dimensions=KNOWN) == {}


def test_references_to_sdg_indicators_and_cooperation_frameworks_are_accepted():
    refs = (Reference("9", "5.2.1"), Reference("cf", "KAZ-1.2.3"), Reference("sdg-target", "5.a"))
    assert definition_problems(replace(REACH, references=refs), known_dimensions=KNOWN) == {}


@pytest.mark.parametrize(
    ("change", "changed"),
    [
        ({"title": Text("Women enrolled")}, []),
        ({"definition": replace(REACH.definition, es="Participantes únicas...")}, []),
        ({"references": ()}, []),
        ({"gender_sensitive": False, "gender_note": None}, []),
        ({"dimensions": ("age", "sex")}, []),  # the same set in another order
        ({"dimensions": ("sex",)}, ["dimensions"]),
        ({"measure": Measure.NOMINAL}, ["measure"]),
        ({"direction": Direction.DESCENDING}, ["direction"]),
        ({"unit": "women"}, ["unit"]),
        ({"definition": Text("Participants who attended once.")}, ["definition"]),
    ],
)
def test_only_a_change_of_meaning_needs_a_new_version(change, changed):
    assert meaning_changes(REACH, replace(REACH, **change)) == changed


def test_a_new_numerator_is_a_change_of_meaning_but_its_translation_is_not():
    assert meaning_changes(SHARE, replace(SHARE, numerator=Text("Enrollees"))) == ["numerator"]
    assert SHARE.numerator is not None
    translated = replace(SHARE, numerator=replace(SHARE.numerator, ru="Новые участницы"))
    assert meaning_changes(SHARE, translated) == []


def test_a_text_falls_back_to_english():
    assert REACH.definition.get("ru") == REACH.definition.en
    assert REACH.title.get("ru") == "Зарегистрированные участницы"
    assert REACH.title.get("fr") == "Participants enrolled"
