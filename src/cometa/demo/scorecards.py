"""Demo scorecards: the Kazakhstan country team's years up to its 2022 annual report,
fictional country teams with several years each, and the Co-Meta network's self-assessment.

Everything goes through the services (assessment_create, indicator_update, the workflow),
so ratings are computed by the engine and every change is in the audit trail. Each team is
built in one transaction and only if it has no assessment of that framework yet: running
the demo again leaves what exists and never duplicates.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations, product

from django.db import transaction

from cometa.accounts import audit
from cometa.accounts import services as accounts_services
from cometa.accounts.models import Membership, Organisation, Person
from cometa.accounts.models.organisations import OrganisationKind
from cometa.accounts.roles import Role
from cometa.demo import scorecard_texts as texts
from cometa.demo.accounts import DOMAIN
from cometa.scorecards.assessments import services
from cometa.scorecards.assessments.workflow import transition
from cometa.scorecards.frameworks.engine import Answer, Missing, MissingKind, Rating, rate
from cometa.scorecards.frameworks.model import Framework, Indicator
from cometa.scorecards.frameworks.rule_words import describe_missing
from cometa.scorecards.frameworks.store import (
    framework_of,
    framework_sync_builtin,
    latest_published,
)
from cometa.scorecards.models import (
    ActionStatus,
    Assessment,
    AssessmentKind,
    AssessmentStatus,
    Cycle,
    Evidence,
    EvidenceCategory,
    FrameworkVersion,
    IndicatorAssessment,
)
from cometa.scorecards.records import services as record_services
from cometa.scorecards.records.evidence import evidence_link

KAZAKHSTAN = "UN Country Team Kazakhstan"
COMETA = "Co-Meta Backbone, Jalisco"
EXAMPLE_LINKS = "https://example.org/cometa-demo"  # reserved domain: the links are fictional

# Values tried for numeric inputs when the builder looks for answers that give a level.
_GRIDS = {
    "percent": (10.0, 25.0, 40.0, 49.0, 57.0, 72.0, 85.0, 95.0),
    "count": (0.0, 4.0, 8.0, 12.0, 24.0, 48.0),
}


class DemoDataError(RuntimeError):
    """The demo's own data does not fit the framework (a bug in the demo, not in the user)."""


def build_scorecards(step: Callable[[str], None] | None = None) -> None:
    """Builds every demo team that has no assessments yet; ``step`` hears each part done."""
    say = step or (lambda note: None)
    framework_sync_builtin()
    say("scorecard frameworks")
    _build_kazakhstan()
    say("UN Country Team Kazakhstan, 2018–2023")
    for team in texts.TEAMS:
        _build_team(team)
    say(f"{len(texts.TEAMS)} fictional country teams")
    _build_cometa()
    say("Co-Meta network self-assessment")


# --- People ---------------------------------------------------------------------------------


def _person(local: str) -> Person:
    return Person.objects.get(email=f"{local}@{DOMAIN}")


def _slug(text: str) -> str:
    return "-".join(text.lower().split())


# --- Choosing answers -------------------------------------------------------------------------


def _pick(key: str, count: int) -> int:
    """A stable choice among ``count`` options (the same on every run)."""
    return zlib.crc32(key.encode()) % count


@dataclass(frozen=True)
class Way:
    met: frozenset[str]
    inputs: dict[str, float]


_ways_cache: dict[tuple[str, str, str, str, tuple[tuple[str, float], ...]], list[Way]] = {}


