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

from dataclasses import dataclass

from cometa.indicators.definitions import Definition, Direction, Measure
from cometa.indicators.texts import Text

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
    *_REACH,
    *_PROGRAMME,
    *_round("fu3"),
    *_round("fu6"),
    *_round("fu12"),
)


def by_code() -> dict[str, Common]:
    return {common.code: common for common in COMMON}
