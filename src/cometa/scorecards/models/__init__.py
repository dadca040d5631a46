from cometa.scorecards.models.assessments import (
    Assessment,
    AssessmentKind,
    AssessmentStatus,
    Cycle,
    IndicatorAssessment,
    TeamMember,
)
from cometa.scorecards.models.frameworks import FrameworkVersion
from cometa.scorecards.models.records import (
    ActionPoint,
    ActionStatus,
    Evidence,
    EvidenceCategory,
    Removed,
    RemovedKind,
    ReviewComment,
)
from cometa.scorecards.models.suggestions import SuggestionDecision, SuggestionDecisionKind

__all__ = [
    "ActionPoint",
    "ActionStatus",
    "Assessment",
    "AssessmentKind",
    "AssessmentStatus",
    "Cycle",
    "Evidence",
    "EvidenceCategory",
    "FrameworkVersion",
    "IndicatorAssessment",
    "Removed",
    "RemovedKind",
    "ReviewComment",
    "SuggestionDecision",
    "SuggestionDecisionKind",
    "TeamMember",
]
