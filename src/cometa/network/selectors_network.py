"""Reads of the network itself: networks, members and their shared page, exit surveys,
meetings, sites, cohorts, staff and their training. Readable across members (that is
the point of a shared page); exit surveys only by the backbone and the member itself."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
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
    try:
        return networks_for(person).distinct().get(pk=int(str(pk)))
    except (Network.DoesNotExist, ValueError):
        raise Http404("No such network.") from None


def members_for(person: Person, network: Network) -> QuerySet[Member]:
    if not reach(person, network).inside:
        return Member.objects.none()
    return Member.objects.filter(network=network).select_related("organisation")


def member_get(person: Person, network: Network, pk: object) -> Member:
    try:
        return members_for(person, network).get(pk=int(str(pk)))
    except (Member.DoesNotExist, ValueError):
        raise Http404("No such member.") from None


def exit_surveys_for(person: Person, network: Network) -> QuerySet[ExitSurvey]:
    where = reach(person, network)
    rows = ExitSurvey.objects.filter(period__member__network=network)
    if where.sees_network:
        return rows
    return rows.filter(period__member_id__in=where.coordinator_of)


def meetings_for(person: Person, network: Network) -> QuerySet[Meeting]:
    if not reach(person, network).inside:
        return Meeting.objects.none()
    return Meeting.objects.filter(network=network).prefetch_related("decisions", "attendees")


def sites_for(person: Person, network: Network) -> QuerySet[Site]:
    if not reach(person, network).inside:
        return Site.objects.none()
    return Site.objects.filter(network=network)


def cohorts_for(person: Person, network: Network) -> QuerySet[Cohort]:
    if not reach(person, network).inside:
        return Cohort.objects.none()
    return Cohort.objects.filter(network=network).select_related("site", "pathway")


def staff_for(person: Person, network: Network) -> QuerySet[Staff]:
    if not reach(person, network).inside:
        return Staff.objects.none()
    return Staff.objects.filter(member__network=network)


def staff_get(person: Person, network: Network, pk: object) -> Staff:
    try:
        return staff_for(person, network).select_related("member").get(pk=int(str(pk)))
    except (Staff.DoesNotExist, ValueError):
        raise Http404("No such staff member.") from None


def training_standing_for(person: Person, staff: Staff, today: date) -> list[ModuleStanding]:
    """Where one staff member stands against the network's baseline training schema."""
    network = staff_get(person, staff.member.network, staff.pk).member.network
    modules = [
        Module(code, months)
        for code, months in TrainingModule.objects.filter(network=network).values_list(
            "code", "refresher_months"
        )
    ]
    taken = staff.training.values_list("module__code", "completed_on")
    return training_standing(modules, list(taken), today)
