"""The common indicators: their definitions on the indicators floor (versioned there) and
how each is counted over the per-enrolment facts.

Every indicator belongs to a *family* that says which date puts an enrolment in a period:
``enrolled`` (enrolled in the period), ``ended`` (her cohort ended in the period) or a
follow-up round (``fu3``, ``fu6``, ``fu12``: the round was due in the period). Its numerator
and denominator are conditions on one fact row; both are counts of enrolments. A count
indicator (unit) has no numerator. Follow-up outcomes come twice: for all enrolled who
answered, and for completers only (``-C``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from cometa.indicators.definitions import Definition, Direction, Measure
from cometa.indicators.texts import Text
from cometa.network.codes import DropReason as R

__all__ = ["COMMON", "DIMENSIONS", "FAMILIES", "Common", "by_code"]

#: The dimensions every common indicator is disaggregated by (fact columns of that name).
DIMENSIONS = ("sex", "age", "disability", "indigenous", "migratory_status", "location")
#: family -> the fact column holding the date that puts an enrolment in a period
FAMILIES = {
    "enrolled": "enrolled_on",
    "ended": "cohort_ends_on",
    "fu3": "fu3_due",
    "fu6": "fu6_due",
    "fu12": "fu12_due",
}
_COMPLETED = "status IN ('completed', 'graduated')"
_KEPT = "status <> 'transferred'"


@dataclass(frozen=True)
class Common:
    definition: Definition
    family: str
    denominator: str  # SQL condition on a fact row
    numerator: str = ""  # empty for a count
    sensitive: bool = False  # psychosocial or violence: the strict threshold applies

    @property
    def code(self) -> str:
        return self.definition.code

    @property
    def is_rate(self) -> bool:
        return bool(self.numerator)


def _rate(code: str, title: str, text: str, numerator: str, denominator: str) -> Definition:
    return Definition(
        code=code,
        title=Text(title),
        definition=Text(text),
        measure=Measure.PERCENTAGE,
        direction=Direction.ASCENDING,
        unit="%",
        numerator=Text(numerator),
        denominator=Text(denominator),
        dimensions=DIMENSIONS,
        gender_sensitive=True,
        gender_note=Text("Counts women's own participation and outcomes."),
    )


def _common(
    code: str, family: str, texts: tuple[str, str, str, str], sql: tuple[str, str]
) -> Common:
    title, text, numerator, denominator = texts
    return Common(_rate(code, title, text, numerator, denominator), family, sql[1], sql[0])


_ENROLLED = Common(
    Definition(
        code="CI-01",
        title=Text("Participants enrolled", "Participantes inscritas", "Записавшиеся участницы"),
        definition=Text("Enrolments of women who agreed to be counted, starting in the period."),
        measure=Measure.UNIT,
        direction=Direction.ASCENDING,
        unit="persons",
        dimensions=DIMENSIONS,
        gender_sensitive=True,
        gender_note=Text("Counts the women the network reaches."),
    ),
    "enrolled",
    "1 = 1",
)
_WOMEN = Common(
    Definition(
        code="CI-01-W",
        title=Text(
            "Women enrolled for the first time",
            "Mujeres inscritas por primera vez",
            "Женщины, записавшиеся впервые",
        ),
        definition=Text(
            "Women who agreed to be counted whose first enrolment in the network starts in "
            "the period: each woman counts once, however often she enrols again."
        ),
        measure=Measure.UNIT,
        direction=Direction.ASCENDING,
        unit="persons",
        dimensions=DIMENSIONS,
        gender_sensitive=True,
        gender_note=Text("Counts the women the network reaches, each once."),
    ),
    "enrolled",
    "first_enrolment = TRUE",
)
_GROUPS = [
    ("POOR", "below the CONEVAL poverty line", "poor = TRUE", "poor IS NOT NULL"),
    ("DIS", "with a disability (Washington Group)", "disability = 'PD'", "disability <> '_U'"),
    ("IND", "indigenous (self or language)", "indigenous IN ('IND_SELF', 'IND_LANG')",
     "indigenous <> '_U'"),
    ("MIG", "migrant", "migratory_status = 'MIGPER'", "migratory_status <> '_U'"),
    ("RUR", "living in a rural locality", "location = 'R'", "location <> '_U'"),
    ("EDU", "without lower secondary or unable to read", "low_education = TRUE",
     "low_education IS NOT NULL"),
]  # fmt: skip
_REACH = [
    _common(
        f"CI-02-{key}",
        "enrolled",
        (f"New enrollees {words}", f"Share of women enrolled in the period who are {words}.",
         f"enrolled women {words}", "enrolled women whose answer is known"),
        (numerator, denominator),
    )
    for key, words, numerator, denominator in _GROUPS
]  # fmt: skip
_PROGRAMME = [
    _common("CI-03", "enrolled",
            ("Attendance of 80% or more", "Share of women enrolled in the period who attended "
             "at least 80% of the sessions marked for them.", "women at 80% or more",
             "women with at least one session marked"),
            ("sessions_marked > 0 AND sessions_attended * 5 >= sessions_marked * 4",
             "sessions_marked > 0")),
    _common("CI-06", "enrolled",
            ("Mentoring coverage", "Share of women enrolled in the period with at least one "
             "mentoring contact logged.", "women mentored", "women enrolled"),
            ("mentoring_contacts > 0", "1 = 1")),
    _common("CI-07-BL", "enrolled",
            ("In income-generating work at baseline", "Share of women enrolled in the period "
             "who worked for pay or profit on arrival (ILO).", "women working on arrival",
             "women whose work status on arrival is known"),
            ("works_baseline = TRUE", "works_baseline IS NOT NULL")),
    _common("CI-04", "ended",
            ("Drop-out rate", "Share of enrolments in cohorts that ended in the period that "
             "ended in drop-out.", "drop-outs", "enrolments, less transfers"),
            ("status = 'dropped_out'", _KEPT)),
    _common("CI-05", "ended",
            ("Completion rate", "Share of enrolments in cohorts that ended in the period that "
             "were completed.", "completions", "enrolments, less transfers"),
            (_COMPLETED, _KEPT)),
    _common("CI-11", "ended",
            ("Graduation rate", "Share of enrolments in cohorts that ended in the period whose "
             "woman graduated (all enrolled).", "graduates", "enrolments, less transfers"),
            ("status = 'graduated'", _KEPT)),
]  # fmt: skip


# The main reason of a drop-out, grouped so that a table by site can show something;
# OTHER takes ``other`` and none recorded. Every code is in one group (a test checks).
# Violence is sensitive.
_REASONS: list[tuple[str, str, tuple[str, ...], bool]] = [
    ("CARE", "caring for children or others", (R.CARE_CHILD, R.CARE_OTHER), False),
    ("INCOME", "needing the time to earn", (R.ECONOMIC_NEED,), False),
    ("WORK", "having found a job or running her business full time",
     (R.FOUND_JOB, R.BUSINESS), False),
    ("HEALTH", "her health or a family member's, pregnancy or birth",
     (R.HEALTH_SELF, R.HEALTH_FAMILY, R.PREGNANCY), False),
    ("FAMILY", "her partner's or family's opposition, violence or safety",
     (R.OPPOSITION, R.VIOLENCE), True),
    ("ACCESS", "distance, transport, schedule, or no device or connection",
     (R.TRANSPORT, R.SCHEDULE, R.DIGITAL), False),
    ("COURSE", "the course not being what she expected", (R.MISMATCH,), False),
    ("LEFT", "having moved away, lost contact or died",
     (R.MOVED, R.LOST_CONTACT, R.DECEASED), False),
]  # fmt: skip


def _in(codes: tuple[str, ...]) -> str:
    return f"drop_reason IN ({', '.join(repr(str(code)) for code in codes)})"


def _reason(key: str, words: str, condition: str, sensitive: bool) -> Common:
    common = _common(
        f"CI-04-{key}", "ended",
        (f"Drop-out reason: {words}", "Share of drop-outs in cohorts that ended in the period "
         f"whose main reason was {words}.", "drop-outs for this main reason", "drop-outs"),
        (f"status = 'dropped_out' AND {condition}", "status = 'dropped_out'"),
    )  # fmt: skip
    return replace(common, sensitive=sensitive)


_DROP_REASONS = [
    *(_reason(key, words, _in(codes), sensitive) for key, words, codes, sensitive in _REASONS),
    _reason("OTHER", "another reason, or none recorded", _in((R.OTHER, "")), False),
]
# Graduation by criterion: the criteria are each network's own, so a common indicator
# takes them by how they are judged (the method), in her latest assessment.
_CRITERIA = [
    _common(f"CI-11-{key}", "ended",
            (f"Graduation criteria met: {words}", "Share of women assessed for graduation in "
             "cohorts that ended in the period who met every criterion judged by "
             f"{method} that applied to them (latest assessment).",
             "women meeting every such criterion", "women assessed on such a criterion"),
            (f"{column} = TRUE", f"{column} IS NOT NULL"))
    for key, words, method, column in (
        ("COMP", "computed from records", "computation from records", "criteria_computed"),
        ("VER", "verified", "verification", "criteria_verified"),
        ("SELF", "self-reported", "her own report", "criteria_self_report"),
        ("OBS", "observed", "field observation", "criteria_observed"),
    )
]  # fmt: skip
_ENDLINE = [
    _common("CI-12-EL", "ended",
            ("Endline response rate", "Share of completers of cohorts that ended in the period "
             "who answered the endline survey.", "completers who answered", "completers"),
            (f"endline_answered = TRUE AND {_COMPLETED}", _COMPLETED)),
    *(_common(f"CI-07-EL{suffix}", "ended",
              (f"In income-generating work at endline ({who})", f"Share of women ({who}) of "
               "cohorts that ended in the period answering the endline survey who worked for "
               "pay or profit (ILO).", "respondents working", "respondents who answered"),
              (f"endline_works = TRUE{only}", f"endline_works IS NOT NULL{only}"))
      for suffix, who, only in (("", "all enrolled", ""),
                                ("-C", "completers", f" AND {_COMPLETED}"))),
]  # fmt: skip
# Psychosocial: only a flag's existence and timeliness; the strict threshold applies.
_PSYCHOSOCIAL = [
    replace(common, sensitive=True)
    for common in (
        _common("CI-16", "ended",
                ("Women needing psychological follow-up", "Share of enrolments in cohorts that "
                 "ended in the period whose woman was flagged for psychosocial follow-up "
                 "during the programme.", "women flagged", "enrolments, less transfers"),
                (f"flags > 0 AND {_KEPT}", _KEPT)),
        _common("CI-17", "ended",
                ("Flags followed up in time", "Share of women flagged for psychosocial "
                 "follow-up in cohorts that ended in the period every flag of whom was acted "
                 "on or referred within 14 days.", "women followed up in time",
                 "women flagged"),
                ("flags > 0 AND flags_in_time = flags", "flags > 0")),
    )
]  # fmt: skip


def _round(r: str) -> list[Common]:
    answered = f"{r}_answered = TRUE"
    outcomes = [
        ("CI-07", "In income-generating work", "worked for pay or profit (ILO)",
         f"{r}_works = TRUE", f"{r}_works IS NOT NULL"),
        ("CI-13", "Running a business", "runs a business",
         f"{r}_business = TRUE", f"{r}_business IS NOT NULL"),
        ("CI-15", "Back in formal education", "is enrolled in formal education",
         f"{r}_education = TRUE", f"{r}_education IS NOT NULL"),
        ("CI-21", "In the same situation as on arrival", "still neither works, runs a business "
         "nor studies, having not worked on arrival",
         f"works_baseline = FALSE AND {r}_works = FALSE AND COALESCE({r}_business, FALSE) = "
         f"FALSE AND COALESCE({r}_education, FALSE) = FALSE",
         f"works_baseline = FALSE AND {r}_works IS NOT NULL"),
    ]  # fmt: skip
    found = [
        _common(f"CI-12-{r.upper()}", r,
                (f"Follow-up response rate, {r.upper()}", f"Share of {r.upper()} follow-ups due "
                 "in the period answered within their window.", "answered in the window",
                 "follow-ups due"),
                (answered, "1 = 1")),
    ]  # fmt: skip
    for code, title, words, numerator, denominator in outcomes:
        for suffix, who, extra in (("", "all enrolled", ""), ("-C", "completers", _COMPLETED)):
            only = f" AND {extra}" if extra else ""
            found.append(
                _common(f"{code}-{r.upper()}{suffix}", r,
                        (f"{title}, {r.upper()} ({who})",
                         f"Share of women ({who}) answering the {r.upper()} follow-up within "
                         f"its window, due in the period, who {words}.",
                         f"respondents who {words}", "respondents who answered the question"),
                        (f"{answered} AND {numerator}{only}", f"{answered} AND {denominator}{only}"))  # noqa: E501
            )  # fmt: skip
    return found


COMMON: tuple[Common, ...] = (
    _ENROLLED,
    _WOMEN,
    *_REACH,
    *_PROGRAMME,
    *_DROP_REASONS,
    *_CRITERIA,
    *_ENDLINE,
    *_PSYCHOSOCIAL,
    *_round("fu3"),
    *_round("fu6"),
    *_round("fu12"),
)


def by_code() -> dict[str, Common]:
    return {common.code: common for common in COMMON}
