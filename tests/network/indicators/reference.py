"""A plain-Python reference for the common indicators: every enrolment walked row by row
from the source tables (what the module must never do), each indicator's numerator and
denominator written again as Python predicates. The tests compare the database's counts
with these."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from fractions import Fraction

from cometa.network.models import Enrolment, ExitReason

FLAG_DAYS, ENDLINE_DAYS = 14, 30

Fact = dict[str, object]
Predicate = Callable[[Fact], bool]

SDG_AGES = [
    (15, "Y_LT15"),
    (25, "Y15T24"),
    (35, "Y25T34"),
    (45, "Y35T44"),
    (55, "Y45T54"),
    (65, "Y55T64"),
]
WORK = {"employed": True, "self_employed": True, "unemployed": False, "outside": False}


def _age(birth_year: int | None, enrolled_on: date) -> str:
    if birth_year is None:
        return "_U"
    age = enrolled_on.year - birth_year
    return next((code for limit, code in SDG_AGES if age < limit), "Y_GE65")


def _tri(value: bool | None, yes: str, no: str) -> str:
    return "_U" if value is None else (yes if value else no)


def _indigenous(p) -> str:  # type: ignore[no-untyped-def]
    if p.indigenous_self:
        return "IND_SELF"
    if p.indigenous_language:
        return "IND_LANG"
    if p.indigenous_self is False and p.indigenous_language is False:
        return "NONE"
    return "_U"


def _profile(p) -> Fact:  # type: ignore[no-untyped-def]
    low = None if p.education == "" and p.literate is not False else (
        p.literate is False or p.education in ("none", "primary_inc", "primary")
    )  # fmt: skip
    return {
        "sex": p.sex if p.sex in ("F", "M", "_O") else "_U",
        "disability": _tri(p.disability, "PD", "PWD"),
        "indigenous": _indigenous(p),
        "migratory_status": {"": "_U", "non_migrant": "NONMIG"}.get(p.migration, "MIGPER"),
        "location": _tri(p.rural, "R", "U"),
        "poor": {"below_lpei": True, "below_lpi": True, "above_lpi": False}.get(p.income_band),
        "low_education": low,
        "works_baseline": WORK.get(p.work_status),
    }


def _first(e) -> bool:  # type: ignore[no-untyped-def]
    hers = e.participant.enrolments.all()
    return min(hers, key=lambda other: (other.enrolled_on, other.pk)).pk == e.pk


def _flags(e) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Her flags raised during the enrolment, and those acted on within FLAG_DAYS."""
    raised = in_time = 0
    for flag in e.participant.flags.all():
        if not e.enrolled_on <= flag.raised_on <= e.cohort.ends_on:
            continue
        limit = flag.raised_on + timedelta(days=FLAG_DAYS)
        days = [flag.first_action_on] + [r.referred_on for r in flag.referrals.all()]
        raised += 1
        in_time += any(day is not None and day <= limit for day in days)
    return raised, in_time


def _criteria(e) -> dict[str, bool | None]:  # type: ignore[no-untyped-def]
    """Per method: every criterion judged in her latest assessment met (None: none)."""
    assessments = list(e.assessments.all())
    if not assessments:
        return {}
    latest = max(assessments, key=lambda a: (a.assessed_on, a.pk))
    judged: dict[str, list[bool]] = {}
    for result in latest.results.select_related("criterion"):
        if result.result != "n_a":
            judged.setdefault(result.criterion.method, []).append(result.result == "met")
    return {method: all(met) for method, met in judged.items()}


def _endline(e) -> tuple[bool, bool | None]:  # type: ignore[no-untyped-def]
    last = e.cohort.ends_on + timedelta(days=ENDLINE_DAYS)
    responses = [
        r
        for r in e.participant.responses.filter(round__round="endline")
        if e.enrolled_on <= r.collected_on <= last
    ]
    said = {
        WORK.get(a.code)
        for r in responses
        for a in r.answers.filter(question__field="outcome.work_status")
    }
    works = True if True in said else (False if False in said else None)
    return bool(responses), works


