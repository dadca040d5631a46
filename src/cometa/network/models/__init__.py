from cometa.network.models.delivery import (
    Cohort,
    Pathway,
    Programme,
    Session,
    Site,
    Staff,
    TrainingModule,
    TrainingRecord,
)
from cometa.network.models.facts import EnrolmentFact
from cometa.network.models.graduation import (
    CriterionResult,
    GraduationAssessment,
    GraduationCriterion,
)
from cometa.network.models.learning import LearningAction, LearningNote, LearningReview
from cometa.network.models.network import (
    Decision,
    Designation,
    ExitSurvey,
    Meeting,
    Member,
    MemberPeriod,
    Network,
)
from cometa.network.models.participants import Consent, Identity, Participant
from cometa.network.models.progress import (
    Attendance,
    ContactAttempt,
    Enrolment,
    EnrolmentChange,
    Exit,
    ExitReason,
    FollowUpTask,
    MentoringContact,
)
from cometa.network.models.psychosocial import PsychosocialFlag, Referral
from cometa.network.models.references import NetworkReference
from cometa.network.models.snapshots import IndicatorRun, StoredTable
from cometa.network.models.surveys import (
    Answer,
    ColumnMapping,
    Instrument,
    Question,
    Round,
    SurveyResponse,
)

__all__ = [
    "Answer",
    "Attendance",
    "Cohort",
    "ColumnMapping",
    "Consent",
    "ContactAttempt",
    "CriterionResult",
    "Decision",
    "Designation",
    "Enrolment",
    "EnrolmentChange",
    "EnrolmentFact",
    "Exit",
    "ExitReason",
    "ExitSurvey",
    "FollowUpTask",
    "GraduationAssessment",
    "GraduationCriterion",
    "Identity",
    "IndicatorRun",
    "Instrument",
    "LearningAction",
    "LearningNote",
    "LearningReview",
    "Meeting",
    "Member",
    "MemberPeriod",
    "MentoringContact",
    "Network",
    "NetworkReference",
    "Participant",
    "Pathway",
    "Programme",
    "PsychosocialFlag",
    "Question",
    "Referral",
    "Round",
    "Session",
    "Site",
    "Staff",
    "StoredTable",
    "SurveyResponse",
    "TrainingModule",
    "TrainingRecord",
]
