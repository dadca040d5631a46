"""Framework administration: new wording for the criteria, as a new draft version.

A framework version is never edited in place: assessments point at the version they were
made with, so new wording becomes a new version (a draft, published when an administrator
says so). Only criterion texts change; the rules, levels and provenance stay as they are.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cometa.accounts import audit
from cometa.accounts.acting import Actor, is_system, person_or_none
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.scorecards.frameworks.loading import framework_problems, load_framework_text
from cometa.scorecards.frameworks.model import LANGUAGES, Criterion, Framework, Indicator
from cometa.scorecards.frameworks.store import (
    framework_of,
    framework_version_create,
    sha256,
    title_translations,
)
from cometa.scorecards.frameworks.texts import framework_texts
from cometa.scorecards.models import FrameworkVersion

__all__ = [
    "LoadResult",
    "ProvenanceCounts",
    "criterion_key",
    "framework_edit_wording",
    "framework_load",
    "official_marks",
    "provenance_counts",
    "suggest_version",
    "text_key",
    "wording",
]


def criterion_key(indicator: str, criterion: str, language: str) -> str:
    """The key of one criterion text in one language: ``"2.2|meets.b|es"``."""
    return f"{indicator}|{criterion}|{language}"


def text_key(place: str, language: str) -> str:
    """The key of one text in one language: ``"@title|es"``, ``"2.2|meets.b|ru"``
    (places: :mod:`cometa.scorecards.frameworks.texts`)."""
    return f"{place}|{language}"


def wording(framework: Framework) -> dict[str, str]:
    """Every text of the framework in every language, by key; a missing translation is an
    empty string."""
    return {
        text_key(place, language): getattr(text, language) or ""
        for place, text in framework_texts(framework)
        for language in LANGUAGES
    }


def official_marks(framework: Framework) -> set[str]:
    """The keys of the translations marked official."""
    return {
        text_key(place, language)
        for place, text in framework_texts(framework)
        for language in text.official
    }


def suggest_version(base: FrameworkVersion) -> str:
    """The first free version string after ``base``'s: ``2018.1``, ``2018.2``, ..."""
    taken = set(
        FrameworkVersion.objects.filter(identifier=base.identifier).values_list(
            "version", flat=True
        )
    )
    number = 1
    while f"{base.version}.{number}" in taken:
        number += 1
    return f"{base.version}.{number}"


def framework_edit_wording(
    *,
    actor: Actor,
    base: FrameworkVersion,
    version: str,
    texts: Mapping[str, str],
    official: Collection[str] | None = None,
) -> FrameworkVersion:
    """A new draft version of ``base`` whose texts read ``texts``.

    ``texts`` maps ``"<place>|<lang>"`` (:func:`text_key`; for a criterion
    ``"<indicator>|<criterion id>|<lang>"``) to the new wording; keys left out keep their text.
    An empty Spanish or Russian text removes that translation; English is required.
    ``official`` lists the translations that are official (by the framework's owner); when it is
    not given, a translation that changes loses its official mark (it is then ours, awaiting
    checking). The YAML of ``base`` is loaded, only texts, their marks and the version change,
    and the result is validated in full by :func:`framework_version_create`.
    """
    if not is_system(actor) and not actor.is_platform_admin:
        raise NotPermitted(_("Only framework administrators may edit frameworks."))
    version = version.strip()
    if not version:
        raise ValidationFailed({"version": [_("Give the new version a name, such as 2018.1.")]})
    data = yaml.safe_load(base.source)
    changed = _apply_texts(data, base, texts, official)
    data["version"] = version
    source = _header(base) + yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=None
    )
    with transaction.atomic():
        created = framework_version_create(
            actor=actor, based_on=base, version=version, source=source
        )
        audit.record(
            actor=actor,
            action="framework.wording",
            target=created,
            changes=changed,
        )
    return created


def _apply_texts(
    data: dict[str, Any],
    base: FrameworkVersion,
    texts: Mapping[str, str],
    official: Collection[str] | None,
) -> dict[str, list[Any]]:
    """Writes the new texts and official marks into ``data`` (the YAML of ``base``) and
    returns what changed, ``{key: [before, after]}``; refuses unknown keys, an empty English
    text and an edit that changes nothing."""
    framework = framework_of(base)
    current, marked = wording(framework), official_marks(framework)
    changed: dict[str, list[Any]] = {}
    errors: list[str] = []
    for key, raw in texts.items():
        if key not in current:
            errors.append(
                _("“%(key)s” is not a text of %(framework)s.") % {"key": key, "framework": base}
            )
            continue
        text = " ".join(raw.split())  # one paragraph: the YAML folds it anyway
        if text == current[key]:
            continue
        place, language = key.rsplit("|", 1)
        if language == "en" and not text:
            errors.append(_("%(place)s: the English text is required.") % {"place": place})
            continue
        holder = _text_holder(data, place)
        if text:
            holder[language] = text
        else:
            holder.pop(language, None)
        changed[key] = [current[key] or None, text or None]
    if errors:
        raise ValidationFailed({"texts": errors})
    wanted = set(marked - set(changed) if official is None else official)
    _apply_marks(data, current, marked, wanted, changed)
    if not changed:
        raise ValidationFailed({"texts": [_("Nothing was changed: edit at least one text.")]})
    return changed


