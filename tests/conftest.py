"""Named people and organisations shared by the tests.

The Kazakhstan country team holds UNDP Kazakhstan. Aisha coordinates the country team,
Bolat edits for UNDP, Sara views the country team, Rita reviews for UN Women, Oscar
coordinates another country team (the outsider), and Ada administers the platform.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from cometa.accounts import services
from cometa.accounts.acting import SYSTEM
from cometa.accounts.middleware import (
    LAST_SEEN_AT,
    SECOND_FACTOR_AT,
    SECOND_FACTOR_OK,
    SIGNED_IN_AT,
)
from cometa.accounts.models import Organisation, Person
from cometa.accounts.models.organisations import OrganisationKind as Kind
from cometa.accounts.roles import Role

PASSWORD = "a long test password 42"

# The suite runs on shared 2-core machines beside other work: Hypothesis' checks of how
# fast examples come are about the machine, not the code (no timing in the tests).
hypothesis_settings.register_profile(
    "cometa", suppress_health_check=[HealthCheck.too_slow], deadline=None
)
hypothesis_settings.load_profile("cometa")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Removes the throw-away data directory tests/settings.py made, in the process that
    made it (an xdist worker did not make one: it uses its parent's, still in use)."""
    settings = sys.modules.get("tests.settings")
    made = getattr(settings, "MADE_DATA_DIR", None)
    if made is not None:
        shutil.rmtree(made, ignore_errors=True)


@pytest.fixture(autouse=True)
def english_after_each_test():  # type: ignore[no-untyped-def]
    """A request leaves its language active in the thread (LocaleMiddleware activates it
    and nothing deactivates it), so a test that asks in Spanish or Russian would leave the
    next test of the worker in that language: each test ends back in the default."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def own_media_dir(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Each test stores uploads in a folder of its own: the two test workers share one data
    directory, and a test that counts stored files must not see another test's files."""
    settings.MEDIA_ROOT = tmp_path / "uploads"


@dataclass
class World:
    unct: Organisation
    undp: Organisation
    other_unct: Organisation
    review: Organisation
    aisha: Person  # coordinator, country team
    bolat: Person  # editor, UNDP (inside the country team)
    sara: Person  # viewer, country team
    rita: Person  # reviewer, UN Women review office
    oscar: Person  # coordinator of another country team: the outsider
    ada: Person  # platform administrator


def make_person(email: str, name: str, *, admin: bool = False) -> Person:
    return services.person_create(
        actor=SYSTEM, email=email, full_name=name, password=PASSWORD, is_platform_admin=admin
    )


@pytest.fixture
def world(db: None) -> World:
    unct = services.organisation_create(
        actor=SYSTEM, name="UNCT Kazakhstan", kind=Kind.COUNTRY_TEAM, country="KAZ", region="ECA"
    )
    undp = services.organisation_create(
        actor=SYSTEM, name="UNDP Kazakhstan", kind=Kind.UN_ENTITY, parent=unct, country="KAZ"
    )
    other = services.organisation_create(
        actor=SYSTEM, name="UNCT Mexico", kind=Kind.COUNTRY_TEAM, country="MEX", region="LAC"
    )
    review = services.organisation_create(
        actor=SYSTEM, name="UN Women Review", kind=Kind.UN_WOMEN_OFFICE
    )
    people = {
        "aisha": (unct, Role.COORDINATOR),
        "bolat": (undp, Role.EDITOR),
        "sara": (unct, Role.VIEWER),
        "rita": (review, Role.REVIEWER),
        "oscar": (other, Role.COORDINATOR),
    }
    made = {}
    for name, (organisation, role) in people.items():
        person = make_person(f"{name}@example.org", name.title())
        services.membership_add(actor=SYSTEM, organisation=organisation, person=person, role=role)
        made[name] = person
    ada = make_person("ada@example.org", "Ada", admin=True)
    return World(unct, undp, other, review, ada=ada, **made)


class HttpsClient(Client):
    """A client whose requests arrive over HTTPS, as they do in production."""

    def generic(self, *args, secure: bool = True, **kwargs):  # type: ignore[no-untyped-def]
        return super().generic(*args, secure=True, **kwargs)


def https_client() -> Client:
    return HttpsClient()


def signed_in(person: Person | None, *, second_factor: bool = True) -> Client:
    client = https_client()
    if person is not None:
        client.force_login(person)
        session = client.session
        session[SIGNED_IN_AT] = session[LAST_SEEN_AT] = time.time()
        session[SECOND_FACTOR_OK] = second_factor
        if second_factor:  # as the second-factor page records it
            session[SECOND_FACTOR_AT] = time.time()
        session.save()
    return client


@pytest.fixture
def client_for() -> Callable[..., Client]:
    return signed_in


@pytest.fixture
def client() -> Client:
    return https_client()
