"""Reads of the network itself: networks, members and their shared page, exit surveys,
meetings, sites, cohorts, staff and their training. Readable across members (that is
the point of a shared page); exit surveys only by the backbone and the member itself."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404

from cometa.accounts.access import member_organisation_ids
from cometa.accounts.models import Person
from cometa.network.access import reach
from cometa.network.models import (
    Cohort,
    ExitSurvey,
    Meeting,
    Member,
    Network,
    Site,
    Staff,
    TrainingModule,
)
from cometa.network.rules import Module, ModuleStanding, training_standing

_Row = TypeVar("_Row", bound=Model)


def row_or_404(rows: QuerySet[_Row], pk: object, message: str) -> _Row:
    """The row ``pk`` among ``rows`` (those the person may see); anything else, a key that
    is not a number included, is "not found"."""
    try:
        return rows.get(pk=int(str(pk)))
    except (ObjectDoesNotExist, ValueError):
        raise Http404(message) from None


def _if_inside(rows: QuerySet[_Row], person: Person, network: Network) -> QuerySet[_Row]:
    """``rows`` for people inside the network (any member, the backbone); none otherwise."""
    return rows if reach(person, network).inside else rows.none()


def networks_for(person: Person) -> QuerySet[Network]:
    if not person.is_authenticated or not person.is_active:
        return Network.objects.none()
    if person.is_platform_admin:
        return Network.objects.all()
    orgs = member_organisation_ids(person)
    return Network.objects.filter(
        pk__in=Member.objects.filter(organisation_id__in=orgs).values("network_id")
    ) | Network.objects.filter(backbone_id__in=orgs)


def network_get(person: Person, pk: object) -> Network:
    return row_or_404(networks_for(person), pk, "No such network.")


def members_for(person: Person, network: Network) -> QuerySet[Member]:
    rows = Member.objects.filter(network=network).select_related("organisation")
    return _if_inside(rows, person, network)


def member_get(person: Person, network: Network, pk: object) -> Member:
    return row_or_404(members_for(person, network), pk, "No such member.")


def exit_surveys_for(person: Person, network: Network) -> QuerySet[ExitSurvey]:
    where = reach(person, network)
    rows = ExitSurvey.objects.filter(period__member__network=network)
    if where.sees_network:
        return rows
    return rows.filter(period__member_id__in=where.coordinator_of)


def meetings_for(person: Person, network: Network) -> QuerySet[Meeting]:
    rows = Meeting.objects.filter(network=network).prefetch_related("decisions", "attendees")
    return _if_inside(rows, person, network)


def sites_for(person: Person, network: Network) -> QuerySet[Site]:
    return _if_inside(Site.objects.filter(network=network), person, network)


def cohorts_for(person: Person, network: Network) -> QuerySet[Cohort]:
    rows = Cohort.objects.filter(network=network).select_related("site", "pathway")
    return _if_inside(rows, person, network)


def staff_for(person: Person, network: Network) -> QuerySet[Staff]:
    return _if_inside(Staff.objects.filter(member__network=network), person, network)


def staff_get(person: Person, network: Network, pk: object) -> Staff:
    rows = staff_for(person, network).select_related("member")
    return row_or_404(rows, pk, "No such staff member.")


def training_standing_for(person: Person, staff: Staff, today: date) -> list[ModuleStanding]:
    """Where one staff member stands against the network's baseline training schema;
    "not found" for staff the person may not see."""
    seen = staff_get(person, staff.member.network, staff.pk)
    modules = [
        Module(code, months)
        for code, months in TrainingModule.objects.filter(
            network_id=seen.member.network_id
        ).values_list("code", "refresher_months")
    ]
    taken = seen.training.values_list("module__code", "completed_on")
    return training_standing(modules, list(taken), today)
