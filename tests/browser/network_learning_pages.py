"""The learning pages, for the browser tests (axe-core, a phone's width): the network of
``network_running_pages`` with a frozen snapshot, a note on two of its indicators and an
overdue action Aisha (UNCT Kazakhstan, a partner) owns. Ada, a platform administrator,
acts as the backbone: she writes notes and records reviews at the meeting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.urls import reverse

from cometa.accounts.acting import SYSTEM
from cometa.network.services.learning import action_add, note_write
from tests.browser.conftest import SitePage
from tests.browser.network_pages import _open_everything
from tests.browser.network_running_pages import _running
from tests.conftest import World
from tests.network.learning import snapshot


def _learning(world: World) -> dict[str, Any]:
    if not hasattr(world, "_network_learning"):
        found = _running(world)
        note = note_write(
            actor=SYSTEM, network=found["network"], snapshot=snapshot(found["network"]),
            title="Attendance fell after the summer", codes=["CI-01", "CI-03"],
            text="Fewer women came to the sessions in September; the centres say the "
            "school holidays ended and childcare is missing.",
        )  # fmt: skip
        action_add(actor=SYSTEM, note=note, text="Ask each centre about childcare",
                   owner=world.aisha, due_on=date(2024, 1, 31))  # fmt: skip
        world._network_learning = {**found, "note": note}  # type: ignore[attr-defined]
    return world._network_learning  # type: ignore[attr-defined,no-any-return]


def _path(name: str, *keys: str) -> Callable[[World], str]:
    def path(world: World) -> str:
        found = _learning(world)
        return reverse(name, args=[found["network"].pk, *(found[key].pk for key in keys)])

    return path


LEARNING_PAGES = [
    SitePage("network-learning", "aisha", _path("network:learning"), "Learning notes"),
    SitePage("network-learning-backbone", "ada", _path("network:learning"), "Write a note"),
    SitePage("network-learning-new", "ada", _path("network:learning-new"), "Write the note"),
    SitePage(
        "network-learning-note",
        "aisha",
        _path("network:learning-note", "note"),
        "The values as they were frozen",
        then=_open_everything,
    ),
    SitePage(
        "network-learning-note-backbone",
        "ada",
        _path("network:learning-note", "note"),
        "Add an action",
        then=_open_everything,
    ),
    SitePage(
        "network-learning-meeting",
        "ada",
        _path("network:meeting", "meeting"),
        "Learning notes and actions to review",
        then=_open_everything,
    ),
]
