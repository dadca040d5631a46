"""Who may see and do what in a network. Read by selectors and services alike.

A person's standing comes from direct ``accounts`` memberships (not the organisation
tree: the backbone is the parent of its partners there, and must still not read their
participants' identities) and from the network's own designations:

- staff of a partner see that partner's participants; editors and coordinators also
  read their identities (each read audited) and change their records;
- staff of the backbone (and platform administrators) see the pseudonymous records of
  women who consented to sharing with the backbone, and no identity at all;
- psychosocial flags are read only by people the holding partner designated for it;
- anyone else sees nothing: another partner's participant is "not found".
"""

from __future__ import annotations

from dataclasses import dataclass

from cometa.accounts.access import roles_by_organisation
from cometa.accounts.acting import Actor, is_system
from cometa.accounts.models import Person
from cometa.accounts.roles import Role, can_edit
from cometa.network.codes import DesignationKind
from cometa.network.models import Designation, Member, Network


@dataclass(frozen=True)
class Reach:
    """What one person may reach in one network."""

    network_id: int
    sees_network: bool  # backbone staff or platform administrator: pseudonymous, consented
    manages: bool  # coordinator of the backbone or platform administrator
    member_ids: frozenset[int]  # members the person belongs to (any role)
    editor_of: frozenset[int]  # members whose records the person changes and identities reads
    coordinator_of: frozenset[int]
    psychosocial_of: frozenset[int]  # members that designated the person

    @property
    def inside(self) -> bool:
        return self.sees_network or bool(self.member_ids)

    def sees_member(self, member_id: int) -> bool:
        return member_id in self.member_ids

    def edits_member(self, member_id: int) -> bool:
        return member_id in self.editor_of


NOWHERE = Reach(0, False, False, frozenset(), frozenset(), frozenset(), frozenset())


def reach(person: Person | None, network: Network) -> Reach:
    if person is None or not person.is_authenticated or not person.is_active:
        return NOWHERE
    roles = roles_by_organisation(person)
    backbone_role = roles.get(network.backbone_id)
    members = dict(
        Member.objects.filter(network=network, organisation_id__in=roles).values_list(
            "pk", "organisation_id"
        )
    )
    member_roles = {pk: roles[org] for pk, org in members.items() if org != network.backbone_id}
    designated = frozenset(
        Designation.objects.filter(
            member_id__in=member_roles, person=person, kind=DesignationKind.PSYCHOSOCIAL
        ).values_list("member_id", flat=True)
    )
    return Reach(
        network_id=network.pk,
        sees_network=person.is_platform_admin or backbone_role is not None,
        manages=person.is_platform_admin or backbone_role == Role.COORDINATOR,
        member_ids=frozenset(member_roles),
        editor_of=frozenset(pk for pk, role in member_roles.items() if can_edit(role)),
        coordinator_of=frozenset(pk for pk, r in member_roles.items() if r == Role.COORDINATOR),
        psychosocial_of=designated,
    )


def may_manage(actor: Actor, network: Network) -> bool:
    """Runs the network: members, meetings, schemas. ``acting.SYSTEM`` always may."""
    return is_system(actor) or reach(actor, network).manages


def may_edit_member(actor: Actor, member: Member) -> bool:
    return is_system(actor) or member.pk in reach(actor, member.network).editor_of


def may_coordinate_member(actor: Actor, member: Member) -> bool:
    return is_system(actor) or member.pk in reach(actor, member.network).coordinator_of


def may_read_identity(actor: Actor, member: Member) -> bool:
    """Only people read identities: the system writes them, never reads them."""
    return not is_system(actor) and member.pk in reach(actor, member.network).editor_of


def may_read_psychosocial(actor: Actor, member: Member) -> bool:
    return not is_system(actor) and member.pk in reach(actor, member.network).psychosocial_of
