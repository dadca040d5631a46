from __future__ import annotations

from datetime import date, datetime

import pytest

from cometa.network.tabular.cells import Bad, cell, parse, text_of
from cometa.network.tabular.columns import ENROLMENTS, PARTICIPANTS

P = PARTICIPANTS.column


@pytest.mark.parametrize(
    "column,raw,expected",
    [
        ("registered_on", "2024-02-05", date(2024, 2, 5)),
        ("registered_on", "05/02/2024", date(2024, 2, 5)),
        ("registered_on", datetime(2024, 2, 5, 0, 0), date(2024, 2, 5)),
        ("registered_on", "2024-02-05 00:00:00", date(2024, 2, 5)),
        ("registered_on", "5 Feb 2024", Bad),
        ("registered_on", "2024-02-30", Bad),
        ("registered_on", "", Bad),  # required
        ("birth_year", "1982", 1982),
        ("birth_year", 1982.0, 1982),
        ("birth_year", "1982.5", Bad),
        ("birth_year", "1850", Bad),
        ("birth_year", "", None),
        ("household_size", "41", Bad),
        ("literate", "yes", True),
        ("literate", "Sí", True),
        ("literate", "нет", False),
        ("literate", True, True),
        ("literate", "maybe", Bad),
        ("education", "primary", "primary"),
        ("education", "PRIMARY", "primary"),
        ("education", "primaria", Bad),
        ("wg_see", "2", 2),
        ("wg_see", 2, 2),
        ("wg_see", "5", Bad),
        ("given_names", "  María José ", "María José"),
        ("phone", "'+52 33 1234", "+52 33 1234"),  # the export's apostrophe comes off
        ("family_names", "'O'Brien", "'O'Brien"),  # an apostrophe of the name stays
    ],
)
def test_a_cell_parses_to_its_value_or_says_why_not(column, raw, expected):
    value = parse(P(column), raw)
    if expected is Bad:
        assert isinstance(value, Bad) and value.message
    else:
        assert value == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("care_child", ["care_child"]),
        ("care_child; transport ;care_child", ["care_child", "transport"]),
        ("care_child;nonsense", Bad),
    ],
)
def test_several_codes_are_separated_by_semicolons(raw, expected):
    value = parse(ENROLMENTS.column("exit_reasons"), raw)
    assert isinstance(value, Bad) if expected is Bad else value == expected


@pytest.mark.parametrize(
    "value,written",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+52 33 1234", "'+52 33 1234"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Núñez", "Núñez"),
        (-3, -3),
        (True, "yes"),
        (False, "no"),
        (None, None),
        ("", None),
        (["care_child", "transport"], "care_child;transport"),
        (date(2024, 2, 5), date(2024, 2, 5)),
    ],
)
def test_an_exported_cell_is_protected_against_formula_injection(value, written):
    assert cell(value) == written


@pytest.mark.parametrize("text", ["=1+1", "+52", "-x", "@a", "plain", "'quoted"])
def test_what_is_exported_reads_back_as_it_was(text):
    assert text_of(cell(text)) == text
