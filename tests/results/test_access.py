"""Who reads and who changes an office's results."""

from __future__ import annotations

import pytest

from cometa.accounts.acting import SYSTEM
from cometa.results import access


@pytest.mark.parametrize(
    ("who", "reads", "edits"),
    [
        ("elena", True, True),  # the office's editor
        ("vic", True, False),  # the office's viewer
        ("kai", False, False),  # another office's editor
        ("oscar", True, False),  # coordinates the country team holding the office
        ("rita", True, False),  # reviewer: reads all
        ("ada", True, True),  # platform administrator
        ("bolat", False, False),  # elsewhere
    ],
)
def test_mexico_results(offices, who: str, reads: bool, edits: bool) -> None:
    person = getattr(offices, who, None) or getattr(offices.world, who)
    assert access.may_read(person, offices.mexico) is reads
    assert access.may_edit(person, offices.mexico) is edits


def test_the_system_may_change_any_office(offices) -> None:
    assert access.may_edit(SYSTEM, offices.kazakhstan)


def test_a_deactivated_editor_may_do_nothing(offices) -> None:
    offices.elena.is_active = False
    assert not access.may_edit(offices.elena, offices.mexico)
    assert not access.may_read(offices.elena, offices.mexico)


def test_none_is_not_an_actor(offices) -> None:
    with pytest.raises(TypeError):
        access.may_edit(None, offices.mexico)  # type: ignore[arg-type]
