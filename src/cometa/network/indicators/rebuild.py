"""Rebuilding the per-enrolment facts (``models.facts.EnrolmentFact``) of a network in the
database: one DELETE and one INSERT ... SELECT, with the attendance and mentoring counts,
the psychosocial flags, the latest graduation assessment and the endline answers grouped
once per enrolment, and each follow-up round joined by its unique (enrolment, round).
Nothing is read into Python; the same SQL runs on SQLite and PostgreSQL but for the year
of a date and a date plus days.
"""

from __future__ import annotations

from datetime import datetime

from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from cometa.network.codes import ConsentPurpose
from cometa.network.models import (
    Answer,
    Attendance,
    Cohort,
    Consent,
    CriterionResult,
    Enrolment,
    EnrolmentFact,
    Exit,
    ExitReason,
    FollowUpTask,
    GraduationAssessment,
    GraduationCriterion,
    MentoringContact,
    Network,
    Participant,
    PsychosocialFlag,
    Question,
    Referral,
    Round,
    SurveyResponse,
)

__all__ = ["COLUMNS", "ENDLINE_DAYS", "FLAG_DAYS", "facts_select", "rebuild"]

#: A flag is followed up in time when acted on or referred within this many days.
FLAG_DAYS = 14
#: Her endline answers count from her enrolment to this many days after her cohort's end.
ENDLINE_DAYS = 30
#: fact column -> the criterion method it summarises
CRITERIA = {
    "criteria_computed": "computed",
    "criteria_verified": "verification",
    "criteria_self_report": "self_report",
    "criteria_observed": "observation",
}

_AGE = """CASE WHEN p.birth_year IS NULL THEN '_U'
  WHEN {year} - p.birth_year < 15 THEN 'Y_LT15' WHEN {year} - p.birth_year < 25 THEN 'Y15T24'
  WHEN {year} - p.birth_year < 35 THEN 'Y25T34' WHEN {year} - p.birth_year < 45 THEN 'Y35T44'
  WHEN {year} - p.birth_year < 55 THEN 'Y45T54' WHEN {year} - p.birth_year < 65 THEN 'Y55T64'
  ELSE 'Y_GE65' END"""
_CODES = """
  CASE WHEN p.sex IN ('F', 'M', '_O') THEN p.sex ELSE '_U' END,
  {age},
  CASE WHEN p.disability THEN 'PD' WHEN NOT p.disability THEN 'PWD' ELSE '_U' END,
  CASE WHEN p.indigenous_self THEN 'IND_SELF' WHEN p.indigenous_language THEN 'IND_LANG'
       WHEN NOT p.indigenous_self AND NOT p.indigenous_language THEN 'NONE' ELSE '_U' END,
  CASE WHEN p.migration = 'non_migrant' THEN 'NONMIG' WHEN p.migration = '' THEN '_U'
       ELSE 'MIGPER' END,
  CASE WHEN p.rural THEN 'R' WHEN NOT p.rural THEN 'U' ELSE '_U' END,
  CASE WHEN p.income_band IN ('below_lpei', 'below_lpi') THEN TRUE
       WHEN p.income_band = 'above_lpi' THEN FALSE END,
  CASE WHEN p.literate = FALSE OR p.education IN ('none', 'primary_inc', 'primary') THEN TRUE
       WHEN p.education = '' THEN NULL ELSE FALSE END,
  CASE WHEN p.work_status IN ('employed', 'self_employed') THEN TRUE
       WHEN p.work_status = '' THEN NULL ELSE FALSE END"""
_ROUND = """
  {r}.due_on, COALESCE({r}.status = 'completed' AND {r}.in_window = TRUE, FALSE),
  CASE WHEN {r}.work_status IN ('employed', 'self_employed') THEN TRUE
       WHEN {r}.work_status IN ('unemployed', 'outside') THEN FALSE END,
  {r}.has_business, {r}.in_education"""
_COLUMNS = """enrolment_id, network_id, member_id, site_id, cohort_id, participant_id,
  first_enrolment,
  sex, age, disability, indigenous, migratory_status, location, poor, low_education,
  works_baseline, enrolled_on, cohort_ends_on, status, drop_reason, sessions_marked,
  sessions_attended, mentoring_contacts, flags, flags_in_time,
  criteria_computed, criteria_verified, criteria_self_report, criteria_observed,
  endline_answered, endline_works,
  fu3_due, fu3_answered, fu3_works, fu3_business, fu3_education,
  fu6_due, fu6_answered, fu6_works, fu6_business, fu6_education,
  fu12_due, fu12_answered, fu12_works, fu12_business, fu12_education, computed_at"""


