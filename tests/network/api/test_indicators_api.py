"""The API of the stored indicators: runs, tables as released (partners their own rows),
trends, definitions; a recomputation started as a job (backbone coordinators only) and
a run frozen. Everything read comes from the stored run: compared with run_tables."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cometa.core.jobs import runner
from cometa.core.jobs.models import Job
from cometa.network.indicators.definitions import COMMON
from cometa.network.indicators.stored import run_tables
from cometa.network.models import IndicatorRun, Site
from tests.conftest import signed_in
from tests.network.indicators.people import stored_network

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def net():
    return stored_network()


def _url(net, path: str) -> str:
    return f"/api/v1/network/networks/{net.network.pk}/indicators/{path}"


def _post(net, person, path: str, body: dict):
    return signed_in(person).post(_url(net, path), body, content_type="application/json")


def _tables(net, person, query: str = ""):
    return signed_in(person).get(_url(net, f"runs/{net.run.pk}/tables/{query}"))


def test_runs_are_listed_and_an_outsider_finds_no_network(net):
    answer = signed_in(net.viewer).get(_url(net, "runs/"))
    assert answer.status_code == 200
    [run] = answer.json()
    assert (run["id"], run["period"], run["scope"]) == (net.run.pk, net.run.period, "full")
    assert run["frozen"] is False and run["k"] == net.network.cell_threshold
    assert signed_in(net.viewer).get(_url(net, "runs/?period=2019")).json() == []
    for path in ("runs/", f"runs/{net.run.pk}/tables/", "trend/CI-01/"):
        assert signed_in(net.outsider).get(_url(net, path)).status_code == 404
    assert signed_in(None).get(_url(net, "runs/")).status_code == 401


def test_a_table_is_the_stored_table_with_hidden_entries_null(net):
    answer = _tables(net, net.coordinator, "?by=site&dimension=age&code=CI-05")
    assert answer.status_code == 200
    [table] = answer.json()
    [stored] = run_tables(net.coordinator, net.run, by="site", dimension="age", codes=["CI-05"])
    assert (table["code"], table["version"], table["k"]) == ("CI-05", stored.version, stored.k)
    assert table["is_rate"] is True
    assert [(row["id"], row["label"]) for row in table["rows"]] == list(stored.rows)
    for row, line in zip(table["rows"], stored.cells, strict=True):
        assert [c["column"] for c in row["cells"]] == list(stored.columns)
        for given, cell in zip(row["cells"], line, strict=True):
            assert (given["n"], given["numerator"], given["hidden"]) == (
                cell.n, cell.numerator, cell.hidden)  # fmt: skip
            assert given["rate"] == (None if cell.rate is None else str(cell.rate))
    everything = _tables(net, net.coordinator, "?by=site").json()
    assert len(everything) == len(COMMON) * 6
    assert any(c["hidden"] and c["n"] is None for t in everything for r in t["rows"]
               for c in r["cells"])  # fmt: skip


def test_a_partner_reads_its_own_rows_and_the_totals(net):
    own = set(Site.objects.filter(member=net.partner).values_list("pk", flat=True))
    [table] = _tables(net, net.partner_viewer, "?by=site&dimension=sex&code=CI-01").json()
    ids = [row["id"] for row in table["rows"]]
    assert ids[-1] is None and set(ids[:-1]) and set(ids[:-1]) <= own
    [whole] = _tables(net, net.coordinator, "?by=site&dimension=sex&code=CI-01").json()
    assert len(whole["rows"]) > len(table["rows"])
    assert whole["rows"][-1] == table["rows"][-1]


def test_bad_filters_are_refused(net):
    assert _tables(net, net.viewer, "?by=street").status_code == 400
    assert _tables(net, net.viewer, "?code=CI-99").status_code == 400
    assert signed_in(net.viewer).get(_url(net, "runs/999999/tables/")).status_code == 404
    assert signed_in(net.viewer).get(_url(net, "trend/CI-99/")).status_code == 404


def test_the_trend_and_the_definitions(net):
    [point] = signed_in(net.partner_viewer).get(_url(net, "trend/CI-01/")).json()
    [total] = run_tables(net.coordinator, net.run, by="network", dimension="sex", codes=["CI-01"])
    assert (point["period"], point["n"], point["hidden"]) == (net.run.period, total.total.n, False)
    answer = signed_in(net.outsider).get("/api/v1/network/indicators/definitions/")
    assert answer.status_code == 200
    found = {row["code"]: row for row in answer.json()}
    assert list(found) == [c.code for c in COMMON]
    assert found["CI-01"]["is_rate"] is False and found["CI-05"]["is_rate"] is True
    assert found["CI-01"]["title"]["es"] == "Participantes inscritas"
    assert found["CI-01"]["version"] == total.version == 1
    assert found["CI-05"]["family"] == "ended"


def test_a_viewer_cannot_recompute_and_a_coordinator_starts_the_job(net):
    body = {"period": "2024"}
    for person in (net.viewer, net.partner_viewer):
        assert _post(net, person, "recompute/", body).status_code == 403
    assert _post(net, net.outsider, "recompute/", body).status_code == 404
    assert not Job.objects.exists()
    bad = _post(net, net.coordinator, "recompute/", {"period": "2024-13"})
    assert bad.status_code == 400
    answer = _post(net, net.coordinator, "recompute/", body)
    assert answer.status_code == 202
    job = Job.objects.get(pk=answer.json()["id"])
    assert answer["Location"].endswith(f"/jobs/{job.pk}/")
    runner.execute(job.pk)
    assert IndicatorRun.objects.filter(network=net.network, period="2024", job_id=job.pk).exists()


def test_only_a_coordinator_freezes_a_run(net):
    path = f"runs/{net.run.pk}/freeze/"
    assert _post(net, net.viewer, path, {"label": "x"}).status_code == 403
    answer = _post(net, net.coordinator, path, {"label": " March meeting "})
    assert answer.status_code == 200
    assert (answer.json()["frozen"], answer.json()["label"]) == (True, "March meeting")
    net.run.refresh_from_db()
    assert net.run.frozen and net.run.label == "March meeting"


def test_a_rate_reads_as_a_decimal_string(net):
    [table] = _tables(net, net.coordinator, "?by=network&dimension=sex&code=CI-05").json()
    total = table["rows"][-1]["cells"][-1]
    assert Decimal(total["rate"]) == (Decimal(100 * total["numerator"]) / total["n"]).quantize(
        Decimal("0.1"))  # fmt: skip
