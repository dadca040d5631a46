"""The model's two conveniences: values as decimals, narratives by language."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cometa.interchange.iati.model import Baseline, Narrative, Text, Value


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("120", Decimal(120)),
        (" 12.50 ", Decimal("12.50")),
        ("-3", Decimal(-3)),
        (None, None),
        ("n/a", None),
    ],
)
def test_amount_reads_the_value_as_a_decimal(text, amount):
    assert Value(text).amount == amount
    assert Baseline(2020, value=text).amount == amount


def test_a_narrative_without_language_takes_the_activity_default():
    title = Text((Narrative("Women"), Narrative("Mujeres", "es")))
    assert title.in_language("es") == "Mujeres"
    assert title.in_language("en") is None
    assert title.in_language("en", default="en") == "Women"
