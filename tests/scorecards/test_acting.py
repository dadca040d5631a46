"""Scorecards services take ``acting.SYSTEM`` for the platform itself and refuse ``None``."""

from __future__ import annotations

import pytest

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.core.errors import NotPermitted
from cometa.scorecards.assessments import services
from cometa.scorecards.models import Cycle


def test_a_scorecards_service_refuses_none_and_writes_nothing(world):
    with pytest.raises(TypeError, match="actor=None is not an actor"):
        services.cycle_create(
            actor=None,  # type: ignore[arg-type]
            organisation=world.unct,
            name="Nobody's cycle",
            start_year=2021,
            end_year=2025,
        )
    assert not Cycle.objects.filter(name="Nobody's cycle").exists()
    assert not AuditEntry.objects.filter(action="cycle.create").exists()


def test_the_system_acts_and_a_person_is_still_checked(world):
    cycle = {"organisation": world.unct, "start_year": 2021, "end_year": 2025}
    with pytest.raises(NotPermitted):
        services.cycle_create(actor=world.sara, name="Sara's cycle", **cycle)
    made = services.cycle_create(actor=SYSTEM, name="The system's cycle", **cycle)
    entry = AuditEntry.objects.get(action="cycle.create", object_id=str(made.pk))
    assert (entry.actor_id, entry.actor_label) == (None, "system")
    assert services.cycle_create(actor=world.aisha, name="Aisha's cycle", **cycle).pk
