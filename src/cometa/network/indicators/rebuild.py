"""Rebuilding the per-enrolment facts (``models.facts.EnrolmentFact``) of a network in the
database: one DELETE and one INSERT ... SELECT, with the attendance and mentoring counts
grouped once and each follow-up round joined by its unique (enrolment, round). Nothing is
read into Python; the same SQL runs on SQLite and PostgreSQL but for the year of a date.
"""

from __future__ import annotations

from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone

from cometa.network.codes import ConsentPurpose
from cometa.network.models import (
    Attendance,
    Cohort,
    Consent,
    Enrolment,
    EnrolmentFact,
    Exit,
    ExitReason,
    FollowUpTask,
    MentoringContact,
    Network,
    Participant,
)

__all__ = ["COLUMNS", "facts_select", "rebuild"]

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
  sex, age, disability, indigenous, migratory_status, location, poor, low_education,
  works_baseline, enrolled_on, cohort_ends_on, status, drop_reason, sessions_marked,
  sessions_attended, mentoring_contacts,
  fu3_due, fu3_answered, fu3_works, fu3_business, fu3_education,
  fu6_due, fu6_answered, fu6_works, fu6_business, fu6_education,
  fu12_due, fu12_answered, fu12_works, fu12_business, fu12_education, computed_at"""


def _year() -> str:
    if connection.vendor == "postgresql":
        return "CAST(EXTRACT(YEAR FROM e.enrolled_on) AS INTEGER)"
    return "CAST(strftime('%%Y', e.enrolled_on) AS INTEGER)"


def _tables() -> dict[str, str]:
    models = {
        "fact": EnrolmentFact, "enrolment": Enrolment, "participant": Participant,
        "cohort": Cohort, "attendance": Attendance, "mentoring": MentoringContact,
        "exit": Exit, "reason": ExitReason, "followup": FollowUpTask, "consent": Consent,
    }  # fmt: skip
    return {name: model._meta.db_table for name, model in models.items()}


COLUMNS = " ".join(_COLUMNS.split())


def facts_select(network: Network, now: datetime) -> tuple[str, list[object]]:
    """The SELECT that makes a network's facts from the source tables, and its
    parameters: what the plain-joins reference of the benchmark counts over."""
    sql = _insert().format(**_tables(), first=connection.ops.quote_name("first"))
    return sql[sql.index("SELECT") :], [now, network.pk, ConsentPurpose.COUNT.value]


def _insert() -> str:
    rounds = ",".join(_ROUND.format(r=r) for r in ("f3", "f6", "f12"))
    return (
        """INSERT INTO {fact} ("""  # noqa: S608  # nosec B608
        + _COLUMNS
        + """)
SELECT e.id, e.network_id, e.member_id, c.site_id, e.cohort_id, e.participant_id,
  """
        + _CODES.format(age=_AGE.format(year=_year()))
        + """,
  e.enrolled_on, c.ends_on, e.status, COALESCE(r.code, ''),
  COALESCE(a.marked, 0), COALESCE(a.attended, 0), COALESCE(m.contacts, 0),
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
WHERE e.network_id = %s AND p.deleted_at IS NULL AND EXISTS (
  SELECT 1 FROM {consent} k WHERE k.participant_id = p.id AND k.purpose = %s
  AND k.withdrawn_on IS NULL)"""  # nosec B608
    )


def rebuild(network: Network, *, now: datetime | None = None) -> int:
    """Replaces the network's facts from its source tables; returns the number of rows."""
    now = now or timezone.now()
    tables = _tables()
    sql = _insert().format(**tables, first=connection.ops.quote_name("first"))
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Right after a bulk import PostgreSQL has no statistics on the new rows yet,
            # takes every join for one row and nests loops: 14 s instead of 1 s at 3,000
            # women, and quadratic. Sampling the source tables first costs under a second.
            sources = [table for name, table in tables.items() if name != "fact"]
            cursor.execute(f"ANALYZE {', '.join(sources)}")
        cursor.execute(f"DELETE FROM {tables['fact']} WHERE network_id = %s", [network.pk])  # noqa: S608  # nosec B608
        cursor.execute(sql, [now, network.pk, ConsentPurpose.COUNT.value])
        return cursor.rowcount
