from __future__ import annotations

import pytest

from cometa.accounts import services
from cometa.accounts.models import AuditEntry, Membership, Organisation
from cometa.accounts.models.organisations import OrganisationKind as Kind
from cometa.accounts.roles import Role
from cometa.core.errors import NotPermitted, ServiceError, ValidationFailed


def test_creating_an_organisation_writes_an_audit_entry_with_its_fields(world):
    organisation = services.organisation_create(
        actor=world.ada, name="UNFPA Kazakhstan", kind=Kind.UN_ENTITY, parent=world.unct
    )
    entry = AuditEntry.objects.get(action="organisation.create", object_id=str(organisation.pk))
    assert entry.actor == world.ada
    assert entry.changes["name"] == [None, "UNFPA Kazakhstan"]
    assert entry.changes["parent"] == [None, world.unct.pk]


def test_a_coordinator_may_create_inside_their_team_but_not_at_the_top(world):
    services.organisation_create(
        actor=world.aisha, name="UNICEF Kazakhstan", kind=Kind.UN_ENTITY, parent=world.unct
    )
    with pytest.raises(NotPermitted):
        services.organisation_create(actor=world.aisha, name="Loose", kind=Kind.COUNTRY_TEAM)


def test_an_outsider_cannot_add_entities_to_another_team(world):
    with pytest.raises(NotPermitted):
        services.organisation_create(
            actor=world.oscar, name="Intruder", kind=Kind.UN_ENTITY, parent=world.unct
        )
    assert not Organisation.objects.filter(name="Intruder").exists()


@pytest.mark.parametrize(
    ("kind", "parent_attr", "field"),
    [
        (Kind.UN_ENTITY, "undp", "parent"),  # an entity cannot hold an entity
        ("spaceship", None, "kind"),
    ],
)
def test_nesting_rules_are_enforced_and_name_the_field(world, kind, parent_attr, field):
    parent = getattr(world, parent_attr) if parent_attr else None
    with pytest.raises(ValidationFailed) as caught:
        services.organisation_create(actor=world.ada, name="Odd", kind=kind, parent=parent)
    assert caught.value.field == field


def test_duplicate_names_and_bad_country_codes_are_refused_without_writing(world):
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationFailed) as caught:
        services.organisation_create(actor=world.ada, name="unct kazakhstan", kind=Kind.FUNDER)
    assert caught.value.field == "name"
    with pytest.raises(ValidationFailed) as caught:
        services.organisation_create(actor=world.ada, name="X", kind=Kind.FUNDER, country="K4Z")
    assert caught.value.field == "country"
    assert AuditEntry.objects.count() == before


def test_role_change_is_audited_with_before_and_after(world):
    membership = Membership.objects.get(person=world.sara)
    services.membership_change_role(actor=world.aisha, membership=membership, role=Role.EDITOR)
    entry = AuditEntry.objects.filter(action="membership.role").get()
    assert entry.changes == {"role": [Role.VIEWER, Role.EDITOR]}
    assert entry.organisation_id == world.unct.pk


def test_the_last_coordinator_cannot_leave(world):
    membership = Membership.objects.get(person=world.aisha)
    with pytest.raises(ServiceError) as caught:
        services.membership_remove(actor=world.aisha, membership=membership)
    assert caught.value.code == "last_coordinator"
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_editor_cannot_administer_members(world):
    membership = Membership.objects.get(person=world.sara)
    with pytest.raises(NotPermitted):
        services.membership_change_role(
            actor=world.bolat, membership=membership, role=Role.COORDINATOR
        )


def test_password_changes_are_audited_without_the_value(world):
    services.password_set(actor=world.sara, person=world.sara, new_password="another long secret 9")
    entry = AuditEntry.objects.filter(action="person.password").get()
    assert entry.changes == {"password": {"changed": True}}
    assert "another long secret" not in str(entry.changes)


def test_weak_passwords_are_refused_by_the_validators(world):
    with pytest.raises(ValidationFailed) as caught:
        services.password_set(actor=world.sara, person=world.sara, new_password="12345678")
    assert caught.value.field == "password"
    world.sara.refresh_from_db()
    assert world.sara.check_password("a long test password 42")


def test_people_may_not_make_themselves_administrators(world):
    with pytest.raises(NotPermitted):
        services.person_update(actor=world.sara, person=world.sara, is_platform_admin=True)
