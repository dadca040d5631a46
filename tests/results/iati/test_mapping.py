"""The pure parts: the model kept as JSON and back, texts, codes and keys."""

from __future__ import annotations

import json

from cometa.indicators.definitions import CODE
from cometa.indicators.texts import Text
from cometa.interchange.iati import Activity, model, read
from cometa.results.iati.cells import key_of
from cometa.results.iati.codec import dump, load
from cometa.results.iati.export import narratives, number, retitle
from cometa.results.iati.mapping import indicator_code, text_of
from tests.results.iati.conftest import FULL, OTHER

LOOKUP = {"sex": ("sex", {"female": "F", "f": "F", "male": "M"}), "sexo": ("sex", {"mujeres": "F"})}


def test_every_activity_is_kept_as_json_and_given_back_unchanged() -> None:
    for path in (FULL, OTHER):
        for activity in read(path).activities:
            assert load(Activity, json.loads(json.dumps(dump(activity)))) == activity


def test_texts_take_english_and_fall_back_to_the_first_narrative() -> None:
    both = model.Text((model.Narrative("Gestión"), model.Narrative("Management", "en")))
    assert text_of(both, "es") == Text("Management", "Gestión", "")
    only = model.Text((model.Narrative("Gestión"),))
    assert text_of(only, "es") == Text("Gestión", "Gestión", "")


def test_a_changed_statement_rewrites_only_its_language() -> None:
    title = model.Text((model.Narrative("Old"), model.Narrative("Viejo", "es")))
    now = retitle(title, {"en": "Old", "es": "Viejo"}, Text("Old", "Nuevo"), "en")
    assert now.narratives == (model.Narrative("Old"), model.Narrative("Nuevo", "es"))
    added = retitle(title, {"en": "Old"}, Text("Old", "Viejo", "Старый"), "en")
    assert added.narratives[-1] == model.Narrative("Старый", "ru")
    assert narratives(Text("A", "", "Б")).narratives == (
        model.Narrative("A"),
        model.Narrative("Б", "ru"),
    )


def test_indicator_codes_are_floor_codes_even_for_long_identifiers() -> None:
    assert indicator_code("XM-DAC-41146-MEX_D_1.1", "MEX", 0, 1) == "XM-DAC-41146-MEX_D_1.1-1.2"
    long = indicator_code("GB-GOV-1-" + "9" * 80, "MEX", 2, 0)
    assert CODE.fullmatch(long) and long.startswith("IATI-MEX-") and long.endswith("-3.1")
    assert long == indicator_code("GB-GOV-1-" + "9" * 80, "MEX", 2, 0)


def test_dimensions_become_keys_by_code_or_label_in_any_language() -> None:
    dims = (model.Dimension("Sexo", "Mujeres"),)
    assert key_of(dims, LOOKUP) == ("sex=F", "")
    assert key_of((), LOOKUP) == ("", "")
    key, why = key_of((model.Dimension("age", "adult"),), LOOKUP)
    assert key is None and "'age'='adult'" in why
    key, why = key_of((model.Dimension("sex", "F"), model.Dimension("sexo", "mujeres")), LOOKUP)
    assert key is None and "twice" in why


def test_numbers_are_written_without_exponent_or_trailing_zeros() -> None:
    from decimal import Decimal

    assert number(Decimal("100.000000")) == "100"
    assert number(Decimal("160.500000")) == "160.5"
    assert number(Decimal("-3")) == "-3"
