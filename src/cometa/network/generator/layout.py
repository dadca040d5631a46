"""The shape of a generated network, from its number of women: pure and deterministic."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from cometa.network.codes import PathwayKind

#: The first cohorts start here; the network runs three years; data stands as of AS_OF.
START = date(2023, 1, 9)
YEARS = 3
AS_OF = date(2025, 9, 30)
COHORT_WEEKS = 16
SESSIONS = 10  # one every ~11 days: 100,000 women give about a million attendance marks
CAPACITY = 25
FILL = 22  # women per cohort on average
WOMEN_PER_MENTOR = 12

PARTNER_NAMES = (
    "Mujeres Emprendedoras de Occidente",
    "Fundación Tejiendo Futuro",
    "Red Comunitaria Ixtlahuacán",
    "Colectiva Manos que Crean",
)
MUNICIPALITIES = (  # Jalisco (state 14), INEGI codes, and whether the centre is rural
    ("14039", "Guadalajara", "U"),
    ("14120", "Zapopan", "U"),
    ("14098", "San Pedro Tlaquepaque", "U"),
    ("14101", "Tonalá", "U"),
    ("14097", "Tlajomulco de Zúñiga", "U"),
    ("14044", "Ixtlahuacán de los Membrillos", "R"),
    ("14030", "Chapala", "R"),
    ("14063", "Ocotlán", "U"),
)
PATHWAYS = (
    PathwayKind.TECHNICAL,
    PathwayKind.ENTREPRENEURSHIP,
    PathwayKind.EMPLOYMENT,
    PathwayKind.FORMAL_EDUCATION,
    PathwayKind.LIFE_SKILLS,
)


@dataclass(frozen=True)
class CentrePlan:
    index: int
    partner: int  # index into the partners
    name: str
    municipality_code: str
    urbanisation: str
    mentors: int


@dataclass(frozen=True)
class CohortPlan:
    code: str
    centre: int
    pathway: str
    starts_on: date
    ends_on: date
    sessions: tuple[date, ...]
    women: int


@dataclass(frozen=True)
class Layout:
    partners: tuple[str, ...]
    centres: tuple[CentrePlan, ...]
    cohorts: tuple[CohortPlan, ...]

    @property
    def women(self) -> int:
        return sum(cohort.women for cohort in self.cohorts)


def partner_names(count: int) -> tuple[str, ...]:
    names = list(PARTNER_NAMES[:count])
    names += [f"Organización Aliada {number}" for number in range(len(names) + 1, count + 1)]
    return tuple(names)


def centres_for(women: int) -> int:
    """Six centres for a Co-Meta-sized network, one more per 250 women beyond that."""
    return max(6, math.ceil(women / 250))


def partners_for(women: int) -> int:
    return max(3, min(40, math.ceil(women / 5000)))


def session_days(starts_on: date, count: int = SESSIONS) -> tuple[date, ...]:
    step = (COHORT_WEEKS * 7) // count
    return tuple(starts_on + timedelta(days=step * number) for number in range(count))


def _sizes(women: int, cohorts: int) -> list[int]:
    """``women`` spread over ``cohorts`` as evenly as whole numbers allow."""
    base, extra = divmod(women, cohorts)
    return [base + (1 if number < extra else 0) for number in range(cohorts)]


def layout(women: int) -> Layout:
    if women < 1:
        raise ValueError("a network has at least one woman")
    partners = partner_names(partners_for(women))
    centre_count = centres_for(women)
    cohort_count = max(1, math.ceil(women / FILL))
    per_centre = math.ceil(cohort_count / centre_count)
    span = (YEARS * 365 - COHORT_WEEKS * 7) // max(per_centre, 1)
    centres = tuple(
        CentrePlan(
            index=number,
            partner=number % len(partners),
            name=f"Centro Comunitario {MUNICIPALITIES[number % len(MUNICIPALITIES)][1]} "
            f"{number // len(MUNICIPALITIES) + 1}",
            municipality_code=MUNICIPALITIES[number % len(MUNICIPALITIES)][0],
            urbanisation=MUNICIPALITIES[number % len(MUNICIPALITIES)][2],
            mentors=math.ceil(CAPACITY / WOMEN_PER_MENTOR),
        )
        for number in range(centre_count)
    )
    cohorts = []
    for number, size in enumerate(_sizes(women, cohort_count)):
        centre, turn = number % centre_count, number // centre_count
        starts_on = START + timedelta(days=span * turn + 7 * (centre % 4))
        cohorts.append(
            CohortPlan(
                code=f"C{centre + 1:03d}-{turn + 1:02d}",
                centre=centre,
                pathway=PATHWAYS[number % len(PATHWAYS)],
                starts_on=starts_on,
                ends_on=starts_on + timedelta(weeks=COHORT_WEEKS),
                sessions=session_days(starts_on),
                women=size,
            )
        )
    return Layout(partners=partners, centres=centres, cohorts=tuple(cohorts))


def municipality_name(code: str) -> str:
    return next(name for number, name, _kind in MUNICIPALITIES if number == code)
