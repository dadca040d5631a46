"""Framework versions kept in the database, read back as engine frameworks."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

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
from cometa.scorecards.frameworks.model import Framework
from cometa.scorecards.models import FrameworkVersion


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


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
    """Stores each shipped framework version that is not in the database yet."""
    stored = []
    for source, framework in _builtin():
        version = FrameworkVersion.objects.filter(
            identifier=framework.identifier, version=framework.version
        ).first()
        if version is None:
            with transaction.atomic():
                version = FrameworkVersion.objects.create(
                    identifier=framework.identifier,
                    version=framework.version,
                    title=framework.title.en,
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
        stored.append(version)
    return stored


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