def facts(network_id: int) -> list[Fact]:
    found = []
    enrolments = Enrolment.objects.filter(network_id=network_id).select_related(
        "participant", "cohort"
    )
    for e in enrolments:
        p = e.participant
        counted = any(
            c.purpose == "count_reports" and c.withdrawn_on is None for c in p.consents.all()
        )
        if p.deleted_at is not None or not counted:
            continue
        marks = [a.status for a in e.attendance.all()]
        fact: Fact = {
            "site": e.cohort.site_id, "age": _age(p.birth_year, e.enrolled_on), **_profile(p),
            "enrolled_on": e.enrolled_on, "ended_on": e.cohort.ends_on, "status": e.status,
            "marked": len(marks), "attended": sum(m in ("present", "late") for m in marks),
            "mentored": e.mentoring.count(), "first": _first(e), "criteria": _criteria(e),
            "reason": next(iter(ExitReason.objects.filter(exit__enrolment=e, first=True)
                                .values_list("code", flat=True)), ""),
        }  # fmt: skip
        fact["flags"], fact["in_time"] = _flags(e)
        fact["endline"], fact["endline_works"] = _endline(e)
        for task in e.followups.all():
            answered = task.status == "completed" and task.in_window is True
            fact[task.round] = {
                "due": task.due_on, "answered": answered, "works": WORK.get(task.work_status),
                "business": task.has_business, "education": task.in_education,
            }  # fmt: skip
        found.append(fact)
    return found


def _completed(f: Fact) -> bool:
    return f["status"] in ("completed", "graduated")


def _round(r: str) -> dict[str, tuple[str, Predicate, Predicate]]:
    def answer(f: Fact) -> dict:  # type: ignore[type-arg]
        return f.get(r) or {"answered": False}  # type: ignore[return-value]

    def same(a: dict) -> bool:  # type: ignore[type-arg]
        return a["works"] is False and not a["business"] and not a["education"]

    outcomes = {
        "CI-07": (lambda f: answer(f)["works"] is True, lambda f: answer(f)["works"] is not None),
        "CI-13": (lambda f: answer(f)["business"] is True, lambda f: answer(f)["business"] is not None),  # noqa: E501
        "CI-15": (lambda f: answer(f)["education"] is True, lambda f: answer(f)["education"] is not None),  # noqa: E501
        "CI-21": (lambda f: f["works_baseline"] is False and same(answer(f)),
                  lambda f: f["works_baseline"] is False and answer(f)["works"] is not None),
    }  # fmt: skip
    found = {f"CI-12-{r.upper()}": (r, lambda f: answer(f)["answered"], lambda f: True)}
    for code, (num, den) in outcomes.items():
        for suffix, only in (("", lambda f: True), ("-C", _completed)):
            found[f"{code}-{r.upper()}{suffix}"] = (
                r,
                lambda f, num=num, only=only: answer(f)["answered"] and num(f) and only(f),
                lambda f, den=den, only=only: answer(f)["answered"] and den(f) and only(f),
            )
    return found


def _kept(f: Fact) -> bool:
    return f["status"] != "transferred"


def _dropped(f: Fact) -> bool:
    return f["status"] == "dropped_out"


REASONS = {
    "CARE": {"care_child", "care_other"},
    "INCOME": {"economic_need"},
    "WORK": {"found_job", "business_fulltime"},
    "HEALTH": {"health_self", "health_family", "pregnancy_birth"},
    "FAMILY": {"family_opposition", "violence_safety"},
    "ACCESS": {"transport", "schedule", "digital_access"},
    "COURSE": {"course_mismatch"},
    "LEFT": {"moved_away", "lost_contact", "deceased"},
}
NAMED = set().union(*REASONS.values())
METHODS = {"COMP": "computed", "VER": "verification", "SELF": "self_report", "OBS": "observation"}


