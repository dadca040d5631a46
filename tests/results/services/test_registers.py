"""Knowledge products and budget lines with their marker."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cometa.accounts.models import AuditEntry
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.results.inputs import BudgetContent, KnowledgeContent
from cometa.results.models import BudgetLine, KnowledgeProduct
from cometa.results.services.registers import budget_line_save, knowledge_product_save

MAP = KnowledgeContent(
    title="National Map of Care",
    kind="tool",
    year=2022,
    partners=("INMUJERES", "El Colegio de México", " "),
    url="https://example.org/map",
)


def test_a_knowledge_product_is_registered_then_updated(offices) -> None:
    product = knowledge_product_save(actor=offices.elena, office=offices.mexico, content=MAP)
    assert product.partner_list == ["INMUJERES", "El Colegio de México"]
    again = knowledge_product_save(
        actor=offices.elena,
        office=offices.mexico,
        content=KnowledgeContent(
            title=MAP.title, kind="data", year=2022, outcomes=(offices.outcome.pk,)
        ),
    )
    assert (again.pk, again.kind, list(again.outcomes.all())) == (
        product.pk,
        "data",
        [offices.outcome],
    )
    update = AuditEntry.objects.get(action="results.knowledge.update")
    assert update.changes["kind"] == ["tool", "data"]


@pytest.mark.parametrize(
    ("content", "field"),
    [
        (KnowledgeContent(title=" ", kind="tool", year=2022), "title"),
        (KnowledgeContent(title="x", kind="poem", year=2022), "kind"),
        (KnowledgeContent(title="x", kind="tool", year=22), "year"),
        (KnowledgeContent(title="x", kind="tool", year=2022, url="javascript:x"), "url"),
        (KnowledgeContent(title="x", kind="tool", year=2022, outcomes=(0,)), "outcomes"),
    ],
)
def test_knowledge_products_are_validated(offices, content, field: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        knowledge_product_save(actor=offices.elena, office=offices.mexico, content=content)
    assert field in refused.value.errors


def test_another_office_cannot_register_for_mexico(offices) -> None:
    with pytest.raises(NotPermitted):
        knowledge_product_save(actor=offices.kai, office=offices.mexico, content=MAP)
    assert not KnowledgeProduct.objects.exists()


def budget(amount: str, marker: int, activity: str = "", currency: str = "USD") -> BudgetContent:
    return BudgetContent(2022, Decimal(amount), currency, marker, activity)


def test_a_budget_line_per_output_activity_and_year(offices) -> None:
    whole = budget_line_save(actor=offices.elena, output=offices.output, content=budget("100", 3))
    course = budget_line_save(
        actor=offices.elena, output=offices.output, content=budget("20", 1, "Financial course")
    )
    again = budget_line_save(actor=offices.elena, output=offices.output, content=budget("150", 2))
    assert again.pk == whole.pk and again.amount == Decimal(150) and again.marker == 2
    assert BudgetLine.objects.count() == 2 and course.activity == "Financial course"
    last = AuditEntry.objects.filter(action="results.budget.save").order_by("-seq").first()
    assert last is not None and last.changes["marker"] == [3, 2]


@pytest.mark.parametrize(
    ("content", "field"),
    [
        (budget("-1", 2), "amount"),
        (budget("1", 4), "marker"),
        (budget("1", 2, currency="usd"), "currency"),
        (BudgetContent(2030, Decimal(1), "USD", 2), "year"),
    ],
)
def test_budget_lines_are_validated(offices, content: BudgetContent, field: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        budget_line_save(actor=offices.elena, output=offices.output, content=content)
    assert field in refused.value.errors


def test_a_viewer_cannot_budget(offices) -> None:
    with pytest.raises(NotPermitted):
        budget_line_save(actor=offices.vic, output=offices.output, content=budget("1", 2))
