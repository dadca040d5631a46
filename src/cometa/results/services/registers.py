"""The office's registers: knowledge products, and budget lines with their marker."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from cometa.accounts import audit
from cometa.accounts.acting import Actor
from cometa.accounts.models import Organisation
from cometa.results.budgets import currency_problem
from cometa.results.inputs import BudgetContent, KnowledgeContent
from cometa.results.models import BudgetLine, KnowledgeKind, KnowledgeProduct, Outcome, Output
from cometa.results.scales import GenderMarker
from cometa.results.services.common import invalid, record, require_edit

KNOWLEDGE_FIELDS = ("kind", "partners", "url", "language")
BUDGET_FIELDS = ("amount", "currency", "marker")


def _knowledge_checked(office: Organisation, content: KnowledgeContent) -> list[Outcome]:
    if not content.title.strip():
        raise invalid("title", _("Give the title."))
    if content.kind not in KnowledgeKind.values:
        raise invalid("kind", _("Choose a type from the list."))
    if not 1900 <= content.year <= 2100:
        raise invalid("year", _("Give the year it was published."))
    if content.url and not content.url.startswith(("https://", "http://")):
        raise invalid("url", _("Give a web address starting with https://."))
    outcomes = list(Outcome.objects.filter(plan__office=office, pk__in=content.outcomes))
    if len(outcomes) != len(set(content.outcomes)):
        raise invalid("outcomes", _("Choose outcomes of this office."))
    return outcomes


def knowledge_product_save(
    *, actor: Actor, office: Organisation, content: KnowledgeContent
) -> KnowledgeProduct:
    """Registers (or updates, by title and year) a knowledge product of ``office``."""
    require_edit(actor, office)
    outcomes = _knowledge_checked(office, content)
    with transaction.atomic():
        product, created = KnowledgeProduct.objects.select_for_update().get_or_create(
            office=office,
            title=content.title.strip(),
            year=content.year,
            defaults={"kind": content.kind},
        )
        before = {} if created else audit.snapshot(product, KNOWLEDGE_FIELDS)
        product.kind = content.kind
        product.partners = "\n".join(p.strip() for p in content.partners if p.strip())
        product.url = content.url.strip()
        product.language = content.language.strip()
        product.save()
        product.outcomes.set(outcomes)
        record(
            actor=actor,
            action="knowledge.create" if created else "knowledge.update",
            target=product,
            office=office,
            changes=audit.changes_between(before, audit.snapshot(product, KNOWLEDGE_FIELDS)),
        )
    return product


def _budget_checked(content: BudgetContent) -> None:
    if problem := currency_problem(content.currency):
        raise invalid("currency", problem)
    if not content.amount.is_finite() or content.amount < 0:
        raise invalid("amount", _("Give the amount as a number, zero or more."))
    if content.marker not in GenderMarker.values:
        raise invalid("marker", _("The gender equality marker is 0, 1, 2 or 3."))


def budget_line_save(*, actor: Actor, output: Output, content: BudgetContent) -> BudgetLine:
    """Sets the budget and marker of ``output`` (or of one activity under it) for a year."""
    plan = output.outcome.plan
    require_edit(actor, plan.office)
    _budget_checked(content)
    if not plan.covers(content.year):
        raise invalid("year", _("The year is outside the plan's years."))
    with transaction.atomic():
        line = (
            BudgetLine.objects.select_for_update()
            .filter(output=output, activity=content.activity.strip(), year=content.year)
            .first()
        )
        before = audit.snapshot(line, BUDGET_FIELDS) if line else {}
        line = line or BudgetLine(
            output=output, activity=content.activity.strip(), year=content.year
        )
        line.amount, line.currency, line.marker = content.amount, content.currency, content.marker
        line.save()
        record(
            actor=actor,
            action="budget.save",
            target=line,
            office=plan.office,
            changes=audit.changes_between(before, audit.snapshot(line, BUDGET_FIELDS)),
        )
    return line