def _more() -> dict[str, tuple[str, Predicate, Predicate]]:
    found: dict[str, tuple[str, Predicate, Predicate]] = {
        f"CI-04-{key}": ("ended", lambda f, codes=codes: _dropped(f) and f["reason"] in codes,
                         _dropped)
        for key, codes in REASONS.items()
    }  # fmt: skip
    found["CI-04-OTHER"] = ("ended", lambda f: _dropped(f) and f["reason"] not in NAMED, _dropped)
    for key, method in METHODS.items():
        found[f"CI-11-{key}"] = (
            "ended",
            lambda f, m=method: f["criteria"].get(m) is True,  # type: ignore[attr-defined]
            lambda f, m=method: f["criteria"].get(m) is not None,  # type: ignore[attr-defined]
        )
    found["CI-12-EL"] = ("ended", lambda f: f["endline"] and _completed(f), _completed)
    for suffix, only in (("", lambda f: True), ("-C", _completed)):
        found[f"CI-07-EL{suffix}"] = (
            "ended",
            lambda f, only=only: f["endline_works"] is True and only(f),
            lambda f, only=only: f["endline_works"] is not None and only(f),
        )
    found["CI-16"] = ("ended", lambda f: f["flags"] > 0 and _kept(f), _kept)
    found["CI-17"] = (
        "ended", lambda f: f["flags"] > 0 and f["in_time"] == f["flags"], lambda f: f["flags"] > 0
    )  # fmt: skip
    return found


INDICATORS: dict[str, tuple[str, Predicate, Predicate]] = {
    "CI-01": ("enrolled", lambda f: False, lambda f: True),
    "CI-01-W": ("enrolled", lambda f: False, lambda f: f["first"]),
    "CI-02-POOR": ("enrolled", lambda f: f["poor"] is True, lambda f: f["poor"] is not None),
    "CI-02-DIS": ("enrolled", lambda f: f["disability"] == "PD", lambda f: f["disability"] != "_U"),
    "CI-02-IND": ("enrolled", lambda f: f["indigenous"] in ("IND_SELF", "IND_LANG"),
                  lambda f: f["indigenous"] != "_U"),
    "CI-02-MIG": ("enrolled", lambda f: f["migratory_status"] == "MIGPER",
                  lambda f: f["migratory_status"] != "_U"),
    "CI-02-RUR": ("enrolled", lambda f: f["location"] == "R", lambda f: f["location"] != "_U"),
    "CI-02-EDU": ("enrolled", lambda f: f["low_education"] is True,
                  lambda f: f["low_education"] is not None),
    "CI-03": ("enrolled",
              lambda f: f["marked"] > 0 and Fraction(f["attended"], f["marked"]) >= Fraction(4, 5),
              lambda f: f["marked"] > 0),
    "CI-06": ("enrolled", lambda f: f["mentored"] > 0, lambda f: True),
    "CI-07-BL": ("enrolled", lambda f: f["works_baseline"] is True,
                 lambda f: f["works_baseline"] is not None),
    "CI-04": ("ended", lambda f: f["status"] == "dropped_out", _kept),
    "CI-05": ("ended", _completed, _kept),
    "CI-11": ("ended", lambda f: f["status"] == "graduated", _kept),
    **_more(), **_round("fu3"), **_round("fu6"), **_round("fu12"),
}  # fmt: skip


def _day(f: Fact, family: str) -> date | None:
    if family == "enrolled":
        return f["enrolled_on"]  # type: ignore[return-value]
    if family == "ended":
        return f["ended_on"]  # type: ignore[return-value]
    return (f.get(family) or {}).get("due")  # type: ignore[union-attr]


def counts(
    found: list[Fact], code: str, dimension: str, start: date, end: date
) -> dict[tuple[int, str], tuple[int, int]]:
    family, numerator, denominator = INDICATORS[code]
    nums: Counter[tuple[int, str]] = Counter()
    dens: Counter[tuple[int, str]] = Counter()
    for f in found:
        day = _day(f, family)
        if day is None or not start <= day <= end:
            continue
        key = (f["site"], f[dimension])
        nums[key] += bool(numerator(f))
        dens[key] += bool(denominator(f))
    return {key: (nums[key], dens[key]) for key in dens}
