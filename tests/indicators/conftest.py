"""What the store tests share: two owners (any rows do: here, groups of people), a person
who enters values, and two indicators, a count and a qualitative one."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.contrib.auth.models import Group

from cometa.indicators.definition_store import definition_save
from cometa.indicators.definitions import Definition, Direction, Measure, Reference
from cometa.indicators.models import IndicatorVersion
from cometa.indicators.texts import Text
from tests.conftest import make_person

REACH = Definition(
    code="CI-01",
    title=Text("Participants enrolled", "Participantes inscritas", "Участницы"),
    definition=Text("Unique participants with an enrolment starting in the period."),
    measure=Measure.UNIT,
    direction=Direction.ASCENDING,
    unit="persons",
    dimensions=("age", "indigenous", "sex"),
    references=(Reference("sdg-target", "5.5"),),
    gender_sensitive=True,
    gender_note=Text("Counts women and men separately."),
)
STORY = replace(
    REACH,
    code="CI-20",
    title=Text("Most significant change"),
    definition=Text("What participants tell of the change in their lives."),
    measure=Measure.QUALITATIVE,
    direction=None,
    unit="",
    dimensions=(),
    references=(),
)


@pytest.fixture
def mexico(db: None) -> Group:
    return Group.objects.create(name="UN Women Mexico, outcome D_1.1")


@pytest.fixture
def kazakhstan(db: None) -> Group:
    return Group.objects.create(name="UN Women Kazakhstan, outcome D_1.1")


@pytest.fixture
def lucia(db: None):
    return make_person("lucia@example.org", "Lucía")


@pytest.fixture
def reach(db: None) -> IndicatorVersion:
    return definition_save(definition=REACH)[0]


@pytest.fixture
def story(db: None) -> IndicatorVersion:
    return definition_save(definition=STORY)[0]
