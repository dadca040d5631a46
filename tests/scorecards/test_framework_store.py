"""Stored framework versions: their name in each language, and the translations of a shipped
version brought up to date when only they changed."""

from __future__ import annotations

import pytest
from django.utils import translation

from cometa.accounts.models import AuditEntry
from cometa.scorecards.frameworks.store import _builtin, framework_sync_builtin, sha256
from cometa.scorecards.models import FrameworkVersion

pytestmark = pytest.mark.django_db


def _shipped(identifier: str) -> str:
    return next(source for source, framework in _builtin() if framework.identifier == identifier)


def _store(source: str) -> FrameworkVersion:
    return FrameworkVersion.objects.create(
        identifier="unct-swap",
        version="2018",
        title="UNCT-SWAP Gender Equality Scorecard",
        source=source,
        sha256=sha256(source),
        is_published=True,
    )


def test_a_version_is_named_in_the_readers_language():
    (swap, *_) = [v for v in framework_sync_builtin() if v.identifier == "unct-swap"]
    with translation.override("es"):
        assert str(swap) == "Cuadro de mando de igualdad de género UNCT-SWAP (2018)"
    with translation.override("ru"):
        assert swap.title_in("ru").startswith("Оценочная карта")
    with translation.override("fr"):
        assert str(swap) == "UNCT-SWAP Gender Equality Scorecard (2018)"


def test_new_translations_of_a_stored_shipped_version_are_taken_in():
    source = _shipped("unct-swap")
    spanish = (
        "              es: >-\n"
        "                El análisis utiliza al menos algunos datos desglosados por sexo o "
        "sensibles al\n"
        "                género.\n"
    )
    old = source.replace(spanish, "")
    assert old != source
    stored = _store(old)
    framework_sync_builtin()
    stored.refresh_from_db()
    assert stored.source == source and stored.sha256 == sha256(source)
    entry = AuditEntry.objects.filter(action="framework.translations").get()
    assert entry.changes["sha256"] == [sha256(old), sha256(source)]


def test_a_stored_version_whose_english_differs_is_left_alone():
    source = _shipped("unct-swap").replace(
        "The analysis uses at least some sex-disaggregated", "The analysis uses some sex-split", 1
    )
    stored = _store(source)
    framework_sync_builtin()
    stored.refresh_from_db()
    assert stored.source == source
    assert not AuditEntry.objects.filter(action="framework.translations").exists()
