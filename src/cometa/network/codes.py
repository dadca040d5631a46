"""The network's code lists: short, stable codes that tables store and indicators count.

Codes are short strings (not integers) so that a row read in an export or a database
console says what it means; each is at most 24 characters and indexed where it is
grouped by. Labels are translatable; the codes never change once data uses them.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

CODE_LENGTH = 24


class AgreementScope(models.TextChoices):
    AGGREGATES = "aggregates", _("Aggregates only")
    PSEUDONYMISED = "pseudonymised", _("Pseudonymised participant records")


class MeetingKind(models.TextChoices):
    PARTNERS = "partners", _("Partner meeting")
    CENTRES = "centres", _("Centre meeting")
    DEBRIEF = "debrief", _("Debriefing")


class SiteKind(models.TextChoices):
    COMMUNITY_CENTRE = "community_centre", _("Community centre")
    LEARNING_CENTRE = "learning_centre", _("Learning centre")


class Urbanisation(models.TextChoices):
    URBAN = "U", _("Urban")
    RURAL = "R", _("Rural")


class PathwayKind(models.TextChoices):
    TECHNICAL = "technical_course", _("Technical course")
    ENTREPRENEURSHIP = "entrepreneurship", _("Entrepreneurship")
    EMPLOYMENT = "employment", _("Employment")
    FORMAL_EDUCATION = "formal_education", _("Return to formal education")
    LIFE_SKILLS = "life_skills", _("Life skills")


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    EXCUSED = "absent_excused", _("Absent with excuse")
    ABSENT = "absent", _("Absent")


class StaffRole(models.TextChoices):
    INSTRUCTOR = "instructor", _("Instructor")
    MENTOR = "mentor", _("Mentor")
    FACILITATOR = "facilitator", _("Facilitator")
    PSYCHOLOGIST = "psychologist", _("Psychologist")


class DesignationKind(models.TextChoices):
    """What a person is named to do in a member beyond their accounts role."""

    PSYCHOSOCIAL = "psychosocial", _("Reads and records psychosocial follow-up")


class Sex(models.TextChoices):  # SDMX CL_SEX
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")
    OTHER = "_O", _("Other")
    UNKNOWN = "_U", _("Unknown")


class Education(models.TextChoices):
    NONE = "none", _("No schooling")
    PRIMARY_INCOMPLETE = "primary_inc", _("Primary, not completed")
    PRIMARY = "primary", _("Primary")
    LOWER_SECONDARY = "lower_sec", _("Lower secondary")
    UPPER_SECONDARY = "upper_sec", _("Upper secondary")
    TERTIARY = "tertiary", _("Tertiary")


class Difficulty(models.IntegerChoices):
    """Washington Group short set answers, coded as the Group codes them."""

    NONE = 1, _("No difficulty")
    SOME = 2, _("Some difficulty")
    A_LOT = 3, _("A lot of difficulty")
    CANNOT = 4, _("Cannot do at all")


WG_DOMAINS = ("wg_see", "wg_hear", "wg_walk", "wg_cognition", "wg_selfcare", "wg_communicate")


class Migration(models.TextChoices):
    NON_MIGRANT = "non_migrant", _("Not a migrant")
    INTERNAL = "internal", _("Internal migrant")
    INTERNATIONAL = "international", _("International migrant")
    RETURNEE = "returnee", _("Returning migrant")
    REFUGEE = "refugee", _("Refugee or asylum seeker")


class IncomeBand(models.TextChoices):  # against CONEVAL's lines
    BELOW_EXTREME = "below_lpei", _("Below the extreme poverty line")
    BELOW_POVERTY = "below_lpi", _("Below the poverty line")
    ABOVE = "above_lpi", _("At or above the poverty line")
    UNKNOWN = "unknown", _("Not known")


class WorkStatus(models.TextChoices):  # ILO: one hour for pay or profit
    EMPLOYED = "employed", _("Employed")
    SELF_EMPLOYED = "self_employed", _("Self-employed or own business")
    UNEMPLOYED = "unemployed", _("Looking for work")
    OUTSIDE = "outside", _("Outside the labour force")


class ConsentPurpose(models.TextChoices):
    TAKE_PART = "take_part", _("Taking part in the programme")
    SHARE_BACKBONE = "share_backbone", _("Sharing pseudonymised records with the backbone")
    COUNT = "count_reports", _("Being counted in reports")
    TRANSFER = "transfer", _("Passing her record to another member")


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    GRADUATED = "graduated", _("Graduated")
    DROPPED_OUT = "dropped_out", _("Dropped out")
    TRANSFERRED = "transferred", _("Transferred")


class DropReason(models.TextChoices):
    CARE_CHILD = "care_child", _("Caring for children")
    CARE_OTHER = "care_other", _("Caring for others")
    FOUND_JOB = "found_job", _("Found a job")
    BUSINESS = "business_fulltime", _("Runs her business full time")
    ECONOMIC_NEED = "economic_need", _("Needed the time to earn")
    HEALTH_SELF = "health_self", _("Her health")
    HEALTH_FAMILY = "health_family", _("A family member's health")
    PREGNANCY = "pregnancy_birth", _("Pregnancy or birth")
    OPPOSITION = "family_opposition", _("Partner or family opposed")
    VIOLENCE = "violence_safety", _("Violence or safety")
    TRANSPORT = "transport", _("Distance or cost of transport")
    SCHEDULE = "schedule", _("Schedule conflict")
    MISMATCH = "course_mismatch", _("The course was not what she expected")
    DIGITAL = "digital_access", _("No device or connection")
    MOVED = "moved_away", _("Moved away")
    DECEASED = "deceased", _("Deceased")
    LOST_CONTACT = "lost_contact", _("Lost contact")
    OTHER = "other", _("Other")


# Reasons that are good news: indicators separate them from real drop-out.
POSITIVE_DROP_REASONS = frozenset({DropReason.FOUND_JOB, DropReason.BUSINESS})


class ContactMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    WHATSAPP = "whatsapp", _("WhatsApp")
    GROUP = "group", _("Group")
    VISIT = "visit", _("Home visit")


class FlagTrigger(models.TextChoices):
    MENTOR_CONCERN = "mentor_concern", _("Concern of a mentor")
    SELF_REQUEST = "self_request", _("She asked for support")
    VIOLENCE = "violence", _("Disclosure of violence")
    WELLBEING_LOW = "wellbeing_low", _("Low well-being score")
    EXIT_REASON = "exit_reason", _("Reason given at exit")


class FlagSeverity(models.TextChoices):
    ROUTINE = "routine", _("Routine")
    PRIORITY = "priority", _("Priority")
    URGENT = "urgent", _("Urgent (same day)")


class FlagStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CONTACTED = "contacted", _("Contacted")
    REFERRED = "referred", _("Referred")
    CLOSED = "closed", _("Closed")
    DECLINED = "declined", _("Declined")


class ReferralService(models.TextChoices):
    PSYCHOLOGY = "psychology", _("Psychology")
    HEALTH = "health", _("Health")
    LEGAL = "legal", _("Legal")
    GBV = "gbv_shelter", _("Shelter or violence hotline")
    CHILDCARE = "childcare", _("Childcare")
    SOCIAL = "social_programme", _("Social programme")


class CriterionMethod(models.TextChoices):
    SELF_REPORT = "self_report", _("Self-report")
    VERIFIED = "verification", _("Verified")
    COMPUTED = "computed", _("Computed from records")
    OBSERVED = "observation", _("Field observation")


class CriterionResultCode(models.TextChoices):
    MET = "met", _("Met")
    NOT_MET = "not_met", _("Not met")
    NOT_APPLICABLE = "n_a", _("Does not apply")


class FollowUpRound(models.TextChoices):
    FU3 = "fu3", _("3 months after exit")
    FU6 = "fu6", _("6 months after exit")
    FU12 = "fu12", _("12 months after exit")


class FollowUpStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    COMPLETED = "completed", _("Completed")
    REFUSED = "refused", _("Refused")
    UNREACHABLE = "unreachable", _("Unreachable")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent withdrawn")
    MISSED = "window_missed", _("Window missed")


class AttemptResult(models.TextChoices):
    NO_ANSWER = "no_answer", _("No answer")
    WRONG_NUMBER = "wrong_number", _("Wrong number")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    COMPLETED = "completed", _("Completed")
    REFUSED = "refused", _("Refused")


class SurveyRound(models.TextChoices):
    """When an instrument is answered: before, at the end of, and after the programme."""

    BASELINE = "baseline", _("Baseline")
    ENDLINE = "endline", _("Endline")
    FU3 = "fu3", _("3 months after exit")
    FU6 = "fu6", _("6 months after exit")
    FU12 = "fu12", _("12 months after exit")
    EXIT = "exit", _("Exit survey")


class QuestionType(models.TextChoices):
    """The question types of an instrument, named as XLSForm names them."""

    INTEGER = "integer", _("Whole number")
    TEXT = "text", _("Text")
    DATE = "date", _("Date")
    YES_NO = "yes_no", _("Yes or no")
    SELECT_ONE = "select_one", _("One of a list")
    SELECT_MULTIPLE = "select_multiple", _("Several of a list")
