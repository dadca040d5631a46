"""Keeping definitions in versions, and the code lists the migration loaded."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cometa.core.errors import ValidationFailed
from cometa.indicators.codelist_store import codelists_sync
from cometa.indicators.definition_store import (
    Saved,
    definition_of,
    definition_save,
    version_get,
)
from cometa.indicators.dimensions import builtin_dimensions, parse_codelist
from cometa.indicators.models import Dimension, DimensionCode, IndicatorVersion
from cometa.indicators.texts import Text
from tests.indicators.conftest import REACH

pytestmark = pytest.mark.django_db


def test_the_migration_loaded_every_shipped_code_list():
    assert set(Dimension.objects.values_list("code", flat=True)) == set(builtin_dimensions())
    sex = Dimension.objects.get(code="sex")
    assert sex.exhaustive and sex.name_text().get("es") == "Sexo"
    assert list(sex.codes.values_list("code", flat=True)) == ["F", "M", "_O", "_U"]


def test_loading_again_changes_nothing_and_a_dropped_code_is_retired_not_deleted():
    report = codelists_sync()
    assert report.added == [] and report.retired == []
    before = DimensionCode.objects.count()
    sex = builtin_dimensions()["sex"]
    shorter = replace(sex, codes=sex.codes[:2])
    assert codelists_sync(dimensions={"sex": shorter}).retired == ["sex=_O", "sex=_U"]
    assert DimensionCode.objects.count() == before
    assert not DimensionCode.objects.get(dimension__code="sex", code="_O").is_active
    codelists_sync()
    assert DimensionCode.objects.get(dimension__code="sex", code="_O").is_active


def test_the_command_loads_a_new_dimension_from_the_files(capsys):
    Dimension.objects.filter(code="location").delete()
    call_command("indicators", "load-codelists")
    assert "Dimensions added: 1" in capsys.readouterr().out
    assert Dimension.objects.get(code="location").codes.count() == 3


def test_a_new_dimension_can_be_given_to_the_loader():
    cohort = parse_codelist(
        "code: cohort\nname: {en: Cohort, es: Cohorte, ru: Когорта}\nsource: the network\n"
        "exhaustive: true\ncodes:\n  - code: C2022\n"
        "    label: {en: '2022', es: '2022', ru: '2022'}\n",
        "cohort.yaml",
    )
    assert codelists_sync(dimensions={"cohort": cohort}).added == ["cohort"]


def test_a_first_save_makes_version_one_and_reads_back_the_same(lucia):
    version, saved = definition_save(definition=REACH, user=lucia)
    assert saved is Saved.CREATED and version.number == 1 and version.created_by == lucia
    assert definition_of(version) == REACH.normalised()
    assert definition_save(definition=REACH)[1] is Saved.UNCHANGED


def test_a_correction_changes_the_current_version_in_place(reach):
    corrected = replace(REACH, title=replace(REACH.title, ru="Зарегистрированные участницы"))
    version, saved = definition_save(definition=corrected, change_note="Russian title")
    assert saved is Saved.CORRECTED and version.pk == reach.pk and version.number == 1
    assert version.title_text().get("ru") == "Зарегистрированные участницы"


def test_a_change_of_meaning_makes_a_new_version_and_keeps_the_old(reach):
    narrower = replace(REACH, dimensions=("sex",), unit="women")
    version, saved = definition_save(definition=narrower, change_note="women only")
    assert saved is Saved.NEW_VERSION and version.number == 2
    reach.refresh_from_db()
    assert definition_of(reach) == REACH.normalised()  # the old version is untouched
    assert version_get(code="CI-01") == version
    assert version_get(code="CI-01", number=1) == reach
    assert IndicatorVersion.objects.filter(indicator__code="CI-01").count() == 2


def test_a_wrong_definition_is_refused_with_its_fields_and_nothing_is_stored():
    wrong = replace(REACH, dimensions=("sex", "colour"), title=Text(""))
    with pytest.raises(ValidationFailed) as caught:
        definition_save(definition=wrong)
    assert set(caught.value.errors) == {"dimensions", "title"}
    assert not IndicatorVersion.objects.exists()


def test_an_unknown_version_says_which():
    with pytest.raises(IndicatorVersion.DoesNotExist, match="'CI-99' version latest"):
        version_get(code="CI-99")


@pytest.mark.parametrize(
    "change",
    [{"title": Text("Participants enrolled, all")}, {"unit": "women"}],
    ids=["correction", "new version"],
)
def test_a_save_reads_the_stored_version_once(reach, change):
    with CaptureQueriesContext(connection) as seen:
        definition_save(definition=replace(REACH, **change))
    asked = [query["sql"] for query in seen if query["sql"].startswith("SELECT")]
    assert len(asked) == len(set(asked)), asked
