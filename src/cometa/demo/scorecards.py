"""Demo scorecards, built from the team files of ``cometa/demo/data`` (the index
``demo.yaml`` lists them): the Kazakhstan country team's years up to its 2022 annual
report, fictional country teams with several years each, and the Co-Meta network's
self-assessment.

Everything goes through the services (:mod:`cometa.demo.assessments`), so ratings are
computed by the engine and every change is in the audit trail. Each team is built in one
transaction and only if it has no assessment of that framework yet: running the demo
again leaves what exists and never duplicates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from django.db import transaction

from cometa.accounts import services as accounts_services
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Membership, Organisation, Person
from cometa.accounts.models.organisations import OrganisationKind
from cometa.accounts.roles import Role
from cometa.demo import loading
from cometa.demo.accounts import DOMAIN
from cometa.demo.assessments import Cast, Place, write_year
from cometa.demo.loading import Action, Common, DemoDataError, Document, Member, Team, Year
from cometa.scorecards.assessments import services
from cometa.scorecards.frameworks.model import Framework
from cometa.scorecards.frameworks.store import (
    framework_of,
    framework_sync_builtin,
    latest_published,
)
from cometa.scorecards.models import (
    ActionStatus,
    Assessment,
    AssessmentKind,
    Cycle,
    Evidence,
    EvidenceCategory,
    FrameworkVersion,
    IndicatorAssessment,
)


def build_scorecards(step: Callable[[str], None] | None = None) -> None:
    """Builds every demo team that has no assessments yet; ``step`` hears each part done."""
    say = step or (lambda note: None)
    framework_sync_builtin()
    say("scorecard frameworks")
    data = loading.load()
    for part in data.parts:
        for team in part.teams:
            build_team(team, data.common)
        say(part.note)


def build_team(team: Team, common: Common) -> None:
    with transaction.atomic():
        organisation = _organisation(team)
        if Assessment.objects.filter(
            organisation=organisation, framework__identifier=team.framework
        ).exists():
            return
        version = latest_published(team.framework)
        framework = framework_of(version)
        cast = _cast(team, organisation)
        cycles = {
            name: _cycle(cast.coordinator, organisation, name, first, last)
            for name, first, last in team.cycles
        }
        profile: dict[str, str] = {}  # each indicator's latest level
        for position, year in enumerate(team.years):
            _check(year, framework, cycles)
            profile |= {code: rated.level for code, rated in year.ratings.items()}
            spec = _completed(team, year, framework, profile, common, position)
            place = Place(organisation, version, framework, cycles.get(year.cycle), team.key)
            write_year(cast, place, spec, common)


# --- People and places ----------------------------------------------------------------------


def _person(account: str) -> Person:
    person = Person.objects.filter(email=f"{account}@{DOMAIN}").first()
    if person is None:
        raise DemoDataError(f"no demo account {account!r} (see accounts.yaml)")
    return person


def _organisation(team: Team) -> Organisation:
    name = team.organisation["name"]
    found = Organisation.objects.filter(name=name).first()
    if found is not None:
        return found
    if "country" not in team.organisation:
        raise DemoDataError(f"{team.source}: no organisation {name!r}, and no country to make it")
    return accounts_services.organisation_create(
        actor=SYSTEM,
        name=name,
        kind=OrganisationKind.COUNTRY_TEAM,
        country=team.organisation["country"],
        region=team.organisation.get("region", ""),
    )


def _cast(team: Team, organisation: Organisation) -> Cast:
    accounts = {rated.editor for year in team.years for rated in year.ratings.values()}
    return Cast(
        coordinator=_coordinator(team, organisation),
        reviewer=_person(team.reviewer) if team.reviewer else None,
        editors={account: _person(account) for account in sorted(accounts - {""})},
    )


def _coordinator(team: Team, organisation: Organisation) -> Person:
    """A demo account, or a person with no password: a name in the workflow history, not an
    account to use, made a coordinator of the team."""
    named = team.coordinator
    if named.account:
        return _person(named.account)
    email = f"{named.email}@{DOMAIN}"
    person = Person.objects.filter(email=email).first()
    if person is None:
        person = accounts_services.person_create(actor=SYSTEM, email=email, full_name=named.name)
    if not Membership.objects.filter(person=person, organisation=organisation).exists():
        accounts_services.membership_add(
            actor=SYSTEM,
            organisation=organisation,
            person=person,
            role=Role.COORDINATOR,
            title=named.title,
        )
    return person


def _cycle(actor: Person, organisation: Organisation, name: str, first: int, last: int) -> Cycle:
    found = Cycle.objects.filter(organisation=organisation, name=name).first()
    if found is not None:
        return found
    return services.cycle_create(
        actor=actor, organisation=organisation, name=name, start_year=first, end_year=last
    )


# --- What the data leaves to the builder --------------------------------------------------


def _check(year: Year, framework: Framework, cycles: dict[str, Cycle]) -> None:
    """What the schema cannot check: codes, levels and cycles that the team must know."""
    where = f"{year.source}: {year.year}"
    codes = [indicator.code for indicator in framework.indicators]
    levels = {level.key for level in framework.levels}
    named = set(year.ratings) | set(year.notes) | set(year.good_practice)
    named |= {item.indicator for item in year.documents}
    named |= {item.indicator for item in year.actions}
    unknown = sorted(named - set(codes))
    if unknown:
        raise DemoDataError(f"{where}: no indicator {', '.join(unknown)} in {framework.identifier}")
    if year.kind == AssessmentKind.COMPREHENSIVE and set(year.ratings) != set(codes):
        missing = ", ".join(code for code in codes if code not in year.ratings)
        raise DemoDataError(f"{where}: a comprehensive year rates every indicator; not {missing}")
    for code, rated in year.ratings.items():
        for level in filter(None, (rated.level, rated.agreed_level)):
            if level not in levels:
                raise DemoDataError(f"{where}: PI {code}: no level {level!r}")
    if year.cycle and year.cycle not in cycles:
        raise DemoDataError(f"{where}: no cycle {year.cycle!r} in the team file")
    if set(year.good_practice) - set(year.ratings):
        raise DemoDataError(f"{where}: good practices only for indicators rated that year")


def _completed(
    team: Team,
    year: Year,
    framework: Framework,
    profile: dict[str, str],
    common: Common,
    position: int,
) -> Year:
    """The year with the team's members, verification links and action points that the
    team file asks the builder to add."""
    members = year.team if year.team is not None else team.team
    documents, actions = year.documents, year.actions
    if team.verification_links:
        documents += _verification_links(team.verification_links, year, framework)
    if team.weakest_actions:
        last = position == len(team.years) - 1
        weakest = _weakest(team, profile, framework)
        actions += _actions(team, weakest, members, common, last)
    return replace(year, team=members, documents=documents, actions=actions)


def _verification_links(base: str, year: Year, framework: Framework) -> tuple[Document, ...]:
    """A link for every indicator rated above the lowest level (nothing to show for a
    requirement not met); the year's good practices are shared and marked."""
    lowest = framework.levels[0].key
    return tuple(
        Document(
            code,
            EvidenceCategory.VERIFICATION,
            year.good_practice.get(
                code,
                f"{framework.indicator(code).title.en}: means of verification ({year.year})",
            ),
            url=f"{base}/{year.year}/pi-{code}",
            shared=code in year.good_practice,
            good_practice=code in year.good_practice,
        )
        for code, rated in year.ratings.items()
        if rated.level != lowest
    )


