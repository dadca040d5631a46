"""The dashboard of common indicators: stored values only (a request counts nothing),
the backbone's totals with trends, a partner's own rows only, hidden values as a marker
never a number, the drill-down paged with its totals, the recomputation as a job, the
snapshot, the PDF and Word files, and the link from the network's home page."""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document as WordDocument

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.roles import Role
from cometa.core.jobs.models import Job
from cometa.indicators.periods import custom, year
from cometa.network.dashboard.headline import HEADLINE
from cometa.network.generator.run import generate
from cometa.network.indicators.stored import run_tables
from cometa.network.models import IndicatorRun, Member
from cometa.network.services.indicator_runs import indicators_run
from cometa.network.services.indicators import recompute
from cometa.network.web.views import dashboard as dashboard_views
from tests.conftest import make_person, signed_in

pytestmark = pytest.mark.django_db

EVERYTHING = custom(date(2020, 1, 1), date(2027, 12, 31))


@pytest.fixture(autouse=True)
def own_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def network():
    made = generate(women=200, seed=5, name="Dashboard")
    recompute(actor=SYSTEM, network=made.network)
    return made.network


@pytest.fixture
def run(network):
    for each in (2023, 2024):
        indicators_run(actor=SYSTEM, network=network, period=year(each),
                       scope=IndicatorRun.Scope.HEADLINE)  # fmt: skip
    return indicators_run(actor=SYSTEM, network=network, period=EVERYTHING)


def _staff(organisation, email, role=Role.VIEWER):
    person = make_person(email, email.split("@")[0])
    accounts.membership_add(actor=SYSTEM, organisation=organisation, person=person, role=role)
    return person


def _partner(network):
    return Member.objects.filter(network=network).exclude(organisation=network.backbone)[0]


def _page(person, name, *args, query="", status=200):
    response = signed_in(person).get(reverse(name, args=args) + query)
    assert response.status_code == status, response.content[:400]
    return response


def _text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_backbone_reads_the_headline_with_when_and_trends(network, run):
    coordinator = _staff(network.backbone, "coord@example.org", Role.COORDINATOR)
    response = _page(coordinator, "network:indicators", network.pk)
    text = _text(response)
    [enrolled] = run_tables(coordinator, run, by="network", dimension="sex", codes=["CI-01"])
    assert f"{enrolled.total.n}" in text
    for headline in HEADLINE:
        assert str(headline.title) in text
    assert run.period in text and "Computed" in text and "the system" in text
    assert text.count("<svg") == 0 and response.content.count(b"<svg") >= 1  # a chart
    assert b'role="img"' in response.content and b'<caption id="trend0-caption">' in (
        response.content
    )
    for period in ("2023", "2024"):
        assert f"{period} " in text
    assert "Recompute" in text and "Keep as a snapshot" in text
    assert "Other partners' rows are not shown" not in text


def test_the_page_counts_nothing_and_never_reads_the_facts(network, run):
    coordinator = _staff(network.backbone, "coord@example.org", Role.COORDINATOR)
    client = signed_in(coordinator)
    url = reverse("network:indicators", args=[network.pk])
    client.get(url)  # sessions and caches warm
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    sql = " ".join(query["sql"].lower() for query in queries.captured_queries)
    assert "network_enrolmentfact" not in sql and "network_enrolment" not in sql
    assert "network_storedtable" in sql


def test_a_partner_sees_its_own_rows_only_and_is_told(network, run):
    member = _partner(network)
    staff = _staff(member.organisation, "partner@example.org")
    text = _text(_page(staff, "network:indicators", network.pk))
    assert "Other partners' rows are not shown to you" in text
    assert "Your organisation's own indicators" in text
    assert member.organisation.name in text
    others = Member.objects.filter(network=network).exclude(pk=member.pk)
    others = others.exclude(organisation=network.backbone)
    drill = _text(_page(staff, "network:indicator", network.pk, "CI-01", query="?by=member"))
    assert member.organisation.name in drill
    for other in others:
        assert other.organisation.name not in drill
    assert "Recompute" not in text


def test_an_outsider_finds_nothing(network, run):
    outsider = make_person("out@example.org", "Out")
    _page(outsider, "network:indicators", network.pk, status=404)
    _page(outsider, "network:indicator", network.pk, "CI-01", status=404)
    _page(outsider, "network:indicators-pdf", network.pk, status=404)


def test_hidden_values_are_a_marker_never_a_number(network, run):
    coordinator = _staff(network.backbone, "coord@example.org", Role.COORDINATOR)
    [table] = run_tables(coordinator, run, by="site", dimension="age", codes=["CI-05"])
    hidden = sum(1 for line in table.cells for cell in line if cell.hidden)
    assert hidden  # this network has small groups by centre and age
    response = _page(coordinator, "network:indicator", network.pk, "CI-05",
                     query="?by=site&dimension=age&sort=n")  # fmt: skip
    html = response.content.decode()
    assert html.count("hidden (small group)") >= min(hidden, 1)
    assert "values hidden" in _text(response) or "value hidden" in _text(response)
    shown = re.findall(r"n&nbsp;=&nbsp;(\d+)", html)
    assert shown and all(int(n) == 0 or int(n) >= table.k for n in shown)
    assert "fewer than" in _text(response)


