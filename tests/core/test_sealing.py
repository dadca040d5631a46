"""Secrets sealed at rest: the TOTP seed is not readable from the database without the key."""

from __future__ import annotations

from types import SimpleNamespace

import pyotp
import pytest
from django.db import connection

from cometa.accounts.models import Person
from cometa.core.sealing import PREFIX, SealError, seal, unseal

OLD, NEW = "an old secret key " + "o" * 40, "a new secret key " + "n" * 40


def test_a_sealed_value_opens_with_its_key_and_differs_every_time():
    first, second = seal("JBSWY3DPEHPK3PXP", [NEW]), seal("JBSWY3DPEHPK3PXP", [NEW])
    assert first.startswith(PREFIX) and "JBSWY3DPEHPK3PXP" not in first
    assert first != second  # a fresh IV each time: equal secrets do not look equal
    assert unseal(first, [NEW]) == unseal(second, [NEW]) == "JBSWY3DPEHPK3PXP"


def test_a_fallback_key_opens_what_the_previous_key_sealed():
    sealed = seal("JBSWY3DPEHPK3PXP", [OLD])
    assert unseal(sealed, [NEW, OLD]) == "JBSWY3DPEHPK3PXP"
    with pytest.raises(SealError, match="COMETA_SECRET_KEY_FALLBACKS"):
        unseal(sealed, [NEW])


def test_a_tampered_value_is_refused():
    sealed = seal("JBSWY3DPEHPK3PXP", [NEW])
    forged = sealed[:-6] + ("AAAAAA" if not sealed.endswith("AAAAAA") else "BBBBBB")
    with pytest.raises(SealError):
        unseal(forged, [NEW])


def test_empty_and_unsealed_values_pass_through():
    assert seal("", [NEW]) == ""
    assert unseal("JBSWY3DPEHPK3PXP", [NEW]) == "JBSWY3DPEHPK3PXP"  # stored before sealing


@pytest.mark.django_db
def test_the_totp_seed_is_sealed_in_the_database_and_plain_in_python(world):
    secret = pyotp.random_base32()
    world.aisha.totp_secret = secret
    world.aisha.save(update_fields=["totp_secret"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT totp_secret FROM accounts_person WHERE id = %s", [world.aisha.pk])
        (stored,) = cursor.fetchone()
    assert stored.startswith(PREFIX) and secret not in stored
    assert Person.objects.get(pk=world.aisha.pk).totp_secret == secret


@pytest.mark.django_db
def test_the_migration_seals_seeds_stored_in_plain_text(world):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("cometa.accounts.migrations.0003_seal_totp_secret")
    plain = pyotp.random_base32()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE accounts_person SET totp_secret = %s WHERE id = %s", [plain, world.bolat.pk]
        )
    editor = SimpleNamespace(connection=connection)  # the steps use only its connection
    migration.seal_stored(apps, editor)
    with connection.cursor() as cursor:
        cursor.execute("SELECT totp_secret FROM accounts_person WHERE id = %s", [world.bolat.pk])
        (stored,) = cursor.fetchone()
    assert stored.startswith(PREFIX) and plain not in stored
    assert Person.objects.get(pk=world.bolat.pk).totp_secret == plain
    migration.open_stored(apps, editor)
    with connection.cursor() as cursor:
        cursor.execute("SELECT totp_secret FROM accounts_person WHERE id = %s", [world.bolat.pk])
        assert cursor.fetchone() == (plain,)