def _weakest(team: Team, profile: dict[str, str], framework: Framework) -> list[str]:
    """The weakest indicators so far, below the level the team file names, weakest first."""
    count, below = team.weakest_actions or (0, "")
    order = [level.key for level in framework.levels]
    if below not in order:
        raise DemoDataError(f"{team.source}: weakest_actions: no level {below!r}")
    return sorted(
        (code for code, level in profile.items() if order.index(level) < order.index(below)),
        key=lambda code: (order.index(profile[code]), code),
    )[:count]


def _actions(
    team: Team, codes: list[str], members: tuple[Member, ...], common: Common, last: bool
) -> tuple[Action, ...]:
    """An action point for each indicator, in progress in the last year and done before;
    the members of the assessment team are responsible in turn."""
    if not members:
        raise DemoDataError(f"{team.source}: action points need an assessment team")
    missing = [code for code in codes if code not in common.action_texts]
    if missing:
        raise DemoDataError(f"common.yaml: no action text for {', '.join(missing)}")
    return tuple(
        Action(
            code,
            common.action_texts[code],
            status=ActionStatus.IN_PROGRESS if last else ActionStatus.DONE,
            responsible=members[position % len(members)].entity,
        )
        for position, code in enumerate(codes)
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


__all__ = ["build_scorecards", "build_team", "demo_counts"]
