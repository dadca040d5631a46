"""One generated woman: her profile, her identity and her way through a cohort.

Pure and deterministic: ``women(cohort, first_index, seed)`` gives the same women for the
same arguments. The shares (drop-out, response to follow-ups, ...) are plausible for a
programme like Second Chance Education, not measured facts: the data is synthetic.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from cometa.network import schedule
from cometa.network.codes import (
    WG_DOMAINS,
    AttemptResult,
    ConsentPurpose,
    ContactMode,
    CriterionResultCode,
    DropReason,
    Education,
    EnrolmentStatus,
    FlagSeverity,
    FlagTrigger,
    FollowUpStatus,
    IncomeBand,
    Migration,
    ReferralService,
    WorkStatus,
)
from cometa.network.generator.layout import AS_OF, CohortPlan
from cometa.network.generator.structure import CRITERIA
from cometa.network.rules import disability_from
from cometa.network.services.participants import ALPHABET

GIVEN = (
    "María", "Guadalupe", "Juana", "Margarita", "Verónica", "Leticia", "Rosa", "Alejandra",
    "Patricia", "Elizabeth", "Adriana", "Gabriela", "Araceli", "Yolanda", "Silvia", "Claudia",
    "Ana Karen", "Daniela", "Fernanda", "Itzel", "Xóchitl", "Citlali", "Nayeli", "Josefina",
)  # fmt: skip
FAMILY = (
    "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez",
    "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vázquez", "Jiménez", "Reyes", "Díaz",
    "Torres", "Gutiérrez", "Ruiz", "Mendoza", "Aguilar", "Ortiz", "Núñez", "Muñoz",
)  # fmt: skip
STREETS = ("Av. Juárez", "Calle Hidalgo", "Calle Morelos", "Privada Zaragoza", "Calle Allende")
DROP_SHARE = 0.24
GRADUATION_SHARE = 0.7
RESPONSE = {"fu3": 0.68, "fu6": 0.58, "fu12": 0.47}  # answered, by round
ENDLINE_RESPONSE = 0.8  # completers answering the endline survey
FLAG_SHARE = 0.12  # women flagged for psychosocial follow-up during the programme
DROP_REASONS = tuple(DropReason)
WEIGHTED_REASONS = (
    [DropReason.CARE_CHILD] * 5 + [DropReason.ECONOMIC_NEED] * 4 + [DropReason.FOUND_JOB] * 3
    + [DropReason.SCHEDULE] * 3 + [DropReason.TRANSPORT] * 2 + [DropReason.HEALTH_SELF] * 2
    + [DropReason.OPPOSITION] * 2 + [DropReason.MOVED] + [DropReason.LOST_CONTACT] * 2
    + [DropReason.DIGITAL] + [DropReason.MISMATCH]
)  # fmt: skip


@dataclass
class FollowUp:
    planned: schedule.Planned
    status: str = FollowUpStatus.SCHEDULED
    responded_on: date | None = None
    answers: dict[str, object] = field(default_factory=dict)
    attempts: list[tuple[datetime, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Flag:
    """A psychosocial flag: when raised, and when (if ever) acted on and referred."""

    raised_on: date
    trigger: str
    severity: str
    first_action_on: date | None
    referred_on: date | None
    service: str


@dataclass
class Woman:
    code: str
    profile: dict[str, object]
    identity: dict[str, str]
    consents: tuple[str, ...]
    enrolled_on: date
    status: str
    changes: list[tuple[str, str, date]]
    attendance: list[tuple[int, str]]  # (session number, mark)
    mentoring: list[tuple[date, str, int]]  # (day, mode, minutes)
    exit_on: date | None = None
    reasons: tuple[str, ...] = ()
    graduation: bool | None = None  # passed, when assessed
    criteria: dict[str, str] = field(default_factory=dict)  # criterion code -> result
    followups: list[FollowUp] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    endline: tuple[date, dict[str, object]] | None = None  # collected on, answers


def code_for(index: int, seed: int) -> str:
    """A unique pseudonymous code per (index, seed): an odd multiplier modulo 2**40 is a
    bijection, so two indexes never share a code, and nothing in it reads as an order."""
    number = (index * 0x9E3779B97 + seed * 0x5DEECE66D) % (1 << 40)
    letters = "".join(ALPHABET[(number >> (5 * place)) & 31] for place in range(8))
    return f"{letters[:4]}-{letters[4:]}"


def _profile(rng: random.Random, rural: bool) -> dict[str, object]:
    wg = {name: rng.choices((1, 2, 3, 4), (88, 9, 2.5, 0.5))[0] for name in WG_DOMAINS}
    indigenous = rng.random() < (0.3 if rural else 0.1)
    return {
        "birth_year": rng.randint(1965, 2006),
        "education": rng.choices(list(Education), (6, 14, 22, 30, 20, 8))[0].value,
        "literate": rng.random() > 0.06,
        **wg,
        "disability": disability_from(wg),
        "indigenous_self": indigenous,
        "indigenous_language": indigenous and rng.random() < 0.4,
        "migration": rng.choices(list(Migration), (78, 12, 3, 5, 2))[0].value,
        "rural": rural,
        "household_size": rng.randint(1, 9),
        "children_under_6": rng.choices((0, 1, 2, 3), (45, 30, 18, 7))[0],
        "head_of_household": rng.random() < 0.36,
        "income_band": rng.choices(list(IncomeBand), (22, 46, 27, 5))[0].value,
        "work_status": rng.choices(list(WorkStatus), (18, 22, 25, 35))[0].value,
    }


def _identity(rng: random.Random, municipality: str) -> dict[str, str]:
    return {
        "given_names": rng.choice(GIVEN),
        "family_names": f"{rng.choice(FAMILY)} {rng.choice(FAMILY)}",
        "phone": f"+52 33 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
        "address": f"{rng.choice(STREETS)} {rng.randint(1, 999)}, {municipality}",
    }


def _marks(rng: random.Random, held: int) -> list[tuple[int, str]]:
    marks = ("present", "late", "absent_excused", "absent")
    return [(number, rng.choices(marks, (80, 5, 7, 8))[0]) for number in range(held)]


def _mentoring(rng: random.Random, start: date, end: date) -> list[tuple[date, str, int]]:
    contacts, day = [], start + timedelta(days=rng.randint(3, 20))
    while day <= end:
        mode = rng.choices(list(ContactMode), (40, 25, 25, 7, 3))[0].value
        contacts.append((day, mode, rng.choice((15, 20, 30, 45, 60))))
        day += timedelta(days=rng.randint(25, 40))
    return contacts


def _followup(rng: random.Random, planned: schedule.Planned) -> FollowUp:
    task = FollowUp(planned)
    if planned.opens_on > AS_OF:
        return task
    first = datetime.combine(planned.opens_on, time(10), tzinfo=UTC)
    if planned.closes_on > AS_OF and rng.random() < 0.5:
        return task  # still open, not yet tried
    answered = rng.random() < RESPONSE[planned.round]
    tries = rng.randint(0, 2)
    for number in range(tries):
        result = rng.choice((AttemptResult.NO_ANSWER, AttemptResult.WRONG_NUMBER))
        task.attempts.append((first + timedelta(days=3 * number), ContactMode.PHONE, result))
    when = first + timedelta(days=3 * tries)
    if answered:
        task.status, task.responded_on = FollowUpStatus.COMPLETED, when.date()
        task.attempts.append((when, ContactMode.PHONE, AttemptResult.COMPLETED))
        task.answers = {
            "work_status": rng.choices(list(WorkStatus), (26, 30, 18, 26))[0].value,
            "income_band": rng.choices(list(IncomeBand), (15, 42, 38, 5))[0].value,
            "has_business": rng.random() < 0.3,
            "in_education": rng.random() < 0.12,
        }
    elif rng.random() < 0.1:
        task.status = FollowUpStatus.REFUSED
        task.attempts.append((when, ContactMode.PHONE, AttemptResult.REFUSED))
    elif planned.closes_on < AS_OF:
        fails = schedule.UNREACHABLE_AFTER - len(task.attempts)
        for number in range(max(fails, 0)):
            task.attempts.append(
                (when + timedelta(days=3 * number), ContactMode.PHONE, AttemptResult.NO_ANSWER)
            )
        task.status = rng.choice((FollowUpStatus.UNREACHABLE, FollowUpStatus.MISSED))
    return task


def _path(rng: random.Random, cohort: CohortPlan, woman: Woman) -> None:
    """Her states, attendance, mentoring, exit and follow-ups, as of AS_OF."""
    held = [day for day in cohort.sessions if day <= AS_OF]
    drop_at = rng.randint(2, len(cohort.sessions) - 1) if rng.random() < DROP_SHARE else None
    if held:
        woman.changes.append((EnrolmentStatus.ENROLLED, EnrolmentStatus.ACTIVE, held[0]))
        woman.status = EnrolmentStatus.ACTIVE
    if drop_at is not None and drop_at < len(held):
        woman.exit_on, woman.status = held[drop_at], EnrolmentStatus.DROPPED_OUT
        woman.reasons = tuple(dict.fromkeys(rng.sample(WEIGHTED_REASONS, rng.randint(1, 2))))
        held = held[:drop_at]
    elif cohort.ends_on <= AS_OF:
        woman.exit_on, woman.status = cohort.ends_on, EnrolmentStatus.COMPLETED
    if woman.exit_on is not None:
        woman.changes.append((EnrolmentStatus.ACTIVE, woman.status, woman.exit_on))
    woman.attendance = _marks(rng, len(held))
    woman.mentoring = _mentoring(rng, woman.enrolled_on, woman.exit_on or AS_OF)
    if woman.status == EnrolmentStatus.COMPLETED:
        woman.graduation = rng.random() < GRADUATION_SHARE
        if woman.graduation and cohort.ends_on + timedelta(days=14) <= AS_OF:
            day = cohort.ends_on + timedelta(days=14)
            woman.changes.append((EnrolmentStatus.COMPLETED, EnrolmentStatus.GRADUATED, day))
            woman.status = EnrolmentStatus.GRADUATED
    if woman.exit_on is not None:
        woman.followups = [_followup(rng, planned) for planned in schedule.plan(woman.exit_on)]


def _later(rng: random.Random, day: date, most: int) -> date | None:
    """A day up to ``most`` days after ``day``, or None when that is still to come."""
    later = day + timedelta(days=rng.randint(0, most))
    return later if later <= AS_OF else None


def _flags(rng: random.Random, woman: Woman, ends_on: date) -> list[Flag]:
    last = min(woman.exit_on or ends_on, AS_OF)
    if rng.random() >= FLAG_SHARE or last < woman.enrolled_on:
        return []
    flags = []
    for _number in range(rng.choices((1, 2), (85, 15))[0]):
        raised = woman.enrolled_on + timedelta(days=rng.randint(0, (last - woman.enrolled_on).days))
        acted = _later(rng, raised, 25) if rng.random() < 0.85 else None
        referred = _later(rng, raised, 30) if rng.random() < 0.4 else None
        flags.append(
            Flag(raised, rng.choice(list(FlagTrigger)).value,
                 rng.choices(list(FlagSeverity), (70, 25, 5))[0].value, acted, referred,
                 rng.choice(list(ReferralService)).value)
        )  # fmt: skip
    return flags


def _criteria(rng: random.Random, passed: bool) -> dict[str, str]:
    """Her result on each criterion: a failed assessment misses at least one essential one;
    the optional ones are met or not either way, or do not apply."""
    met, not_met = CriterionResultCode.MET.value, CriterionResultCode.NOT_MET.value
    essential = [code for code, _title, needed, _method in CRITERIA if needed]
    missed = set() if passed else set(rng.sample(essential, rng.randint(1, len(essential))))
    found = {}
    for code, _title, needed, _method in CRITERIA:
        if needed:
            found[code] = not_met if code in missed else met
        else:
            found[code] = rng.choices((met, not_met, CriterionResultCode.NOT_APPLICABLE.value),
                                      (60, 25, 15))[0]  # fmt: skip
    return found


def _endline(rng: random.Random, woman: Woman, ends_on: date) -> tuple[date, dict[str, object]]:
    answers: dict[str, object] = {
        "work_status": rng.choices(list(WorkStatus), (22, 26, 22, 30))[0].value,
        "income_band": rng.choices(list(IncomeBand), (18, 44, 33, 5))[0].value,
        "has_business": rng.random() < 0.25,
        "in_education": rng.random() < 0.1,
    }
    if rng.random() < 0.1:
        del answers["work_status"]  # left unanswered
    return ends_on - timedelta(days=rng.randint(0, 6)), answers


def _more(rng: random.Random, cohort: CohortPlan, woman: Woman) -> None:
    """Her flags, graduation criteria and endline: drawn from their own generator, so
    that the rest of her is the same as before they were drawn."""
    woman.flags = _flags(rng, woman, cohort.ends_on)
    if woman.graduation is not None:
        woman.criteria = _criteria(rng, woman.graduation)
    completed = (EnrolmentStatus.COMPLETED, EnrolmentStatus.GRADUATED)
    if woman.status in completed and rng.random() < ENDLINE_RESPONSE:
        woman.endline = _endline(rng, woman, cohort.ends_on)


def women(
    cohort: CohortPlan, *, first_index: int, seed: int, municipality: str, rural: bool
) -> Iterator[Woman]:
    """The women of one cohort, numbered from ``first_index`` across the network."""
    # Synthetic data, reproducible on purpose: not for secrets.
    rng = random.Random(f"{seed}:{cohort.code}")  # noqa: S311  # nosec B311
    more = random.Random(f"{seed}:{cohort.code}:more")  # noqa: S311  # nosec B311
    consents = (ConsentPurpose.TAKE_PART, ConsentPurpose.SHARE_BACKBONE, ConsentPurpose.COUNT)
    for offset in range(cohort.women):
        enrolled_on = cohort.starts_on - timedelta(days=rng.randint(0, 14))
        given = tuple(
            purpose for purpose in consents if purpose == consents[0] or rng.random() < 0.93
        )
        woman = Woman(
            code=code_for(first_index + offset, seed),
            profile=_profile(rng, rural),
            identity=_identity(rng, municipality),
            consents=given,
            enrolled_on=enrolled_on,
            status=EnrolmentStatus.ENROLLED,
            changes=[("", EnrolmentStatus.ENROLLED, enrolled_on)],
            attendance=[],
            mentoring=[],
        )
        _path(rng, cohort, woman)
        _more(more, cohort, woman)
        yield woman