def _ways(
    framework: Framework, indicator: Indicator, level: str, fixed: dict[str, float]
) -> list[Way]:
    """Every way with the fewest met criteria (and inputs from the grid, unless fixed) that
    the engine rates ``level``."""
    cache_key = (
        framework.identifier,
        framework.version,
        indicator.code,
        level,
        tuple(sorted(fixed.items())),
    )
    if cache_key in _ways_cache:
        return _ways_cache[cache_key]
    criteria = [criterion.id for criterion in indicator.criteria]
    free = [item for item in indicator.inputs if item.key not in fixed]
    grids = [[v for v in _GRIDS[item.kind] if item.min <= v <= item.max] for item in free]
    found: list[Way] = []
    for size in range(len(criteria) + 1):
        for subset in combinations(criteria, size):
            answers = {c: Answer.MET if c in subset else Answer.NOT_MET for c in criteria}
            for values in product(*grids):
                inputs = dict(fixed) | {item.key: v for item, v in zip(free, values, strict=True)}
                if rate(indicator, answers, inputs).level == level:
                    found.append(Way(frozenset(subset), inputs))
        if found:
            break
    _ways_cache[cache_key] = found
    return found


def _answers_for(
    framework: Framework, indicator: Indicator, level: str, fixed: dict[str, float], key: str
) -> tuple[dict[str, str], dict[str, float]]:
    ways = _ways(framework, indicator, level, fixed)
    if not ways:
        raise DemoDataError(f"PI {indicator.code}: no answers give {level!r}")
    way = ways[_pick(key, len(ways))]
    answers = {c.id: "met" if c.id in way.met else "not_met" for c in indicator.criteria}
    return answers, way.inputs


def _label(framework: Framework, level: str) -> str:
    return next(item.label.en for item in framework.levels if item.key == level)


def _describe(indicator: Indicator, missing: Missing) -> str:
    if missing.kind == MissingKind.CRITERION:
        return indicator.criterion(missing.criteria[0]).text.en.rstrip(".")
    return describe_missing(missing, criteria={}, inputs={})


def _justification(framework: Framework, indicator: Indicator, rating: Rating, year: int) -> str:
    text = f"Rated “{_label(framework, rating.level)}” in {year}."
    trace = rating.trace
    if trace.next_level and trace.missing_for_next:
        needs = "; ".join(_describe(indicator, item) for item in trace.missing_for_next)
        text += f" Still needed for “{_label(framework, trace.next_level)}”: {needs}."
    return text


# --- Writing one assessment -----------------------------------------------------------------


@dataclass
class Cast:
    """Who does what for one team."""

    coordinator: Person
    reviewer: Person | None
    editors: dict[str, Person]


def _rate(
    *,
    cast: Cast,
    assessment: Assessment,
    framework: Framework,
    code: str,
    rated: texts.Rated,
    key: str,
) -> None:
    indicator = framework.indicator(code)
    answers, inputs = rated.answers, dict(rated.inputs)
    findings = dict(rated.findings)
    if answers is None:
        answers, inputs = _answers_for(framework, indicator, rated.level, inputs, key)
        for criterion, answer in sorted(answers.items()):
            if answer == "met" and criterion not in findings:
                sentences = texts.FINDING_SENTENCES
                findings[criterion] = sentences[_pick(key + criterion, len(sentences))]
    rating = rate(indicator, {k: Answer(v) for k, v in answers.items()}, inputs)
    if rating.level != rated.level:
        raise DemoDataError(
            f"{key}: the answers give {rating.level!r}, the demo says {rated.level!r}"
        )
    row = _row(assessment, code)
    services.indicator_update(
        actor=cast.editors.get(rated.editor, cast.coordinator),
        indicator=row,
        expected_version=row.version,
        reassessed=True,
        answers=answers,
        findings=findings,
        inputs=dict(inputs),
        agreed_level=rated.agreed,
        difference_reason=rated.reason,
        justification=rated.justification
        or _justification(framework, indicator, rating, assessment.year),
    )


def _row(assessment: Assessment, code: str) -> IndicatorAssessment:
    """The indicator row, holding the very assessment object (whose team and framework are
    loaded already), which saves the service several queries per save."""
    row = IndicatorAssessment.objects.get(assessment=assessment, code=code)
    row.assessment = assessment
    return row