# Her first enrolment in the network: none of hers starts earlier (then: has a lower id).
_FIRST = """NOT EXISTS (SELECT 1 FROM {enrolment} e0 WHERE e0.participant_id = e.participant_id
  AND (e0.enrolled_on < e.enrolled_on OR (e0.enrolled_on = e.enrolled_on AND e0.id < e.id)))"""
# Her flags raised during the enrolment; in time: acted on or referred within FLAG_DAYS.
_FLAGS = """LEFT JOIN (SELECT e1.id AS enrolment_id, COUNT(*) AS raised,
    SUM(CASE WHEN g.first_action_on <= {flag_limit} OR EXISTS (SELECT 1 FROM {referral} rf
      WHERE rf.flag_id = g.id AND rf.referred_on <= {flag_limit}) THEN 1 ELSE 0 END) AS in_time
  FROM {enrolment} e1 JOIN {cohort} c1 ON c1.id = e1.cohort_id
  JOIN {flag} g ON g.participant_id = e1.participant_id
    AND g.raised_on BETWEEN e1.enrolled_on AND c1.ends_on
  GROUP BY e1.id) fl ON fl.enrolment_id = e.id"""
# Her latest assessment: per method 1 when every criterion judged is met, 0 when one is
# not, NULL when none is judged (``n_a`` results are passed over).
_CRITERION = """MIN(CASE WHEN gc.method = '{method}' AND cr.result = 'met' THEN 1
    WHEN gc.method = '{method}' AND cr.result = 'not_met' THEN 0 END) AS {column}"""
_CRITERIA = """LEFT JOIN (SELECT ga.enrolment_id, {methods}
  FROM {assessment} ga JOIN {result} cr ON cr.assessment_id = ga.id
  JOIN {criterion} gc ON gc.id = cr.criterion_id
  WHERE NOT EXISTS (SELECT 1 FROM {assessment} g2 WHERE g2.enrolment_id = ga.enrolment_id
    AND (g2.assessed_on > ga.assessed_on OR (g2.assessed_on = ga.assessed_on AND g2.id > ga.id)))
  GROUP BY ga.enrolment_id) gr ON gr.enrolment_id = e.id"""
# Her endline responses in the enrolment's window: 2 works, 1 does not, 0 not said.
_ENDLINE = """LEFT JOIN (SELECT e2.id AS enrolment_id, MAX(CASE
    WHEN a.code IN ('employed', 'self_employed') THEN 2
    WHEN a.code IN ('unemployed', 'outside') THEN 1 ELSE 0 END) AS works
  FROM {enrolment} e2 JOIN {cohort} c2 ON c2.id = e2.cohort_id
  JOIN {response} s ON s.participant_id = e2.participant_id
    AND s.collected_on BETWEEN e2.enrolled_on AND {endline_limit}
  JOIN {round} rd ON rd.id = s.round_id AND rd.round = 'endline'
  LEFT JOIN {answer} a ON a.response_id = s.id AND a.question_id IN (
    SELECT q.id FROM {question} q WHERE q.field = 'outcome.work_status')
  GROUP BY e2.id) el ON el.enrolment_id = e.id"""
_MORE = """,
  COALESCE(fl.raised, 0), COALESCE(fl.in_time, 0),
  {criteria},
  el.works IS NOT NULL, CASE el.works WHEN 2 THEN TRUE WHEN 1 THEN FALSE END"""


def _year() -> str:
    if connection.vendor == "postgresql":
        return "CAST(EXTRACT(YEAR FROM e.enrolled_on) AS INTEGER)"
    return "CAST(strftime('%%Y', e.enrolled_on) AS INTEGER)"


def _plus(day: str, days: int) -> str:
    """The SQL of a date column plus a number of days."""
    if connection.vendor == "postgresql":
        return f"({day} + {int(days)})"
    return f"date({day}, '+{int(days)} days')"


def _models() -> dict[str, type[Model]]:
    return {
        "fact": EnrolmentFact, "enrolment": Enrolment, "participant": Participant,
        "cohort": Cohort, "attendance": Attendance, "mentoring": MentoringContact,
        "exit": Exit, "reason": ExitReason, "followup": FollowUpTask, "consent": Consent,
        "flag": PsychosocialFlag, "referral": Referral, "assessment": GraduationAssessment,
        "result": CriterionResult, "criterion": GraduationCriterion, "response": SurveyResponse,
        "round": Round, "answer": Answer, "question": Question,
    }  # fmt: skip


