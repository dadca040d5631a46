"""The system actor: ``acting.SYSTEM`` is the only way to act for the platform itself;
``None`` is refused, and a person is still checked."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil

import pytest

from cometa.accounts import acting, audit, second_factor, services
from cometa.accounts.acting import SYSTEM, SystemActor
from cometa.accounts.models import AuditEntry, Organisation, Person
from cometa.accounts.models.organisations import OrganisationKind as Kind
from cometa.core.errors import NotPermitted, ServiceError


def test_system_is_the_system_and_a_person_is_not():
    assert acting.is_system(SYSTEM)
    assert not acting.is_system(Person(email="p@example.org"))


@pytest.mark.parametrize("not_an_actor", [None, "system", 0, object()])
def test_anything_else_is_not_an_actor(not_an_actor):
    with pytest.raises(TypeError, match="not an actor"):
        acting.is_system(not_an_actor)


def test_none_says_what_to_pass_instead():
    with pytest.raises(TypeError, match=r"acting\.SYSTEM"):
        acting.is_system(None)  # type: ignore[arg-type]


def test_the_system_actor_is_frozen_and_stores_no_person():
    with pytest.raises(dataclasses.FrozenInstanceError):
        SYSTEM.label = "someone"  # type: ignore[misc]
    assert acting.person_or_none(SYSTEM) is None
    person = Person(email="p@example.org")
    assert acting.person_or_none(person) is person
    assert SystemActor() == SYSTEM and repr(SYSTEM) == "SYSTEM"


def test_an_accounts_service_refuses_none_and_writes_nothing(db):
    with pytest.raises(TypeError, match="actor=None is not an actor"):
        services.organisation_create(actor=None, name="Nobody's", kind=Kind.FUNDER)  # type: ignore[arg-type]
    assert not Organisation.objects.filter(name="Nobody's").exists()
    assert not AuditEntry.objects.exists()


def test_the_system_creates_what_only_administrators_may_and_is_audited_as_system(db):
    organisation = services.organisation_create(actor=SYSTEM, name="Top", kind=Kind.FUNDER)
    entry = AuditEntry.objects.get(action="organisation.create", object_id=str(organisation.pk))
    assert entry.actor_id is None
    assert entry.actor_label == "system"
    assert audit.verify().ok


def test_a_person_is_still_checked(world):
    with pytest.raises(NotPermitted):
        services.organisation_create(actor=world.sara, name="Sara's own", kind=Kind.FUNDER)
    with pytest.raises(ServiceError):
        second_factor.reset(actor=world.aisha, person=world.bolat)
    organisation = services.organisation_create(actor=world.ada, name="Ada's", kind=Kind.FUNDER)
    entry = AuditEntry.objects.get(action="organisation.create", object_id=str(organisation.pk))
    assert (entry.actor_id, entry.actor_label) == (world.ada.pk, "ada@example.org")


def test_the_system_acts_where_a_person_may_not(world):
    second_factor.reset(actor=SYSTEM, person=world.bolat)
    services.person_update(actor=SYSTEM, person=world.bolat, is_platform_admin=True)
    world.bolat.refresh_from_db()
    assert world.bolat.is_platform_admin
    with pytest.raises(NotPermitted):
        services.person_update(actor=world.sara, person=world.bolat, is_platform_admin=False)


def _functions_taking_an_actor():
    """Every function of the package with an ``actor`` parameter, with its annotation as
    written (the modules use postponed annotations, so it is the source text)."""
    import cometa

    skipped = ("migrations", "cometa.settings", "cometa.wsgi", "cometa.cli", "cometa.urls")
    for info in pkgutil.walk_packages(cometa.__path__, "cometa."):
        if any(part in info.name for part in skipped):
            continue
        module = importlib.import_module(info.name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != info.name:
                continue
            parameter = inspect.signature(function).parameters.get("actor")
            if parameter is not None:
                yield f"{info.name}.{name}", str(parameter.annotation)


def test_no_service_admits_none_for_an_actor():
    found = dict(_functions_taking_an_actor())
    assert "cometa.accounts.services.organisation_create" in found
    assert "cometa.network.services.network.network_create" in found
    assert found["cometa.scorecards.assessments.services.cycle_create"] == "Actor"
    admitting_none = {name: hint for name, hint in found.items() if "None" in hint}
    assert admitting_none == {}