def _apply_marks(
    data: dict[str, Any],
    current: Mapping[str, str],
    marked: set[str],
    wanted: set[str],
    changed: dict[str, list[Any]],
) -> None:
    """Sets the official marks to ``wanted`` (a mark needs a text), recording each change as
    ``"<key>|official": [before, after]``."""
    for key in sorted(set(current)):
        place, language = key.rsplit("|", 1)
        if language == "en":
            continue
        holder = _text_holder(data, place)
        now = key in wanted and bool(holder.get(language))
        if now != (key in marked):
            changed[f"{key}|official"] = [key in marked, now]
        marks = [item for item in holder.get("official", []) if item != language]
        holder["official"] = marks + ([language] if now else [])
        if not holder["official"]:
            del holder["official"]


@dataclass(frozen=True)
class LoadResult:
    version: FrameworkVersion
    created: bool


def framework_load(*, actor: Actor, source: str, name: str) -> LoadResult:
    """Stores a framework file as a new published version (``cometa scorecard frameworks
    load``). Loading the same file again changes nothing; a different file under a version
    that exists is refused: make a new version instead."""
    if not is_system(actor) and not actor.is_platform_admin:
        raise NotPermitted(_("Only framework administrators may load frameworks."))
    problems = framework_problems(source, name=name)
    if problems:
        raise ValidationFailed({"source": [str(problem) for problem in problems]})
    framework = load_framework_text(source, name=name)
    digest = sha256(source)
    existing = FrameworkVersion.objects.filter(
        identifier=framework.identifier, version=framework.version
    ).first()
    if existing is not None:
        if existing.sha256 == digest:
            return LoadResult(existing, created=False)
        message = _(
            "%(file)s: %(framework)s %(version)s exists already with different content; give "
            "this file a new version."
        )
        values = {"file": name, "framework": framework.identifier, "version": framework.version}
        raise ValidationFailed({"source": [message % values]})
    with transaction.atomic():
        version = FrameworkVersion.objects.create(
            identifier=framework.identifier,
            version=framework.version,
            title=framework.title.en,
            title_translations=title_translations(framework),
            source=source,
            sha256=digest,
            is_published=True,
            published_at=timezone.now(),
            created_by=person_or_none(actor),
        )
        audit.record(
            actor=actor,
            action="framework.load",
            target=version,
            changes={"sha256": [None, digest], "file": [None, name]},
        )
    return LoadResult(version, created=True)


def _text_holder(data: dict[str, Any], place: str) -> dict[str, Any]:
    """The mapping of languages to texts at ``place`` in the parsed YAML ``data``."""
    if place.startswith("@"):
        kind, _sep, key = place[1:].partition(":")
        if kind in ("title", "description"):
            holder: dict[str, Any] = data[kind]
            return holder
        if kind == "level":
            return next(item for item in data["levels"] if item["key"] == key)["label"]
        return next(item for item in data["dimensions"] if str(item["code"]) == key)["title"]
    code, what = place.split("|", 1)
    indicator = next(item for item in data["indicators"] if str(item["code"]) == code)
    if what in ("title", "statement"):
        found: dict[str, Any] = indicator[what]
        return found
    if what.startswith("input:"):
        key = what.removeprefix("input:")
        return next(item for item in indicator["inputs"] if item["key"] == key)["label"]
    level, letter = what.split(".", 1)
    criterion: dict[str, Any] = indicator["levels"][level]["criteria"][letter]["text"]
    return criterion


def _header(base: FrameworkVersion) -> str:
    """The leading comments of ``base`` and a line saying where this version comes from."""
    lines = []
    for line in base.source.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    lines.append(
        f"# Version based on {base.identifier} {base.version}: wording edited in "
        "Cometa's framework administration."
    )
    return "\n".join(lines) + "\n"


# --- Reading a framework for its pages ------------------------------------------------------


@dataclass(frozen=True)
class ProvenanceCounts:
    sourced: int
    to_verify: int

    @property
    def total(self) -> int:
        return self.sourced + self.to_verify


def _provenances(framework: Framework) -> Iterator[bool]:
    """``to_verify`` of every criterion and every level rule."""
    for indicator in framework.indicators:
        for level in indicator.levels:
            if level.provenance is not None:
                yield level.provenance.to_verify
            for criterion in level.criteria:
                yield criterion.provenance.to_verify


def provenance_counts(framework: Framework) -> ProvenanceCounts:
    flags = list(_provenances(framework))
    return ProvenanceCounts(sourced=flags.count(False), to_verify=flags.count(True))


def criteria_by_level(indicator: Indicator) -> list[tuple[str, list[Criterion]]]:
    return [(level.level, list(level.criteria)) for level in indicator.levels]
