"""Framework versions kept in the database, read back as engine frameworks."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cometa.accounts import audit
from cometa.accounts.acting import SYSTEM, Actor, is_system, person_or_none
from cometa.core.errors import NotPermitted, ServiceError, ValidationFailed
from cometa.scorecards.frameworks.loading import (
    BUILTIN_FOLDER,
    BUILTIN_PACKAGE,
    framework_problems,
    load_framework_text,
)
from cometa.scorecards.frameworks.model import LANGUAGES, Framework
from cometa.scorecards.models import FrameworkVersion


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def title_translations(framework: Framework) -> dict[str, str]:
    """The framework's name in the languages other than English that its file gives."""
    return {
        language: text
        for language in LANGUAGES
        if language != "en" and (text := getattr(framework.title, language))
    }


@lru_cache(maxsize=64)
def _parsed(digest: str, source: str, name: str) -> Framework:
    return load_framework_text(source, name=name)


def framework_of(version: FrameworkVersion) -> Framework:
    """The engine framework of a stored version (parsed once per process)."""
    return _parsed(version.sha256, version.source, f"{version.identifier}-{version.version}")


@lru_cache(maxsize=1)
def _builtin() -> tuple[tuple[str, Framework], ...]:
    """The shipped framework files, read and validated once per process."""
    folder = resources.files(BUILTIN_PACKAGE) / BUILTIN_FOLDER
    sources = sorted(
        (entry.name, entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith((".yaml", ".yml"))
    )
    return tuple((source, load_framework_text(source, name=name)) for name, source in sources)


def framework_sync_builtin() -> list[FrameworkVersion]:
    """Stores each shipped framework version that is not in the database yet, and brings the
    translations of a stored shipped version up to date when only they changed (a new or
    corrected translation is not a new version: docs/frameworks.md)."""
    stored = []
    for source, framework in _builtin():
        version = FrameworkVersion.objects.filter(
            identifier=framework.identifier, version=framework.version
        ).first()
        if version is None:
            version = _store_builtin(source, framework)
        elif (
            version.sha256 != sha256(source)
            and version.based_on_id is None
            and _translations_only(version.source, source)
        ):
            _update_translations(version, source, framework)
        stored.append(version)
    return stored


def _store_builtin(source: str, framework: Framework) -> FrameworkVersion:
    with transaction.atomic():
        version = FrameworkVersion.objects.create(
            identifier=framework.identifier,
            version=framework.version,
            title=framework.title.en,
            title_translations=title_translations(framework),
            source=source,
            sha256=sha256(source),
            is_published=True,
            published_at=timezone.now(),
        )
        audit.record(
            actor=SYSTEM,
            action="framework.load",
            target=version,
            changes={"sha256": [None, version.sha256]},
        )
    return version


def _without_translations(value: Any) -> Any:
    """``value`` (parsed YAML) with the Spanish and Russian texts and their marks left out."""
    if isinstance(value, dict):
        drop = {"es", "ru", "official"} if "en" in value else set()
        return {key: _without_translations(item) for key, item in value.items() if key not in drop}
    if isinstance(value, list):
        return [_without_translations(item) for item in value]
    return value


def _translations_only(old: str, new: str) -> bool:
    """Whether two sources differ in nothing but translations (and comments)."""
    return bool(
        _without_translations(yaml.safe_load(old)) == _without_translations(yaml.safe_load(new))
    )


def _update_translations(version: FrameworkVersion, source: str, framework: Framework) -> None:
    with transaction.atomic():
        before = version.sha256
        version.source, version.sha256 = source, sha256(source)
        version.title_translations = title_translations(framework)
        version.save(update_fields=["source", "sha256", "title_translations"])
        audit.record(
            actor=SYSTEM,
            action="framework.translations",
            target=version,
            changes={"sha256": [before, version.sha256]},
        )


def latest_published(identifier: str) -> FrameworkVersion:
    """The newest published version; the shipped versions are stored on first need."""
    rows = FrameworkVersion.objects.filter(identifier=identifier, is_published=True)
    version = rows.order_by("-published_at", "-id").first()
    if version is None:
        framework_sync_builtin()
        version = rows.order_by("-published_at", "-id").first()
    if version is None:
        raise ServiceError(
            "no_framework",
            _("No published version of framework “%(framework)s”.") % {"framework": identifier},
        )
    return version


def framework_version_create(
    *, actor: Actor, based_on: FrameworkVersion, version: str, source: str
) -> FrameworkVersion:
    """A new draft version from edited YAML. Validated in full before anything is written."""
    if not is_system(actor) and not actor.is_platform_admin:
        raise NotPermitted(_("Only framework administrators may edit frameworks."))
    problems = framework_problems(source, name=f"{based_on.identifier}-{version}")
    if problems:
        raise ValidationFailed({"source": [str(problem) for problem in problems]})
    framework = load_framework_text(source, name=version)
    if (framework.identifier, framework.version) != (based_on.identifier, version):
        message = _("The file must say identifier “%(framework)s”, version “%(version)s”.")
        values = {"framework": based_on.identifier, "version": version}
        raise ValidationFailed({"version": [message % values]})
    if FrameworkVersion.objects.filter(identifier=based_on.identifier, version=version).exists():
        message = _("Version “%(version)s” exists already.") % {"version": version}
        raise ValidationFailed({"version": [message]})
    with transaction.atomic():
        created = FrameworkVersion.objects.create(
            identifier=based_on.identifier,
            version=version,
            title=framework.title.en,
            title_translations=title_translations(framework),
            source=source,
            sha256=sha256(source),
            based_on=based_on,
            created_by=person_or_none(actor),
        )
        audit.record(
            actor=actor,
            action="framework.draft",
            target=created,
            changes={"based_on": [None, based_on.pk], "sha256": [None, created.sha256]},
        )
    return created


def framework_version_publish(*, actor: Actor, version: FrameworkVersion) -> FrameworkVersion:
    if not is_system(actor) and not actor.is_platform_admin:
        raise NotPermitted(_("Only framework administrators may publish frameworks."))
    if version.is_published:
        raise ServiceError("already_published", _("This version is published already."))
    with transaction.atomic():
        version.is_published, version.published_at = True, timezone.now()
        version.save(update_fields=["is_published", "published_at"])
        audit.record(
            actor=actor,
            action="framework.publish",
            target=version,
            changes={"is_published": [False, True]},
        )
    return version
