"""Each instrument as an XLSForm: three sheets, labels in English, Spanish and Russian,
the code lists on the choices sheet, groups, and a form pyxform converts."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from pyxform.xls2json_backends import xlsx_to_dict

from cometa.network.survey.definition import shipped, shipped_get
from cometa.network.survey.xlsform import XLSFormError, workbook, xform


@pytest.mark.parametrize("definition", shipped(), ids=lambda d: d.code)
def test_every_shipped_instrument_converts_with_pyxform(definition):
    made = xform(workbook(definition))
    assert f'id="{definition.code}"' in made and f'version="{definition.version}"' in made
    for language in ("English (en)", "Español (es)", "Русский (ru)"):
        assert f'lang="{language}"' in made
    for question in definition.questions:
        path = (
            f"/data/{question.group}/{question.name}"
            if question.group
            else f"/data/{question.name}"
        )
        assert f'nodeset="{path}"' in made


def test_the_sheets_hold_labels_codes_and_settings():
    definition = shipped_get("cometa-baseline")
    assert definition is not None
    book = load_workbook(io.BytesIO(workbook(definition)))
    assert book.sheetnames == ["survey", "choices", "settings"]
    header = [c.value for c in book["survey"][1]]
    assert header[:5] == [
        "type",
        "name",
        "label::English (en)",
        "label::Español (es)",
        "label::Русский (ru)",
    ]
    rows = {row[1]: row for row in book["survey"].iter_rows(min_row=2, values_only=True)}
    assert rows["education"][0] == "select_one education"
    assert rows["education"][3] == "¿Cuál es el nivel de estudios más alto que terminaste?"
    assert rows["birth_year"][-1] == ". >= 1930 and . <= 2015"
    assert rows["participant"][2:5] == (
        "Her participant code (never her name)",
        "Su código de participante (nunca su nombre)",
        "Её код участницы (никогда не имя)",
    )
    assert rows["participant"][-2] == "yes" and "round" not in rows  # one round: implied
    choices = {(r[0], r[1]): r[2:] for r in book["choices"].iter_rows(min_row=2, values_only=True)}
    english, spanish, russian = choices[("education", "primary_inc")]
    assert english == "Primary, not completed" and spanish != english and russian != english
    assert ("difficulty", "3") in choices and ("yes_no", "yes") in choices
    settings = list(book["settings"].iter_rows(values_only=True))
    assert settings[1][1:3] == ("cometa-baseline", "1")


def test_a_form_answered_in_several_rounds_asks_for_the_round():
    definition = shipped_get("cometa-followup")
    assert definition is not None
    sheets = xlsx_to_dict(io.BytesIO(workbook(definition)))
    names = [row.get("name") for row in sheets["survey"]]
    assert names[:3] == ["participant", "round", "collected_on"]
    rounds = [row["name"] for row in sheets["choices"] if row["list_name"] == "rounds"]
    assert rounds == ["fu3", "fu6", "fu12"]


def test_a_form_pyxform_refuses_is_an_error():
    definition = shipped_get("cometa-exit")
    assert definition is not None
    book = load_workbook(io.BytesIO(workbook(definition)))
    book["survey"].append(["select_one missing_list", "broken", "B", "B", "B"])
    broken = io.BytesIO()
    book.save(broken)
    with pytest.raises(XLSFormError):
        xform(broken.getvalue())
