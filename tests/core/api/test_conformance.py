"""The API against its committed OpenAPI schema, by property-based testing (schemathesis).

Every operation of docs/api/openapi.yaml is called with generated parameters and bodies,
authenticated as a platform administrator (who may reach every route), through Django's
WSGI application in this process. A response fails the test when it is a server error
(5xx), when its status code is not documented for the operation, when its content type
is not the one documented, or when its body does not match the documented schema.

The run is bounded: a few examples per operation (COMETA_API_FUZZ_EXAMPLES, default 12)
and no shrinking deadline, so the whole module takes a few minutes at most on CI.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pyotp
import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, Phase, settings
from schemathesis import checks

from cometa.accounts import services as accounts
from cometa.accounts import tokens
from cometa.accounts.acting import SYSTEM
from cometa.network.services import delivery, network, participants, progress
from cometa.scorecards.assessments import services as assessments
from cometa.scorecards.frameworks.store import framework_sync_builtin, latest_published
from cometa.scorecards.models import AssessmentKind
from cometa.scorecards.records import evidence
from cometa.scorecards.records import services as records
from tests.conftest import World, https_client

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "docs" / "api" / "openapi.yaml"
DAY = date(2024, 2, 5)
EXAMPLES = int(os.environ.get("COMETA_API_FUZZ_EXAMPLES", "12"))

schema = schemathesis.openapi.from_path(SCHEMA_PATH)

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


@pytest.fixture
def token(admin_token: str):  # type: ignore[no-untyped-def]
    """The token, with the test's one database connection kept through the run: the WSGI
    handler closes the connection at each request (Django's test client switches that off
    for its own requests, then on again, so this comes after the token's check); on
    PostgreSQL that dropped the test's transaction, its data and the token itself."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield admin_token
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def scene(world: World) -> World:
    """Something behind the small ids the run generates: an assessment with an answered
    indicator (and unanswered ones, whose fields are empty), a team member, an action
    point, a link, a removed action point, a cycle."""
    framework_sync_builtin()
    assessment = assessments.assessment_create(
        actor=world.aisha,
        new=assessments.NewAssessment(
            organisation=world.unct,
            framework=latest_published("unct-swap"),
            year=2022,
            kind=AssessmentKind.COMPREHENSIVE,
        ),
    )
    row = assessment.indicators.get(code="3.2")
    assessments.indicator_update(
        actor=world.aisha,
        indicator=row,
        expected_version=row.version,
        values=assessments.IndicatorValues(reassessed=True, answers={"meets.a": "met"}),
    )
    records.team_member_add(actor=SYSTEM, assessment=assessment, name="Member", entity="UNDP")
    content = records.ActionContent(indicator_code="1.1", text="An action")
    records.action_save(actor=SYSTEM, assessment=assessment, content=content)
    removed = records.action_save(actor=SYSTEM, assessment=assessment, content=content)
    records.action_delete(actor=SYSTEM, action=removed)
    evidence.evidence_link(
        actor=SYSTEM, assessment=assessment, url="https://example.org/a", title="A link"
    )
    _network()
    return world


def _network() -> None:
    """A network with one partner, one cohort and a woman who completed it (so that she
    has enrolment changes and follow-ups behind the small ids)."""
    backbone = accounts.organisation_create(actor=SYSTEM, name="Backbone", kind="backbone")
    partner = accounts.organisation_create(actor=SYSTEM, name="Partner", kind="partner")
    net = network.network_create(actor=SYSTEM, name="Fuzz network", backbone=backbone)
    member = network.member_join(actor=SYSTEM, network=net, organisation=partner, starts_on=DAY)
    programme = delivery.programme_create(
        actor=SYSTEM, network=net, code="p", name="P", pathways={"employment": "Employment"}
    )
    site = delivery.site_create(
        actor=SYSTEM, member=member, name="Centre", kind="community_centre",
        state_code="14", municipality_code="14120", urbanisation="U",
    )  # fmt: skip
    cohort = delivery.cohort_create(
        actor=SYSTEM, site=site, pathway=programme.pathways.get(), code="C1", starts_on=DAY,
        ends_on=DAY, capacity=10,
    )  # fmt: skip
    woman = participants.participant_register(
        actor=SYSTEM, member=member, registered_on=DAY, identity={"given_names": "A"},
        consents={"take_part": DAY, "share_backbone": DAY},
    )  # fmt: skip
    enrolment = progress.enrol(actor=SYSTEM, participant=woman, cohort=cohort, enrolled_on=DAY)
    progress.enrolment_change(actor=SYSTEM, enrolment=enrolment, to_status="active", on=DAY)
    progress.enrolment_change(actor=SYSTEM, enrolment=enrolment, to_status="completed", on=DAY)


@pytest.fixture
def admin_token(scene: World) -> str:
    """A token that works: were it refused, every case would pass on a documented 401.
    An administrator's tokens need her second factor set up and just checked."""
    ada = scene.ada
    ada.totp_secret, ada.totp_confirmed_at = pyotp.random_base32(), timezone.now()
    ada.save()
    issued = tokens.token_create(
        actor=ada, name="schemathesis", days=1, second_factor_at=timezone.now()
    )
    secret = issued.secret
    me = https_client().get("/api/v1/me/", headers={"Authorization": f"Bearer {secret}"})
    assert me.status_code == 200, me.content
    return secret


@pytest.mark.django_db(transaction=False)
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, token: str) -> None:  # type: ignore[no-untyped-def]
    case.call_and_validate(
        app=APP,
        base_url="https://localhost",
        # The in-process WSGI client does not decompress as an HTTP client would: ask for
        # the body as it is (compression has its own tests in tests/core).
        headers={"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"},
        checks=CHECKS,
    )


APP = get_wsgi_application()