def _tables() -> dict[str, str]:
    """The names the SQL is formatted with: each source table, and a few expressions."""
    found: dict[str, str] = {name: model._meta.db_table for name, model in _models().items()}
    found["first"] = connection.ops.quote_name("first")
    found["flag_limit"] = _plus("g.raised_on", FLAG_DAYS)
    found["endline_limit"] = _plus("c2.ends_on", ENDLINE_DAYS)
    return found


COLUMNS = " ".join(_COLUMNS.split())


def facts_select(network: Network, now: datetime) -> tuple[str, list[object]]:
    """The SELECT that makes a network's facts from the source tables, and its
    parameters: what the plain-joins reference of the benchmark counts over."""
    sql = _insert().format(**_tables())
    return sql[sql.index("SELECT") :], [now, network.pk, ConsentPurpose.COUNT.value]


def _insert() -> str:
    rounds = ",".join(_ROUND.format(r=r) for r in ("f3", "f6", "f12"))
    criteria = ", ".join(
        f"CASE gr.{column} WHEN 1 THEN TRUE WHEN 0 THEN FALSE END" for column in CRITERIA
    )
    methods = ", ".join(
        _CRITERION.format(method=method, column=column) for column, method in CRITERIA.items()
    )
    return (
        """INSERT INTO {fact} ("""  # noqa: S608  # nosec B608
        + _COLUMNS
        + """)
SELECT e.id, e.network_id, e.member_id, c.site_id, e.cohort_id, e.participant_id,
  """
        + _FIRST
        + ","
        + _CODES.format(age=_AGE.format(year=_year()))
        + """,
  e.enrolled_on, c.ends_on, e.status, COALESCE(r.code, ''),
  COALESCE(a.marked, 0), COALESCE(a.attended, 0), COALESCE(m.contacts, 0)"""
        + _MORE.replace("{criteria}", criteria)
        + """,
  """
        + rounds
        + """, %s
FROM {enrolment} e
JOIN {participant} p ON p.id = e.participant_id
JOIN {cohort} c ON c.id = e.cohort_id
LEFT JOIN (SELECT enrolment_id, COUNT(*) AS marked,
    SUM(CASE WHEN status IN ('present', 'late') THEN 1 ELSE 0 END) AS attended
  FROM {attendance} GROUP BY enrolment_id) a ON a.enrolment_id = e.id
LEFT JOIN (SELECT enrolment_id, COUNT(*) AS contacts FROM {mentoring}
  GROUP BY enrolment_id) m ON m.enrolment_id = e.id
LEFT JOIN {exit} x ON x.enrolment_id = e.id
LEFT JOIN {reason} r ON r.exit_id = x.id AND r.{first} = TRUE
LEFT JOIN {followup} f3 ON f3.enrolment_id = e.id AND f3.round = 'fu3'
LEFT JOIN {followup} f6 ON f6.enrolment_id = e.id AND f6.round = 'fu6'
LEFT JOIN {followup} f12 ON f12.enrolment_id = e.id AND f12.round = 'fu12'
"""
        + "\n".join((_FLAGS, _CRITERIA.replace("{methods}", methods), _ENDLINE))
        + """
WHERE e.network_id = %s AND p.deleted_at IS NULL AND EXISTS (
  SELECT 1 FROM {consent} k WHERE k.participant_id = p.id AND k.purpose = %s
  AND k.withdrawn_on IS NULL)"""  # nosec B608
    )


def rebuild(network: Network, *, now: datetime | None = None) -> int:
    """Replaces the network's facts from its source tables; returns the number of rows."""
    now = now or timezone.now()
    tables = _tables()
    sql = _insert().format(**tables)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Right after a bulk import PostgreSQL has no statistics on the new rows yet,
            # takes every join for one row and nests loops: 14 s instead of 1 s at 3,000
            # women, and quadratic. Sampling the source tables first costs under a second.
            sources = [m._meta.db_table for name, m in _models().items() if name != "fact"]
            cursor.execute(f"ANALYZE {', '.join(sources)}")
        cursor.execute(f"DELETE FROM {tables['fact']} WHERE network_id = %s", [network.pk])  # noqa: S608  # nosec B608
        cursor.execute(sql, [now, network.pk, ConsentPurpose.COUNT.value])
        return cursor.rowcount
