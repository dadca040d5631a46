"""The demo's shared-measurement network: the small generated network, with Lucía on its
backbone (codes, no identities) and Marta editing for a partner; built once."""

from __future__ import annotations

import pytest

from cometa.demo.accounts import build_accounts
from cometa.demo.network import NAME, WOMEN, build_network
from cometa.network import selectors
from cometa.network.access import may_read_identity, may_read_psychosocial, reach
from cometa.network.indicators.stored import latest_run, trend
from cometa.network.models import IndicatorRun, Network, Participant

pytestmark = pytest.mark.django_db


def test_the_demo_loads_the_small_network_once_with_its_people():
    build_accounts()
    steps: list[str] = []
    build_network(steps.append)
    network = Network.objects.get(name=NAME)
    assert Participant.objects.filter(network=network).count() == WOMEN
    lucia = network.backbone.memberships.get(person__email__startswith="lucia@").person
    assert reach(lucia, network).sees_network
    her = selectors.participants_for(lucia, network).first()
    assert her is not None and not may_read_identity(lucia, her.member)
    marta_member = network.members.exclude(organisation=network.backbone).order_by("pk").first()
    marta = marta_member.organisation.memberships.get(person__email__startswith="marta@").person
    assert may_read_identity(marta, marta_member) and may_read_psychosocial(marta, marta_member)
    full = latest_run(lucia, network)
    assert full is not None and full.tables.exists()
    points = trend(lucia, network, "CI-01")
    assert len(points) == IndicatorRun.objects.filter(network=network).count() >= 2
    assert points[-1].period == full.period and all(p.cell.n for p in points)
    build_network(steps.append)
    assert Network.objects.filter(name=NAME).count() == 1 and len(steps) == 2
    assert IndicatorRun.objects.filter(network=network).count() == len(points)
