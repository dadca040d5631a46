"""The yearly reporting on an outcome: its narrative with the progress assessment, and
the figures it reports as facts."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cometa.accounts import audit
from cometa.accounts.acting import Actor, person_or_none
from cometa.core.errors import Conflict
from cometa.indicators.codelist_store import active_codes
from cometa.indicators.disaggregation import (
    DisaggregationKeyError,
    format_key,
    key_problems,
    parse_key,
)
from cometa.indicators.models import ValueKind
from cometa.results.inputs import FactContent, NarrativeContent
from cometa.results.models import Fact, Narrative, Outcome, ResultIndicator
from cometa.results.scales import Progress
from cometa.results.services.common import invalid, record, require_edit, statement

NARRATIVE_FIELDS = ("text", "progress")


def _conflict(outcome: Outcome, year: int) -> Conflict:
    return Conflict(
        "edit_conflict",
        _(
            "The %(year)s narrative of %(outcome)s was changed by someone else after you "
            "opened it. Reload to see their version; yours was not saved."
        )
        % {"year": year, "outcome": outcome.code},
    )


def _checked(outcome: Outcome, year: int, content: NarrativeContent) -> dict[str, object]:
    if not outcome.plan.covers(year):
        raise invalid(
            "year",
            _("The plan covers %(start)s to %(end)s.")
            % {"start": outcome.plan.start_year, "end": outcome.plan.end_year},
        )
    if content.progress not in Progress.values:
        raise invalid("progress", _("Choose a progress assessment from the scale."))
    return {"text": statement("text", content.text), "progress": content.progress}


def narrative_save(
    *,
    actor: Actor,
    outcome: Outcome,
    year: int,
    content: NarrativeContent,
    expected_version: int,
) -> Narrative:
    """Writes the outcome's narrative and assessment for ``year``. ``expected_version`` is
    the version the person started from (0 for a narrative not yet written): a narrative
    saved by someone else meanwhile is refused with ``Conflict`` (409)."""
    office = outcome.plan.office
    require_edit(actor, office)
    fields = _checked(outcome, year, content)
    with transaction.atomic():
        current = Narrative.objects.select_for_update().filter(outcome=outcome, year=year).first()
        if (current.version if current else 0) != expected_version:
            raise _conflict(outcome, year)
        if current is None:
            try:
                with transaction.atomic():
                    current = Narrative.objects.create(
                        outcome=outcome, year=year, updated_by=person_or_none(actor), **fields
                    )
            except IntegrityError:  # written by someone else since the read above
                raise _conflict(outcome, year) from None
            changes = audit.changes_between({}, audit.snapshot(current, NARRATIVE_FIELDS))
        else:
            before = audit.snapshot(current, NARRATIVE_FIELDS)
            for name, value in fields.items():
                setattr(current, name, value)
            current.version += 1
            current.updated_by = person_or_none(actor)
            current.save()
            changes = audit.changes_between(before, audit.snapshot(current, NARRATIVE_FIELDS))
        record(actor=actor, action="narrative.save", target=current, office=office, changes=changes)
    return current


def _claimed(narrative: Narrative, content: FactContent) -> tuple[ResultIndicator | None, str]:
    """The attached indicator the fact names (of this outcome or its outputs) and its
    key in canonical form."""
    if content.indicator is None:
        if content.key:
            raise invalid("key", _("A disaggregation needs the indicator it belongs to."))
        return None, ""
    outcome = narrative.outcome
    indicator = (
        ResultIndicator.objects.select_related("version")
        .filter(pk=content.indicator, plan=outcome.plan)
        .first()
    )
    if indicator is None or outcome.pk not in (indicator.outcome_id, _output_outcome(indicator)):
        raise invalid("indicator", _("Choose an indicator of this outcome or its outputs."))
    try:
        pairs = parse_key(content.key)
    except DisaggregationKeyError as exc:
        raise invalid("key", str(exc)) from None
    allowed = active_codes(list(indicator.version.dimensions.values_list("code", flat=True)))
    if problems := key_problems(pairs, allowed):
        raise invalid("key", problems[0])
    return indicator, format_key(pairs)


def _output_outcome(indicator: ResultIndicator) -> int | None:
    return indicator.output.outcome_id if indicator.output is not None else None


def fact_add(*, actor: Actor, narrative: Narrative, content: FactContent) -> Fact:
    """Adds a figure the narrative reports, linked to the cell it supports when there is
    one."""
    office = narrative.outcome.plan.office
    require_edit(actor, office)
    if not content.label.strip():
        raise invalid("label", _("Say what the figure counts, like “women enrolled”."))
    if not content.value.is_finite():
        raise invalid("value", _("Give the figure as a number."))
    if content.kind not in ValueKind.values:
        raise invalid("kind", _("Choose baseline, target or actual."))
    indicator, key = _claimed(narrative, content)
    period = content.period
    with transaction.atomic():
        fact = Fact.objects.create(
            narrative=narrative,
            value=content.value,
            unit=content.unit.strip(),
            label=content.label.strip(),
            indicator=indicator,
            kind=content.kind,
            key=key,
            period_start=period.start if period else None,
            period_end=period.end if period else None,
            position=narrative.facts.count(),
        )
        record(
            actor=actor,
            action="fact.add",
            target=fact,
            office=office,
            changes={"value": str(fact.value), "label": fact.label, "indicator": fact.indicator_id},
        )
    return fact


def fact_remove(*, actor: Actor, fact: Fact) -> None:
    office = fact.narrative.outcome.plan.office
    require_edit(actor, office)
    with transaction.atomic():
        record(
            actor=actor,
            action="fact.remove",
            target=fact,
            office=office,
            changes={"value": [str(fact.value), None], "label": [fact.label, None]},
        )
        fact.delete()
