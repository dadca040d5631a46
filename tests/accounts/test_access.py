"""Access selectors: a person's memberships are read once per Person object, and a change
through the services is seen at once by the same object."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cometa.accounts import access, services
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Membership
from cometa.accounts.roles import Role


def test_memberships_are_read_once_for_many_questions(world):
    person = world.bolat
    access.forget_memberships(person)
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            access.is_reviewer(person)
            access.member_organisation_ids(person)
            access.roles_by_organisation(person)
    assert len(queries) == 1


def test_a_membership_added_is_seen_by_the_same_object(world):
    person = world.sara
    assert not access.is_reviewer(person)
    services.membership_add(actor=SYSTEM, organisation=world.review, person=person, role="reviewer")
    assert access.is_reviewer(person)
    assert world.review.pk in access.member_organisation_ids(person)


def test_a_role_changed_or_removed_is_seen_by_the_same_object(world):
    aisha = world.aisha
    services.membership_add(
        actor=SYSTEM, organisation=world.unct, person=world.oscar, role=Role.COORDINATOR
    )
    assert access.roles_by_organisation(aisha)[world.unct.pk] == Role.COORDINATOR
    mine = Membership.objects.get(person=aisha, organisation=world.unct)  # another object
    services.membership_change_role(actor=aisha, membership=mine, role=Role.EDITOR)
    assert access.roles_by_organisation(aisha)[world.unct.pk] == Role.EDITOR  # the actor
    mine.person = aisha
    services.membership_remove(actor=world.oscar, membership=mine)
    assert world.unct.pk not in access.member_organisation_ids(aisha)  # the member


def test_the_copy_handed_out_cannot_change_what_is_kept(world):
    roles = access.roles_by_organisation(world.aisha)
    roles.clear()
    assert access.roles_by_organisation(world.aisha) == {world.unct.pk: Role.COORDINATOR}
    ids = access.member_organisation_ids(world.aisha)
    ids.clear()
    assert access.member_organisation_ids(world.aisha) == {world.unct.pk}
