"""A results indicator's actual taken from a network's stored total: the value and its
provenance (network, run, period, indicator code, definition version) are stored as a
computed value; a hidden total, another definition, an outsider and a person who may not
change the office are refused; a partner's staff cannot pull the network's total into an
office they do not edit. The API entry answers 201, or 404 out of reach."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.http import Http404

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Organisation, Person
from cometa.accounts.models.organisations import OrganisationKind as Kind
from cometa.accounts.roles import Role
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.indicators.models import IndicatorVersion, ValueSource
from cometa.indicators.periods import parse_period
from cometa.indicators.texts import Text
from cometa.indicators.value_store import values_of
from cometa.links.network_actuals import network_actual
from cometa.network.models import IndicatorRun, StoredTable
from cometa.network.services.indicator_runs import indicators_run
from cometa.results.inputs import PlanContent
from cometa.results.models import ResultIndicator
from cometa.results.services import framework
from tests.conftest import make_person, signed_in
from tests.network.indicators.people import Stored, stored_network

pytestmark = pytest.mark.django_db


@dataclass
class Linked:
    net: Stored
    run: IndicatorRun  # of 2024, inside the plan's years
    office: Organisation
    enrolled: ResultIndicator  # attached to CI-01
    completion: ResultIndicator  # attached to CI-05
    elena: Person  # edits the office, views the backbone


def _version(code: str) -> IndicatorVersion:
    return IndicatorVersion.objects.filter(indicator__code=code).order_by("-number").first()


@pytest.fixture
def linked() -> Linked:
    net = stored_network()
    run = indicators_run(actor=SYSTEM, network=net.network, period=parse_period("2024"))
    office = accounts.organisation_create(
        actor=SYSTEM, name="UN Women Mexico", kind=Kind.UN_WOMEN_OFFICE, country="MEX"
    )
    plan = framework.plan_create(
        actor=SYSTEM, office=office, content=PlanContent("Strategic Note", 2022, 2025, "MEX")
    )
    outcome = framework.outcome_create(
        actor=SYSTEM, plan=plan, code="D_2.2", statement_text=Text("Women work.")
    )
    attach = framework.indicator_attach
    elena = make_person("elena@example.org", "Elena")
    accounts.membership_add(actor=SYSTEM, organisation=office, person=elena, role=Role.EDITOR)
    accounts.membership_add(
        actor=SYSTEM, organisation=net.network.backbone, person=elena, role=Role.VIEWER
    )
    return Linked(
        net, run, office,
        attach(actor=SYSTEM, to=outcome, version=_version("CI-01")),
        attach(actor=SYSTEM, to=outcome, version=_version("CI-05")),
        elena,
    )  # fmt: skip


def _total(run: IndicatorRun, code: str) -> list[int | None]:
    table = StoredTable.objects.get(run=run, code=code, by="network", dimension="sex")
    return table.cells[-1][-1]


def test_the_value_and_its_provenance_are_stored(linked):
    n, _ = _total(linked.run, "CI-01")
    row = network_actual(actor=linked.elena, indicator=linked.enrolled,
                         network=linked.net.network, run=linked.run, code="CI-01")  # fmt: skip
    stored = values_of(owner=linked.enrolled).get()
    assert stored.pk == row.pk and stored.value == Decimal(n) and n >= linked.run.k
    assert (stored.kind, str(stored.period), stored.source) == ("actual", "2024",
                                                                ValueSource.COMPUTED)  # fmt: skip
    version = _version("CI-01")
    assert stored.version == version
    source = stored.computed_from
    for part in (f"network Stored (id {linked.net.network.pk})", f"CI-01 v{version.number}",
                 f"run {linked.run.pk}", "period 2024", f"n={n}"):  # fmt: skip
        assert part in source, part


def test_a_rate_becomes_its_per_cent(linked):
    n, numerator = _total(linked.run, "CI-05")
    network_actual(actor=SYSTEM, indicator=linked.completion, network=linked.net.network,
                   run=linked.run, code="CI-05")  # fmt: skip
    stored = values_of(owner=linked.completion).get()
    expected = (Decimal(100 * numerator) / n).quantize(Decimal("0.1"))
    assert stored.value == expected and f"numerator={numerator}" in stored.computed_from


def test_a_hidden_total_is_refused_never_recounted(linked):
    table = StoredTable.objects.get(run=linked.run, code="CI-01", by="network", dimension="sex")
    table.cells[-1][-1] = None
    table.save(update_fields=["cells"])
    with pytest.raises(ValidationFailed, match="withheld"):
        network_actual(actor=SYSTEM, indicator=linked.enrolled, network=linked.net.network,
                       run=linked.run, code="CI-01")  # fmt: skip
    assert not values_of(owner=linked.enrolled).exists()


def test_another_definition_is_refused(linked):
    with pytest.raises(ValidationFailed) as refused:
        network_actual(actor=SYSTEM, indicator=linked.enrolled, network=linked.net.network,
                       run=linked.run, code="CI-05")  # fmt: skip
    assert "version" in refused.value.errors


def test_a_partner_cannot_pull_the_total_into_another_office_nor_an_outsider_read_it(linked):
    partner_editor = make_person("pe@example.org", "Pe")  # edits its own organisation only
    accounts.membership_add(actor=SYSTEM, organisation=linked.net.partner.organisation,
                            person=partner_editor, role=Role.EDITOR)  # fmt: skip
    for partner in (partner_editor, linked.net.partner_viewer):
        with pytest.raises(NotPermitted):
            network_actual(actor=partner, indicator=linked.enrolled, network=linked.net.network,
                           run=linked.run, code="CI-01")  # fmt: skip
    kai = make_person("kai@example.org", "Kai")  # edits the office, outside the network
    accounts.membership_add(actor=SYSTEM, organisation=linked.office, person=kai, role=Role.EDITOR)
    with pytest.raises(Http404):
        network_actual(actor=kai, indicator=linked.enrolled, network=linked.net.network,
                       run=linked.run, code="CI-01")  # fmt: skip
    assert not values_of(owner=linked.enrolled).exists()


def test_the_api_entry(linked):
    body = {"indicator": linked.enrolled.pk, "network": linked.net.network.pk,
            "run": linked.run.pk, "code": "CI-01"}  # fmt: skip
    url = "/api/v1/links/network-actuals/"

    def post(person):
        return signed_in(person).post(url, body, content_type="application/json")

    assert post(linked.net.partner_viewer).status_code == 404  # reads no results of the office
    assert post(linked.net.outsider).status_code == 404
    answer = post(linked.elena)
    assert answer.status_code == 201, answer.content
    data = answer.json()
    assert data["source"] == "computed" and data["period"] == "2024"
    assert f"run {linked.run.pk}" in data["computed_from"]
    assert data["version"] == str(_version("CI-01"))
    assert post(None).status_code == 401
    other = {**body, "run": 999999}
    assert (
        signed_in(linked.elena).post(url, other, content_type="application/json").status_code == 404
    )
