"""The results module's tables: the framework (plans, outcomes, outputs, attached
indicators, partners, joint programmes), the yearly reporting (narratives and facts) and
the registers (knowledge products, budget lines)."""

from cometa.results.models.framework import (
    JointProgramme,
    Outcome,
    Output,
    Partner,
    PartnerKind,
    Plan,
    ResultIndicator,
)
from cometa.results.models.iati import IatiActivity
from cometa.results.models.register import BudgetLine, KnowledgeKind, KnowledgeProduct
from cometa.results.models.reporting import Fact, Narrative

__all__ = [
    "BudgetLine",
    "Fact",
    "IatiActivity",
    "JointProgramme",
    "KnowledgeKind",
    "KnowledgeProduct",
    "Narrative",
    "Outcome",
    "Output",
    "Partner",
    "PartnerKind",
    "Plan",
    "ResultIndicator",
]
