"""Stored runs: what is stored is what may be shown, a partner reads its own rows, frozen
runs stay, the job recomputes and reports progress, and the trend reads every period."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.storage import default_storage
from django.http import Http404

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.roles import Role
from cometa.core.errors import NotPermitted
from cometa.core.jobs import runner
from cometa.core.jobs.models import Job
from cometa.indicators.disclosure import small_counts
from cometa.indicators.periods import custom, parse_period
from cometa.network.generator.run import generate
from cometa.network.indicator_jobs import indicators_job_start, years
from cometa.network.indicators.definitions import COMMON, DIMENSIONS
from cometa.network.indicators.selectors import controlled_tables
from cometa.network.indicators.stored import latest_run, run_tables, trend
from cometa.network.models import IndicatorRun, Site, StoredTable
from cometa.network.services.indicator_runs import indicators_freeze, indicators_run
from cometa.network.services.indicators import recompute
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


EVERYTHING = custom(date(2020, 1, 1), date(2027, 12, 31))


@pytest.fixture
def network():
    made = generate(women=200, seed=5, name="Stored")
    recompute(actor=SYSTEM, network=made.network)
    return made.network


def _coordinator(network):
    person = make_person("coord@example.org", "Coord")
    accounts.membership_add(
        actor=SYSTEM, organisation=network.backbone, person=person, role=Role.COORDINATOR
    )
    return person


def _cells(table):
    return [{"n": cell.n, "numerator": cell.numerator} for line in table.cells for cell in line]


def test_a_run_stores_every_table_as_shown_and_nothing_small(network):
    run = indicators_run(actor=SYSTEM, network=network, period=EVERYTHING)
    coordinator = _coordinator(network)
    assert StoredTable.objects.filter(run=run).count() == len(COMMON) * len(DIMENSIONS) * 4
    [computed] = controlled_tables(network, EVERYTHING, by="site", codes=["CI-05"],
                                   dimensions=["age"])  # fmt: skip
    [stored] = run_tables(coordinator, run, by="site", dimension="age", codes=["CI-05"])
    expected = [{"n": c["n"], "numerator": c["numerator"]} for c in computed.cells()]
    assert _cells(stored) == expected
    assert stored.version == computed.version and stored.k == computed.k
    for table in run_tables(coordinator, run, by="site"):
        shown = [{"n": cell.n} for line in table.cells for cell in line]
        assert small_counts(shown, table.k) == [], (table.code, table.dimension)
    assert any(cell.hidden for t in run_tables(coordinator, run, by="site") for line in
               t.cells for cell in line)  # fmt: skip


def test_a_partner_reads_its_own_sites_and_an_outsider_nothing(network):
    run = indicators_run(actor=SYSTEM, network=network, period=EVERYTHING)
    member = network.members.exclude(organisation=network.backbone).first()
    staff = make_person("staff@example.org", "Staff")
    accounts.membership_add(
        actor=SYSTEM, organisation=member.organisation, person=staff, role=Role.VIEWER
    )
    own = set(Site.objects.filter(member=member).values_list("pk", flat=True))
    [table] = run_tables(staff, run, by="site", dimension="sex", codes=["CI-01"])
    ids = {pk for pk, _ in table.rows if pk is not None}
    assert ids and ids <= own
    assert table.rows[-1] == (None, "")  # the released totals row stays
    [whole] = run_tables(_coordinator(network), run, by="site", dimension="sex", codes=["CI-01"])
    assert len(whole.rows) > len(table.rows)
    with pytest.raises(Http404):
        run_tables(make_person("out@example.org", "Out"), run, by="site")


def test_a_new_run_replaces_unfrozen_runs_and_keeps_frozen_ones(network):
    first = indicators_run(actor=SYSTEM, network=network, period=EVERYTHING)
    indicators_freeze(actor=SYSTEM, run=first, label="  Partner meeting, March  ")
    second = indicators_run(actor=SYSTEM, network=network, period=EVERYTHING)
    third = indicators_run(actor=SYSTEM, network=network, period=EVERYTHING)
    kept = set(IndicatorRun.objects.filter(network=network).values_list("pk", flat=True))
    assert kept == {first.pk, third.pk} and second.pk not in kept
    first.refresh_from_db()
    assert (first.frozen, first.label) == (True, "Partner meeting, March")
    assert latest_run(_coordinator(network), network).pk == third.pk


def test_only_coordinators_compute_or_freeze(network):
    staff = make_person("viewer@example.org", "Viewer")
    accounts.membership_add(
        actor=SYSTEM, organisation=network.backbone, person=staff, role=Role.VIEWER
    )
    with pytest.raises(NotPermitted):
        indicators_run(actor=staff, network=network, period=EVERYTHING)
    run = indicators_run(actor=SYSTEM, network=network, period=EVERYTHING)
    with pytest.raises(NotPermitted):
        indicators_freeze(actor=staff, run=run, label="x")


def test_the_job_recomputes_the_period_and_each_year_for_the_trend(network):
    coordinator = _coordinator(network)
    job = indicators_job_start(actor=coordinator, network=network, period=parse_period("2024"))
    runner.execute(job.pk)
    job.refresh_from_db()
    assert (job.state, job.done, job.total) == ("done", 3, 3)
    with default_storage.open(job.result_name) as stored:
        assert b"tables" in stored.read()
    full = latest_run(coordinator, network, "2024")
    assert full is not None and full.job_id == job.pk
    spanned = [str(p) for p in years(network)]
    assert len(spanned) >= 2
    points = trend(coordinator, network, "CI-01")
    assert [p.period for p in points] == spanned
    [total] = run_tables(coordinator, full, by="network", dimension="sex", codes=["CI-01"])
    assert [p.cell for p in points if p.period == "2024"] == [total.total]
    assert all(p.cell.n is not None for p in points)


def test_the_job_refuses_a_bad_period_and_a_viewer(network):
    from cometa.core.errors import ValidationFailed

    with pytest.raises(ValidationFailed):
        indicators_job_start(
            actor=_coordinator(network),
            network=network,
            period="2024-13",  # type: ignore[arg-type]
        )
    viewer = make_person("v2@example.org", "V")
    with pytest.raises(NotPermitted):
        indicators_job_start(actor=viewer, network=network, period=parse_period("2024"))
    assert not Job.objects.filter(kind="network.indicators").exists()