def _note(actor: Person, assessment: Assessment, code: str, note: str) -> None:
    row = _row(assessment, code)
    services.indicator_update(
        actor=actor,
        indicator=row,
        expected_version=row.version,
        reassessed=False,
        justification=note,
    )


def _document(actor: Person, assessment: Assessment, document: texts.Document) -> Evidence:
    """A link through the evidence service, or (as imported reports list them) only the
    name of a document."""
    if document.url:
        evidence = evidence_link(
            actor=actor,
            assessment=assessment,
            url=document.url,
            title=document.title,
            indicator_code=document.code,
            category=document.category,
            shared=document.shared,
        )
    else:
        evidence = Evidence.objects.create(
            assessment=assessment,
            indicator_code=document.code,
            category=document.category,
            title=document.title,
            shared=document.shared,
            uploaded_by=actor,
        )
        audit.record(
            actor=actor,
            action="assessment.evidence.add",
            target=evidence,
            changes={"title": [None, evidence.title], "indicator": [None, document.code]},
            organisation_id=assessment.organisation_id,
        )
    if document.good_practice:
        Evidence.objects.filter(pk=evidence.pk).update(is_good_practice=True)
        audit.record(
            actor=actor,
            action="assessment.evidence.good_practice",
            target=evidence,
            changes={"is_good_practice": [False, True]},
            organisation_id=assessment.organisation_id,
        )
    return evidence


def _walk(cast: Cast, assessment: Assessment, status: str, comment: str = "") -> Assessment:
    """Takes a draft through the workflow up to ``status``."""
    if status == AssessmentStatus.DRAFT:
        return assessment
    assessment = transition(actor=cast.coordinator, assessment=assessment, step_name="submit")
    if status == AssessmentStatus.SUBMITTED:
        return assessment
    if cast.reviewer is None:
        raise DemoDataError("a reviewer is needed past submission")
    reviewer = cast.reviewer
    assessment = transition(actor=reviewer, assessment=assessment, step_name="start_review")
    if status == AssessmentStatus.UNDER_REVIEW:
        return assessment
    if status == AssessmentStatus.RETURNED:
        return transition(
            actor=reviewer, assessment=assessment, step_name="return", comment=comment
        )
    assessment = transition(actor=reviewer, assessment=assessment, step_name="approve")
    if status == AssessmentStatus.APPROVED:
        return assessment
    return transition(actor=reviewer, assessment=assessment, step_name="publish")


def _cycle(actor: Person, organisation: Organisation, name: str, first: int, last: int) -> Cycle:
    found = Cycle.objects.filter(organisation=organisation, name=name).first()
    if found is not None:
        return found
    return services.cycle_create(
        actor=actor, organisation=organisation, name=name, start_year=first, end_year=last
    )


def _write_year(
    *,
    cast: Cast,
    organisation: Organisation,
    version: FrameworkVersion,
    spec: texts.Year,
    cycle: Cycle | None,
    status: str,
    comment: str = "",
    key: str,
) -> Assessment:
    framework = framework_of(version)
    actor = cast.coordinator
    assessment = services.assessment_create(
        actor=actor,
        organisation=organisation,
        framework=version,
        year=spec.year,
        kind=spec.kind,
        cycle=cycle,
    )
    if spec.process:
        services.assessment_update_text(
            actor=actor, assessment=assessment, process_text=spec.process, context_text=""
        )
    for name, entity, title in spec.team:
        record_services.team_member_add(
            actor=actor, assessment=assessment, name=name, entity=entity, title=title
        )
    for code, rated in spec.ratings.items():
        _rate(
            cast=cast,
            assessment=assessment,
            framework=framework,
            code=code,
            rated=rated,
            key=f"{key}/{spec.year}/{code}",
        )
    for code, note in spec.carried_notes.items():
        _note(actor, assessment, code, note)
    for document in spec.documents:
        _document(actor, assessment, document)
    for action in spec.actions:
        record_services.action_save(
            actor=actor,
            assessment=assessment,
            indicator_code=action.code,
            text=action.text,
            responsible=action.responsible,
            status=action.status,
            progress=action.progress,
        )
    return _walk(cast, assessment, status, comment)


