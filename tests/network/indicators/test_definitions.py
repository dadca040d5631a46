"""The common indicators' definitions, checked without the database: every drop-out
reason falls in exactly one reason group, and what touches psychosocial follow-up or
violence is sensitive (the strict threshold)."""

from __future__ import annotations

import sqlite3

from cometa.network.codes import DropReason
from cometa.network.indicators.definitions import COMMON, by_code


def test_every_drop_out_reason_falls_in_exactly_one_group():
    groups = [common for common in COMMON if common.code.startswith("CI-04-")]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE f (status TEXT, drop_reason TEXT)")
    for code in [*DropReason.values, ""]:
        db.execute("DELETE FROM f")
        db.execute("INSERT INTO f VALUES ('dropped_out', ?)", [code])
        holding = [
            common.code
            for common in groups
            if db.execute(f"SELECT COUNT(*) FROM f WHERE {common.numerator}").fetchone()[0]
        ]
        assert len(holding) == 1, (code, holding)
        for common in groups:  # every group's denominator is every drop-out
            assert db.execute(f"SELECT COUNT(*) FROM f WHERE {common.denominator}").fetchone()[0]


def test_psychosocial_and_violence_indicators_are_sensitive():
    sensitive = {common.code for common in COMMON if common.sensitive}
    assert sensitive == {"CI-04-FAMILY", "CI-16", "CI-17"}
    assert by_code()["CI-17"].denominator == "flags > 0"
