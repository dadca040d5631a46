"""The shipped code lists, and what a code list file must say."""

from __future__ import annotations

import pytest

from cometa.indicators.dimensions import (
    TOTAL_CODES,
    CodelistError,
    builtin_dimensions,
    check_unique,
    parse_codelist,
)

GOOD = """
code: sex
name: {en: Sex, es: Sexo, ru: Пол}
source: SDMX CL_SEX
exhaustive: true
codes:
  - code: F
    label: {en: Female, es: Mujeres, ru: Женщины}
"""


def test_the_shipped_dimensions_are_the_ones_the_research_recommends():
    dimensions = builtin_dimensions()
    assert set(dimensions) == {
        "age",
        "disability",
        "indigenous",
        "location",
        "migratory_status",
        "sex",
    }
    assert dimensions["sex"].code_values == ("F", "M", "_O", "_U")
    assert dimensions["disability"].code_values == ("PD", "PWD", "_U")  # PD = with disability
    assert not dimensions["indigenous"].exhaustive  # self-identification and language overlap
    assert dimensions["sex"].exhaustive and dimensions["age"].exhaustive


@pytest.mark.parametrize("code", sorted(builtin_dimensions()))
def test_every_shipped_code_has_labels_in_three_languages_and_no_total(code):
    dimension = builtin_dimensions()[code]
    assert dimension.source
    for item in dimension.codes:
        assert item.label.en and item.label.es and item.label.ru
        assert item.code not in TOTAL_CODES


def test_a_good_file_is_read():
    dimension = parse_codelist(GOOD, "sex.yaml")
    assert dimension.name.get("es") == "Sexo"
    assert dimension.codes[0].label.get("ru") == "Женщины"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("code: sex", "code: Sex"), "sex.yaml: code"),
        (("es: Mujeres, ", ""), "codes.0.label.es: Field required"),
        (("code: F", "code: _T"), "_T is a total code"),
        (("exhaustive: true", "exhaustive: maybe"), "exhaustive"),
        (("source: SDMX CL_SEX", "source: ''"), "source"),
        (("codes:", "colours: []\ncodes:"), "colours: Extra inputs"),
        (("codes:", "codes: ["), "not YAML"),
    ],
)
def test_a_bad_file_is_refused_naming_the_file_and_the_field(change, message):
    with pytest.raises(CodelistError, match=message) as caught:
        parse_codelist(GOOD.replace(*change), "sex.yaml")
    assert str(caught.value).startswith("sex.yaml: ")


def test_a_code_listed_twice_is_refused():
    twice = GOOD + "  - code: F\n    label: {en: F, es: F, ru: F}\n"
    with pytest.raises(CodelistError, match="codes listed twice: F"):
        parse_codelist(twice, "sex.yaml")


def test_two_files_for_one_dimension_are_refused():
    one = parse_codelist(GOOD, "sex.yaml")
    with pytest.raises(CodelistError, match="'sex' is described twice"):
        check_unique([one, one])