def _has_assessments(organisation: Organisation, identifier: str) -> bool:
    return Assessment.objects.filter(
        organisation=organisation, framework__identifier=identifier
    ).exists()


# --- The teams ------------------------------------------------------------------------------


def _build_kazakhstan() -> None:
    organisation = Organisation.objects.get(name=KAZAKHSTAN)
    if _has_assessments(organisation, "unct-swap"):
        return
    version = latest_published("unct-swap")
    cast = Cast(
        coordinator=_person("aigerim"),
        reviewer=_person("renata"),
        editors={"aigerim": _person("aigerim"), "daniyar": _person("daniyar")},
    )
    with transaction.atomic():
        cycles = {
            name: _cycle(cast.coordinator, organisation, name, first, last)
            for name, first, last in texts.KAZ_CYCLES
        }
        for spec in (*texts.KAZ_EARLIER, texts.KAZ_2022):
            _write_year(
                cast=cast,
                organisation=organisation,
                version=version,
                spec=spec,
                cycle=cycles[spec.cycle],
                status=AssessmentStatus.PUBLISHED,
                key="KAZ",
            )
        _write_year(
            cast=cast,
            organisation=organisation,
            version=version,
            spec=texts.KAZ_2023_DRAFT,
            cycle=cycles[texts.KAZ_2023_DRAFT.cycle],
            status=AssessmentStatus.DRAFT,
            key="KAZ",
        )


def _team_coordinator(team: texts.Team, organisation: Organisation) -> Person:
    email = f"{_slug(team.country)}.coordinator@{DOMAIN}"
    person = Person.objects.filter(email=email).first()
    if person is None:  # no password: a name in the workflow history, not an account to use
        person = accounts_services.person_create(
            actor=None, email=email, full_name=team.coordinator
        )
    if not Membership.objects.filter(person=person, organisation=organisation).exists():
        accounts_services.membership_add(
            actor=None,
            organisation=organisation,
            person=person,
            role=Role.COORDINATOR,
            title=team.members[0][2],
        )
    return person


def _team_years(
    team: texts.Team, framework: Framework
) -> list[tuple[texts.TeamYear, dict[str, str]]]:
    """Each year with the ratings it reassesses: {code: level}."""
    codes = [indicator.code for indicator in framework.indicators]
    years: list[tuple[texts.TeamYear, dict[str, str]]] = []
    for position, item in enumerate(team.years):
        if position == 0:
            letters = item.ratings.replace(" ", "")
            if len(letters) != len(codes):
                raise DemoDataError(f"{team.country} {item.year}: {len(letters)} ratings")
            changes = {
                code: texts.LETTERS[letter] for code, letter in zip(codes, letters, strict=True)
            }
        else:
            changes = {}
            for part in item.ratings.split():
                code, letter = part.split(":")
                changes[code] = texts.LETTERS[letter]
        years.append((item, changes))
    return years


