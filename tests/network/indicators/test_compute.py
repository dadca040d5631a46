"""The common indicators counted in the database against a plain-Python reference, on
small generated networks; disclosure control on what leaves; who reads what."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.http import Http404

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.accounts.roles import Role
from cometa.indicators.disclosure import small_counts
from cometa.indicators.models import IndicatorVersion
from cometa.indicators.periods import custom, parse_period
from cometa.network.generator.run import generate
from cometa.network.indicators.compute import Scope, count
from cometa.network.indicators.definitions import COMMON, DIMENSIONS
from cometa.network.indicators.selectors import controlled_tables, indicator_tables
from cometa.network.models import Consent, EnrolmentFact
from cometa.network.services.indicators import recompute
from tests.conftest import make_person
from tests.network.indicators import reference

pytestmark = pytest.mark.django_db
EVERYTHING = custom(date(2020, 1, 1), date(2027, 12, 31))


@pytest.fixture
def network():
    made = generate(women=260, seed=11, name="Counted")
    recompute(actor=SYSTEM, network=made.network)
    return made.network


def _database(network, period):
    found = {}
    families: dict[str, list] = {}
    for common in COMMON:
        families.setdefault(common.family, []).append(common)
    for group in families.values():
        counts = count(group, Scope(network.pk), period, dimensions=DIMENSIONS)
        for place, common in enumerate(group):
            for dimension in DIMENSIONS:
                found[(common.code, dimension)] = {
                    key: (values[2 * place], values[2 * place + 1])
                    for key, values in counts[dimension].items()
                    if values[2 * place + 1] or values[2 * place]
                }
    return found


@pytest.mark.parametrize("period", [EVERYTHING, parse_period("2024"), parse_period("2023-Q2")])
def test_every_indicator_by_site_and_dimension_matches_the_python_reference(network, period):
    facts = reference.facts(network.pk)
    database = _database(network, period)
    assert set(reference.INDICATORS) == {common.code for common in COMMON}
    for (code, dimension), cells in database.items():
        expected = reference.counts(facts, code, dimension, period.start, period.end)
        expected = {key: value for key, value in expected.items() if any(value)}
        assert cells == expected, (code, dimension)
    assert any(cells for cells in database.values())  # the comparison compared something


def test_women_without_consent_to_be_counted_count_nowhere(network):
    before = EnrolmentFact.objects.filter(network=network).count()
    consent = Consent.objects.filter(
        participant__network=network, purpose="count_reports", withdrawn_on__isnull=True
    ).first()
    consent.withdrawn_on = date(2025, 1, 1)
    consent.save()
    recompute(actor=SYSTEM, network=network)
    assert not EnrolmentFact.objects.filter(participant_id=consent.participant_id).exists()
    assert EnrolmentFact.objects.filter(network=network).count() < before


def test_definitions_are_versioned_on_the_floor_and_tables_name_their_version(network):
    assert IndicatorVersion.objects.filter(indicator__code="CI-05", number=1).exists()
    [table] = controlled_tables(network, EVERYTHING, codes=["CI-05"], dimensions=["sex"])
    assert (table.code, table.version, table.dimension) == ("CI-05", 1, "sex")


def test_nothing_that_leaves_holds_a_count_between_1_and_k_minus_1(network):
    tables = controlled_tables(network, parse_period("2024"))
    assert len(tables) == len(COMMON) * len(DIMENSIONS)
    for table in tables:
        assert small_counts(table.cells(), table.k) == [], (table.code, table.dimension)
    hidden = sum(len(table.control.hidden) for table in tables)
    assert hidden > 0  # small sites and groups exist at this size, and were hidden


def test_outside_tables_use_the_strict_threshold(network):
    [inside] = controlled_tables(network, EVERYTHING, codes=["CI-01"], dimensions=["age"])
    [outside] = controlled_tables(
        network, EVERYTHING, codes=["CI-01"], dimensions=["age"], leaves_network=True
    )
    assert (inside.k, outside.k) == (5, 10)
    assert small_counts(outside.cells(), 10) == []
    middling = [
        (i, j)
        for i, row in enumerate(outside.denominators)
        for j, n in enumerate(row)
        if 5 <= n < 10
    ]
    assert middling  # groups of 5 to 9 women exist: shown inside, hidden outside
    assert all(outside.control.reasons[entry] == "small" for entry in middling)


def test_an_outsider_finds_no_network_and_a_partner_reads_only_its_own(network):
    with pytest.raises(Http404):
        indicator_tables(make_person("out@example.org", "Out"), network, EVERYTHING)
    member = network.members.exclude(organisation=network.backbone).first()
    staff = make_person("staff@example.org", "Staff")
    accounts.membership_add(
        actor=SYSTEM, organisation=member.organisation, person=staff, role=Role.VIEWER
    )
    [table] = indicator_tables(staff, network, EVERYTHING, codes=["CI-01"], dimensions=["sex"])
    own = set(member.sites.values_list("pk", flat=True))
    assert {row for row, _ in table.rows} <= own


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GROUPING SETS: PostgreSQL")
def test_grouping_sets_give_the_same_counts(network):
    group = [c for c in COMMON if c.family == "enrolled"]
    one = count(group, Scope(network.pk), EVERYTHING, dimensions=DIMENSIONS, grouping_sets=True)
    each = count(group, Scope(network.pk), EVERYTHING, dimensions=DIMENSIONS, grouping_sets=False)
    assert one == each


def test_the_command_recomputes_one_network_or_all(network):
    EnrolmentFact.objects.all().delete()
    said = StringIO()
    call_command("network", "recompute", "--network", str(network.pk), stdout=said)
    assert "enrolments counted" in said.getvalue()
    assert EnrolmentFact.objects.filter(network=network).exists()
    with pytest.raises(CommandError, match="--network"):
        call_command("network", "recompute", "--network", "999999")
    assert AuditEntry.objects.filter(action="network.recompute").count() == 2
