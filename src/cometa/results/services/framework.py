"""Building an office's results framework: plans, outcomes, outputs, attached indicators,
partners and joint programmes."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from cometa.accounts import audit
from cometa.accounts.acting import Actor, is_system, person_or_none
from cometa.accounts.models import Organisation
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.core.writes import written_once
from cometa.indicators.definition_store import Saved, definition_save
from cometa.indicators.definitions import Definition
from cometa.indicators.models import IndicatorVersion
from cometa.indicators.texts import Text
from cometa.results.identifiers import (
    OFFICE,
    PUBLISHER,
    IdentifierError,
    ResultCode,
    is_under,
    parse_code,
)
from cometa.results.inputs import PlanContent
from cometa.results.models import (
    JointProgramme,
    Outcome,
    Output,
    Partner,
    PartnerKind,
    Plan,
    ResultIndicator,
)
from cometa.results.services.common import (
    invalid,
    record,
    require_edit,
    statement,
)


def indicator_define(
    *, actor: Actor, definition: Definition, change_note: str = ""
) -> IndicatorVersion:
    """Creates or changes an indicator of the floor (a change of meaning makes a new
    version). Definitions are shared by every office: platform administrators only."""
    if not is_system(actor) and not actor.is_platform_admin:
        raise NotPermitted(_("Only platform administrators define indicators."))
    with transaction.atomic():
        version, saved = definition_save(
            definition=definition, user=person_or_none(actor), change_note=change_note
        )
        if saved is not Saved.UNCHANGED:
            audit.record(
                actor=actor,
                action="results.indicator.define",
                target=version,
                changes={"code": definition.code, "saved": saved.value},
            )
    return version


def _plan_problems(content: PlanContent) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    if not content.title.strip():
        problems["title"] = [_("Give the plan a title.")]
    if not 2000 <= content.start_year <= content.end_year <= 2100:
        problems["end_year"] = [_("The plan's years must run forward, between 2000 and 2100.")]
    if not OFFICE.fullmatch(content.office_code):
        problems["office_code"] = [_("Write the office code in capital letters, like MEX.")]
    if not PUBLISHER.fullmatch(content.publisher):
        problems["publisher"] = [
            _("Write the publisher's IATI organisation identifier, like XM-DAC-41146.")
        ]
    return problems


def plan_create(*, actor: Actor, office: Organisation, content: PlanContent) -> Plan:
    """A strategic note of ``office`` for some years."""
    require_edit(actor, office)
    if problems := _plan_problems(content):
        raise ValidationFailed(problems)
    with written_once("start_year", _("The office already has a plan starting that year.")):
        plan = Plan.objects.create(
            office=office,
            title=content.title.strip(),
            cooperation_framework=content.cooperation_framework.strip(),
            start_year=content.start_year,
            end_year=content.end_year,
            office_code=content.office_code,
            publisher=content.publisher,
        )
        record(actor=actor, action="plan.create", target=plan, office=office)
    return plan


def _code(text: str) -> ResultCode:
    try:
        return parse_code(text)
    except IdentifierError as exc:
        raise invalid("code", str(exc)) from None


def outcome_create(
    *, actor: Actor, plan: Plan, code: str, statement_text: Text, position: int = 0
) -> Outcome:
    """A development (``D_1.1``) or organisational (``O_1``) outcome of ``plan``."""
    require_edit(actor, plan.office)
    parsed = _code(code)
    if len(parsed.number) > 2:
        raise invalid("code", _("An outcome's number has one or two parts, like 1.1."))
    written = statement("statement", statement_text)
    with written_once("code", _("The plan already has an outcome %(code)s.") % {"code": code}):
        outcome = Outcome.objects.create(
            plan=plan, code=str(parsed), kind=parsed.kind, statement=written, position=position
        )
        record(actor=actor, action="outcome.create", target=outcome, office=plan.office)
    return outcome


def outcome_restate(*, actor: Actor, outcome: Outcome, statement_text: Text) -> Outcome:
    """A new wording (or translation) of the outcome's statement."""
    office = outcome.plan.office
    require_edit(actor, office)
    written = statement("statement", statement_text)
    with transaction.atomic():
        current = Outcome.objects.select_for_update().get(pk=outcome.pk)
        before, current.statement = current.statement, written
        current.save(update_fields=["statement"])
        changes = {"statement": [before, written]} if before != written else {}
        record(
            actor=actor, action="outcome.restate", target=current, office=office, changes=changes
        )
    return current