def _build_team(team: texts.Team) -> None:
    name = f"UN Country Team {team.country}"
    with transaction.atomic():
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            organisation = accounts_services.organisation_create(
                actor=None,
                name=name,
                kind=OrganisationKind.COUNTRY_TEAM,
                country=team.code,
                region=team.region,
            )
        if _has_assessments(organisation, "unct-swap"):
            return
        coordinator = _team_coordinator(team, organisation)
        cast = Cast(coordinator=coordinator, reviewer=_person("renata"), editors={})
        version = latest_published("unct-swap")
        framework = framework_of(version)
        cycle = _cycle(coordinator, organisation, *team.cycle)
        slug = _slug(team.country)
        good = {(year, code): title for year, code, title in team.good_practice}
        profile: dict[str, str] = {}
        years = _team_years(team, framework)
        for position, (item, changes) in enumerate(years):
            profile |= changes
            last = position == len(years) - 1
            documents = tuple(
                texts.Document(
                    code,
                    EvidenceCategory.VERIFICATION,
                    good.get(
                        (item.year, code),
                        f"{framework.indicator(code).title.en}: means of verification "
                        f"({item.year})",
                    ),
                    url=f"{EXAMPLE_LINKS}/{slug}/{item.year}/pi-{code}",
                    shared=(item.year, code) in good,
                    good_practice=(item.year, code) in good,
                )
                for code, level in changes.items()
                if level != "missing"  # nothing to show for a requirement not met
            )
            spec = texts.Year(
                year=item.year,
                kind=AssessmentKind.COMPREHENSIVE if position == 0 else AssessmentKind.ANNUAL,
                cycle=team.cycle[0],
                ratings={code: texts.Rated(level) for code, level in changes.items()},
                team=tuple(team.members),
                documents=documents,
                actions=_team_actions(team, profile, item.year, last),
            )
            _write_year(
                cast=cast,
                organisation=organisation,
                version=version,
                spec=spec,
                cycle=cycle,
                status=item.status,
                comment=texts.RETURN_COMMENT,
                key=team.code,
            )


def _team_actions(
    team: texts.Team, profile: dict[str, str], year: int, last: bool
) -> tuple[texts.Action, ...]:
    """Actions for the (at most three) weakest indicators of the year."""
    order = list(texts.LETTERS.values())
    weakest = sorted(
        (code for code, level in profile.items() if order.index(level) < order.index("meets")),
        key=lambda code: (order.index(profile[code]), code),
    )[:3]
    return tuple(
        texts.Action(
            code,
            texts.ACTION_TEXTS[code],
            status=ActionStatus.IN_PROGRESS if last else ActionStatus.DONE,
            responsible=team.members[position % len(team.members)][1],
        )
        for position, code in enumerate(weakest)
    )


def _build_cometa() -> None:
    organisation = Organisation.objects.get(name=COMETA)
    if _has_assessments(organisation, "collective-impact"):
        return
    lucia = _person("lucia")
    cast = Cast(coordinator=lucia, reviewer=None, editors={"lucia": lucia})
    version = latest_published("collective-impact")
    year_of_practice, code_of_practice, practice = texts.COMETA_GOOD_PRACTICE
    with transaction.atomic():
        for position, (year, kind, status, ratings) in enumerate(texts.COMETA_YEARS):
            spec = texts.Year(
                year=year,
                kind=kind,
                cycle="",
                process=texts.COMETA_PROCESS if position == 0 else "",
                team=texts.COMETA_TEAM,
                ratings={
                    code: texts.Rated(level, justification=note, editor="lucia")
                    for code, (level, note) in ratings.items()
                },
                documents=(
                    (
                        texts.Document(
                            code_of_practice,
                            EvidenceCategory.CAPACITY,
                            practice,
                            url=f"{EXAMPLE_LINKS}/co-meta/{year}/baseline-training",
                            shared=True,
                            good_practice=True,
                        ),
                    )
                    if year == year_of_practice
                    else ()
                ),
            )
            _write_year(
                cast=cast,
                organisation=organisation,
                version=version,
                spec=spec,
                cycle=None,
                status=status,
                key="co-meta",
            )


def demo_counts() -> dict[str, int]:
    """Row counts of the demo's scorecard data (the tests compare two builds)."""
    return {
        "assessments": Assessment.objects.count(),
        "indicators": IndicatorAssessment.objects.count(),
        "evidence": Evidence.objects.count(),
        "cycles": Cycle.objects.count(),
        "frameworks": FrameworkVersion.objects.count(),
        "teams": Organisation.objects.filter(kind=OrganisationKind.COUNTRY_TEAM).count(),
    }


__all__ = ["build_scorecards", "demo_counts"]