def _body_rows(response):
    return response.content.decode().split("<tbody>")[1].split("</tbody>")[0].count("<tr>")


def test_the_drill_down_pages_rows_and_keeps_the_totals(network, run, monkeypatch):
    monkeypatch.setattr(dashboard_views, "ROWS_PER_PAGE", 4)  # 400 centres: pages of 50
    coordinator = _staff(network.backbone, "coord@example.org", Role.COORDINATOR)
    [table] = run_tables(coordinator, run, by="cohort", dimension="sex", codes=["CI-01"])
    rows = len(table.rows) - 1
    assert rows > 4, "the generated network has more cohorts than a page holds"
    pages = (rows + 3) // 4
    query = "?by=cohort&dimension=sex&sort=n"
    first = _page(coordinator, "network:indicator", network.pk, "CI-01", query=query)
    last = _page(coordinator, "network:indicator", network.pk, "CI-01",
                 query=f"{query}&page={pages}")  # fmt: skip
    for response in (first, last):
        assert "<tfoot>" in response.content.decode()
        assert str(table.total.n) in _text(response)
    assert _body_rows(first) == 4 and _body_rows(last) == rows - 4 * (pages - 1)
    assert f"Page 1 of {pages}" in _text(first)
    largest = max(line[-1].n or 0 for line in table.cells[:-1])
    body = first.content.decode().split("<tbody>")[1]
    assert re.findall(r"<td>\s*(\d+)\s*</td>", body.split("</tr>")[0])[-1] == str(largest)


def test_an_outcome_shows_its_rounds_response_rate(network, run):
    coordinator = _staff(network.backbone, "coord@example.org", Role.COORDINATOR)
    response = _page(coordinator, "network:indicator", network.pk, "CI-07-FU6",
                     query="?by=member")  # fmt: skip
    assert "Response rate of the round" in _text(response)
    _page(coordinator, "network:indicator", network.pk, "CI-99", status=404)


def test_recompute_starts_the_job_and_goes_to_its_page(network, run):
    coordinator = _staff(network.backbone, "coord@example.org", Role.COORDINATOR)
    client = signed_in(coordinator)
    url = reverse("network:indicators-recompute", args=[network.pk])
    response = client.post(url, {"period": "2024"})
    job = Job.objects.get(kind="network.indicators")
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("jobs:job", args=[job.pk])
    assert job.parameters == {"network": network.pk, "period": "2024"}
    bad = client.post(url, {"period": "2024-13"})
    assert bad.status_code == 302 and Job.objects.count() == 1
    viewer = _staff(network.backbone, "viewer@example.org")
    assert signed_in(viewer).post(url, {"period": "2024"}).status_code == 403


def test_a_run_is_frozen_as_a_snapshot(network, run):
    coordinator = _staff(network.backbone, "coord@example.org", Role.COORDINATOR)
    url = reverse("network:indicators-freeze", args=[network.pk, run.pk])
    response = signed_in(coordinator).post(url, {"label": "March partner meeting"})
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.frozen and run.label == "March partner meeting"
    text = _text(_page(coordinator, "network:indicators", network.pk, query=f"?run={run.pk}"))
    assert "March partner meeting" in text
    partner = _staff(_partner(network).organisation, "partner@example.org", Role.COORDINATOR)
    assert signed_in(partner).post(url, {"label": "x"}).status_code == 403


def test_the_period_chooser_reads_another_run(network, run):
    coordinator = _staff(network.backbone, "coord@example.org", Role.COORDINATOR)
    other = indicators_run(actor=SYSTEM, network=network, period=year(2024))
    text = _text(_page(coordinator, "network:indicators", network.pk, query=f"?run={run.pk}"))
    assert run.period in text
    assert b"selected" in _page(coordinator, "network:indicators", network.pk).content
    trend_only = IndicatorRun.objects.filter(scope="headline").first()
    _page(coordinator, "network:indicators", network.pk, query=f"?run={trend_only.pk}",
          status=404)  # fmt: skip
    _page(coordinator, "network:indicators", network.pk, query="?run=nonsense", status=404)
    assert other.pk != run.pk


def test_the_dashboard_as_pdf_and_word(network, run):
    coordinator = _staff(network.backbone, "coord@example.org", Role.COORDINATOR)
    pdf = _page(coordinator, "network:indicators-pdf", network.pk)
    assert pdf.content.startswith(b"%PDF") and pdf["Content-Type"] == "application/pdf"
    assert 'filename="dashboard-' in pdf["Content-Disposition"]
    word = _page(coordinator, "network:indicators-docx", network.pk, query="?lang=es")
    document = WordDocument(BytesIO(word.content))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Indicadores comunes" in text and run.period in text
    assert "-es.docx" in word["Content-Disposition"]


def test_nothing_computed_yet_says_so(network):
    coordinator = _staff(network.backbone, "coord@example.org", Role.COORDINATOR)
    text = _text(_page(coordinator, "network:indicators", network.pk))
    assert "Nothing has been computed" in text and "Recompute" in text
    _page(coordinator, "network:indicators-pdf", network.pk, status=404)


def test_the_network_home_links_to_the_dashboard(network):
    coordinator = _staff(network.backbone, "coord@example.org", Role.COORDINATOR)
    response = _page(coordinator, "network:network", network.pk)
    assert reverse("network:indicators", args=[network.pk]).encode() in response.content
