"""An audit entry's changes as people read them."""

from __future__ import annotations

import pytest
from django.utils import translation

from cometa.accounts.audit_changes import ChangeRow, readable_changes


@pytest.mark.parametrize(
    ("changes", "rows"),
    [
        ({"status": ["draft", "submitted"]}, [ChangeRow("status", ("draft",), ("submitted",))]),
        ({"name": [None, "UNDP"]}, [ChangeRow("name", (), ("UNDP",))]),
        ({"is_published": [False, True]}, [ChangeRow("is published", ("no",), ("yes",))]),
        ({"password": {"changed": True}}, [ChangeRow("password", (), (), unrecorded=True)]),
        (
            {
                "answers": [
                    {"meets.a": "met", "meets.b": "not_met"},
                    {"meets.a": "met", "meets.b": "met"},
                ]
            },
            [ChangeRow("answers", ("meets.b: not_met",), ("meets.b: met",))],
        ),
        (
            {"answers": [{}, {"meets.a": "met"}]},
            [ChangeRow("answers", (), ("meets.a: met",))],
        ),
        (
            {"roles": [["viewer"], ["editor", "viewer"]]},
            [ChangeRow("roles", ("viewer",), ("editor, viewer",))],
        ),
        ({"file": "report.pdf"}, [ChangeRow("file", (), ("report.pdf",))]),
    ],
)
def test_changes_read_as_before_and_after(changes, rows):
    with translation.override("en"):
        assert readable_changes(changes) == rows


def test_nothing_shows_a_python_dictionary():
    changes = {"inputs": [{"pct": 10}, {"pct": 40, "note": {"a": 1}}]}
    text = repr(readable_changes(changes))
    assert "{" not in text.replace("ChangeRow(", "")
