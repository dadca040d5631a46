"""The results demo: UN Women Mexico's 2022 framework and reporting, built through the
services, faithful to the seed's identifiers and figures, and built once."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cometa.accounts.models import AuditEntry, Organisation
from cometa.demo.accounts import build_accounts
from cometa.demo.results import build_results
from cometa.indicators.periods import parse_period
from cometa.indicators.value_store import total_findings
from cometa.results import selectors
from cometa.results.facts import FactStatus
from cometa.results.models import Fact, KnowledgeProduct, Narrative, Outcome, ResultIndicator
from cometa.results.scales import on_track_share
from tests.conftest import make_person

pytestmark = pytest.mark.django_db

SEED_OUTCOMES = [
    "D_1.1", "D_2.1", "D_2.2", "D_2.3", "D_3.1", "D_4.1", "D_6.1", "O_1", "O_2", "O_3", "O_4",
]  # fmt: skip


@pytest.fixture
def mexico():
    build_accounts()
    build_results(lambda note: None)
    return Organisation.objects.get(name="UN Women Mexico")


@pytest.fixture
def reviewer(db):
    person = make_person("reader@example.org", "Reader", admin=True)
    return person


def test_the_seed_outcomes_with_their_identifiers_and_statements(mexico) -> None:
    outcomes = Outcome.objects.filter(plan__office=mexico).order_by("position")
    assert [o.code for o in outcomes] == SEED_OUTCOMES
    first = outcomes[0]
    assert first.identifier == "XM-DAC-41146-MEX_D_1.1"
    assert first.statement_text().en.startswith("By 2025, the Mexican State plans with territorial")
    assert outcomes.get(code="O_2").statement_text().en == (
        "Increased engagement of partners in support of UN Women's mandate"
    )
    assert Narrative.objects.filter(outcome__plan__office=mexico, year=2022).count() == 11


def test_every_linked_fact_matches_the_value_it_claims(mexico, reviewer) -> None:
    linked = 0
    for narrative in Narrative.objects.filter(outcome__plan__office=mexico):
        for check in selectors.fact_checks(reviewer, narrative):
            if check.claim.cell is not None:
                linked += 1
                assert check.status is FactStatus.MATCHES, (narrative, check)
    assert linked == 7
    enrolled = Fact.objects.get(label="women enrolled in Second Chance Education")
    assert enrolled.value == Decimal(2763)


def test_the_parts_add_up_where_the_seed_gives_them(mexico) -> None:
    informed = ResultIndicator.objects.get(version__indicator__code="MEX-AGRARIAN-INFORMED")
    period = parse_period("2022")
    found = total_findings(owner=informed, version=informed.version, kind="actual", period=period)
    assert found == []  # 188 women + 7 men = 195


def test_budget_share_and_outcomes_on_track(mexico, reviewer) -> None:
    [usd] = selectors.budget_totals(reviewer, mexico, 2022)
    assert (usd.currency, usd.total, usd.marked) == ("USD", Decimal(3165000), Decimal(3145000))
    progress = Narrative.objects.filter(outcome__plan__office=mexico).values_list(
        "progress", flat=True
    )
    share = on_track_share(progress)
    assert (share.on_track, share.assessed) == (9, 11)


def test_knowledge_products_are_searchable(mexico, reviewer) -> None:
    assert KnowledgeProduct.objects.filter(office=mexico).count() == 8
    found = selectors.knowledge_search(reviewer, query="colegio", office=mexico)
    assert {p.title for p in found} >= {"National Map of Care"}


def test_building_again_changes_nothing(mexico) -> None:
    entries = AuditEntry.objects.count()
    build_results(lambda note: None)
    assert AuditEntry.objects.count() == entries
    recorded = AuditEntry.objects.filter(action="results.value.record")
    assert recorded.filter(organisation_id=mexico.pk).count() == 22


def test_a_second_office_to_compare_with(mexico, reviewer) -> None:
    offices = {row.office: row for row in selectors.progress_overview(reviewer, 2022)}
    assert sorted(offices) == ["UN Women Kazakhstan", "UN Women Mexico"]
    kazakhstan = offices["UN Women Kazakhstan"]
    assert kazakhstan.counts == {"on_track": 1, "partly": 1, "off_track": 1, "not_assessed": 0}
    assert kazakhstan.region == "Europe and Central Asia"
    assert offices["UN Women Mexico"].on_track.on_track == 9
