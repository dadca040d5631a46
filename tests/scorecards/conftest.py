from __future__ import annotations

import pytest

from cometa.scorecards.assessments import services
from cometa.scorecards.frameworks.store import framework_sync_builtin, latest_published
from cometa.scorecards.models import AssessmentKind
from tests.seeds import SEED


@pytest.fixture
def swap(db):
    framework_sync_builtin()
    return latest_published("unct-swap")


@pytest.fixture
def assessment(world, swap):
    return services.assessment_create(
        actor=world.aisha,
        new=services.NewAssessment(
            organisation=world.unct, framework=swap, year=2022, kind=AssessmentKind.COMPREHENSIVE
        ),
    )


@pytest.fixture
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"the seed report is not at {SEED}")
    return SEED.read_text(encoding="utf-8")