def output_create(
    *, actor: Actor, outcome: Outcome, code: str, statement_text: Text, position: int = 0
) -> Output:
    """An output under ``outcome``; its code extends the outcome's (``D_1.1.2``)."""
    office = outcome.plan.office
    require_edit(actor, office)
    parsed = _code(code)
    if not is_under(parsed, parse_code(outcome.code)):
        raise invalid(
            "code",
            _("An output of %(outcome)s has a code like %(outcome)s.1.")
            % {"outcome": outcome.code},
        )
    written = statement("statement", statement_text)
    with written_once("code", _("The outcome already has an output %(code)s.") % {"code": code}):
        output = Output.objects.create(
            outcome=outcome, code=str(parsed), statement=written, position=position
        )
        record(actor=actor, action="output.create", target=output, office=office)
    return output


def indicator_attach(
    *, actor: Actor, to: Outcome | Output, version: IndicatorVersion, position: int = 0
) -> ResultIndicator:
    """Measures ``to`` with an indicator of the floor, in ``version``."""
    plan = to.plan if isinstance(to, Outcome) else to.outcome.plan
    require_edit(actor, plan.office)
    owner: dict[str, Outcome | Output] = (
        {"outcome": to} if isinstance(to, Outcome) else {"output": to}
    )
    with written_once("version", _("This indicator is already attached here.")):
        attached = ResultIndicator.objects.create(
            plan=plan, version=version, position=position, **owner
        )
        record(
            actor=actor,
            action="indicator.attach",
            target=attached,
            office=plan.office,
            changes={"indicator": [None, str(version)]},
        )
    return attached


def partner_add(*, actor: Actor, outcome: Outcome, name: str, kind: str) -> Partner:
    office = outcome.plan.office
    require_edit(actor, office)
    if kind not in PartnerKind.values:
        raise invalid("kind", _("Choose a kind of partner from the list."))
    if not name.strip():
        raise invalid("name", _("Give the partner's name."))
    with written_once("name", _("This partner is already listed for the outcome.")):
        partner = Partner.objects.create(outcome=outcome, name=name.strip(), kind=kind)
        record(actor=actor, action="partner.add", target=partner, office=office)
    return partner


def partner_remove(*, actor: Actor, partner: Partner) -> None:
    office = partner.outcome.plan.office
    require_edit(actor, office)
    with transaction.atomic():
        record(
            actor=actor,
            action="partner.remove",
            target=partner,
            office=office,
            changes={"name": [partner.name, None]},
        )
        partner.delete()


def joint_programme_save(
    *, actor: Actor, plan: Plan, name: str, entities: Sequence[str], outcome_ids: Sequence[int]
) -> JointProgramme:
    """Creates or updates the joint programme ``name`` of ``plan`` and the outcomes it
    contributes to (outcomes of the same plan only)."""
    require_edit(actor, plan.office)
    if not name.strip():
        raise invalid("name", _("Give the programme's name."))
    outcomes = list(Outcome.objects.filter(plan=plan, pk__in=outcome_ids))
    if len(outcomes) != len(set(outcome_ids)):
        raise invalid("outcomes", _("Choose outcomes of this plan."))
    with transaction.atomic():
        programme, created = JointProgramme.objects.update_or_create(
            plan=plan,
            name=name.strip(),
            defaults={"entities": "\n".join(e.strip() for e in entities if e.strip())},
        )
        programme.outcomes.set(outcomes)
        record(
            actor=actor,
            action="programme.create" if created else "programme.update",
            target=programme,
            office=plan.office,
            changes={"outcomes": sorted(o.code for o in outcomes)},
        )
    return programme
