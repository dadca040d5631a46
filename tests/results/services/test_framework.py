"""Building the framework: plans, outcomes, outputs, indicators, partners, programmes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cometa.accounts.models import AuditEntry
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.indicators.definition_store import definition_save
from cometa.indicators.texts import Text
from cometa.results.inputs import PlanContent
from cometa.results.models import Outcome, ResultIndicator
from cometa.results.services import framework
from tests.results.conftest import ENROLLED

PLAN = PlanContent(
    title="Strategic Note 2022-2025", start_year=2022, end_year=2025, office_code="KAZ"
)


def test_an_editor_builds_her_office_framework_and_each_step_is_audited(offices) -> None:
    plan = framework.plan_create(actor=offices.kai, office=offices.kazakhstan, content=PLAN)
    outcome = framework.outcome_create(
        actor=offices.kai, plan=plan, code="O_1", statement_text=Text("Coordination.")
    )
    assert outcome.kind == "O"
    assert outcome.identifier == "XM-DAC-41146-KAZ_O_1"
    output = framework.output_create(
        actor=offices.kai, outcome=outcome, code="O_1.2", statement_text=Text("A gender group.")
    )
    assert output.identifier == "XM-DAC-41146-KAZ_O_1.2"
    actions = list(
        AuditEntry.objects.filter(
            organisation_id=offices.kazakhstan.pk, action__startswith="results."
        )
        .order_by("seq")
        .values_list("action", "actor_label")
    )
    assert actions == [
        ("results.plan.create", "kai@example.org"),
        ("results.outcome.create", "kai@example.org"),
        ("results.output.create", "kai@example.org"),
    ]


@pytest.mark.parametrize("who", ["vic", "kai", "oscar", "rita"])
def test_only_the_office_editors_change_it(offices, who: str) -> None:
    person = getattr(offices, who, None) or getattr(offices.world, who)
    with pytest.raises(NotPermitted):
        framework.outcome_create(
            actor=person, plan=offices.plan, code="D_1.1", statement_text=Text("x")
        )
    assert not Outcome.objects.filter(code="D_1.1").exists()


@pytest.mark.parametrize(
    ("content", "field"),
    [
        (replace(PLAN, title=" "), "title"),
        (replace(PLAN, end_year=2021), "end_year"),
        (replace(PLAN, office_code="kaz"), "office_code"),
        (replace(PLAN, publisher="UNWOMEN"), "publisher"),
    ],
)
def test_a_plan_is_validated(offices, content: PlanContent, field: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        framework.plan_create(actor=offices.kai, office=offices.kazakhstan, content=content)
    assert field in refused.value.errors


def test_one_plan_per_office_and_first_year(offices) -> None:
    with pytest.raises(ValidationFailed) as refused:
        framework.plan_create(
            actor=offices.elena, office=offices.mexico, content=replace(PLAN, office_code="MEX")
        )
    assert "start_year" in refused.value.errors


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("D2.2", "not a result code"),
        ("D_1.1.1", "one or two parts"),
        ("D_2.2", "already has an outcome"),
    ],
)
def test_outcome_codes(offices, code: str, message: str) -> None:
    with pytest.raises(ValidationFailed, match=message):
        framework.outcome_create(
            actor=offices.elena, plan=offices.plan, code=code, statement_text=Text("x")
        )


def test_a_statement_needs_english(offices) -> None:
    with pytest.raises(ValidationFailed) as refused:
        framework.outcome_create(
            actor=offices.elena, plan=offices.plan, code="D_1.1", statement_text=Text(" ", "es")
        )
    assert "statement" in refused.value.errors


@pytest.mark.parametrize("code", ["D_2.3.1", "O_2.2.1", "D_2.2", "D_2.2.1.1"])
def test_an_output_code_extends_its_outcome(offices, code: str) -> None:
    with pytest.raises(ValidationFailed, match=r"D_2\.2\.1"):
        framework.output_create(
            actor=offices.elena, outcome=offices.outcome, code=code, statement_text=Text("x")
        )


def test_restating_an_outcome_keeps_the_old_wording_in_the_audit(offices) -> None:
    new = Text("New wording.", "Nueva redacción.", "Новая формулировка.")
    framework.outcome_restate(actor=offices.elena, outcome=offices.outcome, statement_text=new)
    offices.outcome.refresh_from_db()
    assert offices.outcome.statement_text() == new
    entry = AuditEntry.objects.get(action="results.outcome.restate")
    assert entry.changes["statement"][0]["en"].startswith("By 2025")


def test_an_indicator_is_attached_once_per_outcome_or_output(offices) -> None:
    version = offices.enrolled.version
    with pytest.raises(ValidationFailed, match="already attached"):
        framework.indicator_attach(actor=offices.elena, to=offices.outcome, version=version)
    on_output = framework.indicator_attach(actor=offices.elena, to=offices.output, version=version)
    assert (on_output.plan, on_output.output, on_output.outcome) == (
        offices.plan,
        offices.output,
        None,
    )
    assert ResultIndicator.objects.count() == 2


def test_partners_and_a_joint_programme(offices) -> None:
    partner = framework.partner_add(
        actor=offices.elena, outcome=offices.outcome, name="INMUJERES", kind="government"
    )
    with pytest.raises(ValidationFailed, match="already listed"):
        framework.partner_add(
            actor=offices.elena, outcome=offices.outcome, name="INMUJERES", kind="government"
        )
    with pytest.raises(ValidationFailed):
        framework.partner_add(actor=offices.elena, outcome=offices.outcome, name="X", kind="?")
    spotlight = framework.joint_programme_save(
        actor=offices.elena,
        plan=offices.plan,
        name="Spotlight Initiative",
        entities=["UN Women", "UNDP", "UNFPA", ""],
        outcome_ids=[offices.outcome.pk],
    )
    assert spotlight.entity_list == ["UN Women", "UNDP", "UNFPA"]
    assert list(offices.outcome.joint_programmes.all()) == [spotlight]
    framework.partner_remove(actor=offices.elena, partner=partner)
    assert not offices.outcome.partners.exists()
    assert AuditEntry.objects.filter(action="results.partner.remove").count() == 1


def test_a_joint_programme_takes_outcomes_of_its_plan_only(offices) -> None:
    kaz = framework.plan_create(actor=offices.kai, office=offices.kazakhstan, content=PLAN)
    elsewhere = framework.outcome_create(
        actor=offices.kai, plan=kaz, code="D_1.1", statement_text=Text("x")
    )
    with pytest.raises(ValidationFailed) as refused:
        framework.joint_programme_save(
            actor=offices.elena,
            plan=offices.plan,
            name="Spotlight Initiative",
            entities=[],
            outcome_ids=[elsewhere.pk],
        )
    assert "outcomes" in refused.value.errors


def test_a_new_definition_version_is_attached_beside_the_old(offices) -> None:
    narrower = replace(ENROLLED, dimensions=("age",))
    version, _saved = definition_save(definition=narrower)
    assert version.number == 2
    attached = framework.indicator_attach(actor=offices.elena, to=offices.outcome, version=version)
    assert attached.version.number == 2


def test_only_platform_administrators_define_indicators(offices) -> None:
    changed = replace(ENROLLED, title=Text("Women enrolled (SCE)"))
    with pytest.raises(NotPermitted):
        framework.indicator_define(actor=offices.elena, definition=changed)
    version = framework.indicator_define(actor=offices.world.ada, definition=changed)
    assert (version.number, version.title["en"]) == (1, "Women enrolled (SCE)")
    framework.indicator_define(actor=offices.world.ada, definition=changed)  # unchanged
    entries = AuditEntry.objects.filter(action="results.indicator.define")
    assert list(entries.values_list("changes", flat=True)) == [
        {"code": "SCE-ENROLLED", "saved": "corrected"}
    ]
