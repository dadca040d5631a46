"""Suggested UNCT-SWAP ratings from the results of the same country, as one person sees them.

The provider registered with ``core.registry`` (``shell.py``). For an assessment of a
country team and year it reads, through the results selectors and so only from offices the
person may read, the plans covering that year of the team and of the offices it holds;
:mod:`cometa.links.ratings` turns them into figures and answers; the scorecards rate them.
A person who reads none of those offices gets no suggestion and sees no evidence.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from cometa.accounts.models import Person
from cometa.links import ratings
from cometa.results import selectors
from cometa.results.identifiers import ResultKind
from cometa.results.models import Plan
from cometa.results.scales import Progress
from cometa.scorecards.assessments.suggested import EvidenceLine, Suggestion
from cometa.scorecards.models import Assessment

SOURCE = "results"


def rating_suggestions(person: Person, assessment: Assessment) -> list[Suggestion]:
    """PI 1.3, 6.1 and 7.1 as the results data of the assessment's country supports them."""
    if assessment.framework.identifier != ratings.FRAMEWORK:
        return []
    plans = selectors.plans_of_team(person, assessment.organisation, assessment.year)
    if not plans.exists():
        return []
    found = [
        _indicators(person, plans, assessment.year),
        _budget(person, plans, assessment.year),
        _results(person, plans, assessment.year),
    ]
    return [item for item in found if item is not None]


def _suggestion(code: str, **values: Any) -> Suggestion:
    return Suggestion(framework=ratings.FRAMEWORK, indicator_code=code, source=SOURCE, **values)


def _attached(person: Person, plans: QuerySet[Plan]) -> list[ratings.AttachedIndicator]:
    return [
        ratings.AttachedIndicator(
            office_id=row.plan.office_id,
            office=row.plan.office.name,
            code=str(row.version),
            cf_codes=tuple(
                item["code"]
                for item in row.version.references
                if item.get("vocabulary") == ratings.CF_VOCABULARY
            ),
            gender_sensitive=row.version.gender_sensitive,
        )
        for row in selectors.indicators_of_plans(person, plans)
    ]


def _indicator_line(item: ratings.AttachedIndicator) -> EvidenceLine:
    words = _("%(indicator)s refers to Cooperation Framework indicator(s) %(codes)s: %(flag)s")
    flag = _("gender-sensitive") if item.gender_sensitive else _("not gender-sensitive")
    values = {"indicator": item.code, "codes": ", ".join(item.cf_codes), "flag": flag}
    return EvidenceLine(item.office, words % values)


def _indicators(person: Person, plans: QuerySet[Plan], year: int) -> Suggestion | None:
    attached = _attached(person, plans)
    share = ratings.cf_share(attached)
    if share is None:
        return None
    words = _(
        "%(sensitive)s of %(counted)s Cooperation Framework indicators (%(pct)s %%) measure "
        "change in gender equality (plans covering %(year)s)."
    )
    values = {"sensitive": share.sensitive, "counted": share.counted, "year": year}
    figures = {
        "year": year,
        "counted": share.counted,
        "gender_sensitive": share.sensitive,
        "percent": round(share.percent, 2),
    }
    return _suggestion(
        ratings.PI_INDICATORS,
        inputs=share.inputs(),
        figures=figures,
        summary=words % {**values, "pct": f"{share.percent:.1f}"},
        evidence=tuple(_indicator_line(item) for item in attached if item.cf_codes),
        rows=share.offices,
    )


def _amounts(marked: Decimal, total: Decimal, currency: str) -> dict[str, str]:
    return {"marked": f"{marked:,.0f}", "total": f"{total:,.0f}", "currency": currency}


def _budget_summary(found: ratings.BudgetFigures, year: int) -> str:
    parts = [
        _("%(marked)s of %(total)s %(currency)s (%(pct)s %%)")
        % {
            **_amounts(marked, total, currency),
            "pct": "-" if share is None else f"{share * 100:.1f}",
        }
        for currency, (total, marked, share) in found.totals.items()
    ]
    words = _("Budget for %(year)s with gender equality marker 2 or 3: %(parts)s.")
    return words % {"year": year, "parts": "; ".join(parts)}


def _budget(person: Person, plans: QuerySet[Plan], year: int) -> Suggestion | None:
    offices = {plan.office_id: plan.office for plan in plans}
    budgets = [
        ratings.OfficeBudget(office.pk, office.name, line.currency, line.total, line.marked)
        for office in offices.values()
        for line in selectors.budget_totals(person, office, year)
    ]
    found = ratings.budget_figures(budgets)
    if found is None:
        return None
    words = _("%(marked)s of %(total)s %(currency)s marked 2 or 3 in %(year)s")
    evidence = tuple(
        EvidenceLine(
            item.office, words % {**_amounts(item.marked, item.total, item.currency), "year": year}
        )
        for item in budgets
        if item.total > 0
    )
    figures = {
        "year": year,
        "currencies": {
            currency: {"total": str(total), "marked": str(marked), "share": str(share)}
            for currency, (total, marked, share) in found.totals.items()
        },
    }
    return _suggestion(
        ratings.PI_BUDGET,
        answers=found.answers(),
        figures=figures,
        summary=_budget_summary(found, year),
        evidence=evidence,
        rows=found.offices,
    )


def _results(person: Person, plans: QuerySet[Plan], year: int) -> Suggestion | None:
    rows = (
        selectors.narratives_for_year(person, year)
        .filter(outcome__plan__in=plans, outcome__kind=ResultKind.DEVELOPMENT)
        .select_related("outcome__plan__office")
        .order_by("outcome__plan__office__name", "outcome__code")
    )
    outcomes = [
        ratings.OutcomeProgress(
            row.outcome.plan.office_id, row.outcome.plan.office.name, row.outcome.code, row.progress
        )
        for row in rows
    ]
    found = ratings.on_track(outcomes)
    if found is None:
        return None
    summary = _(
        "%(on_track)s of %(assessed)s development outcomes assessed for %(year)s are on track."
    ) % {
        "on_track": found.on_track,
        "assessed": found.assessed,
        "year": year,
    }
    evidence = tuple(
        EvidenceLine(f"{item.office}, {item.outcome}", _progress_words(item.progress))
        for item in outcomes
    )
    figures = {"year": year, "on_track": found.on_track, "assessed": found.assessed}
    return _suggestion(
        ratings.PI_RESULTS,
        answers=found.answers(),
        figures=figures,
        summary=summary,
        evidence=evidence,
        rows=found.offices,
    )


def _progress_words(code: str) -> str:
    return str(Progress(code).label)
