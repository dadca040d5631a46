"""Framework pages: every version (anyone signed in may read them), and for platform
administrators, new criteria wording as a new draft version, and publishing a draft.

Visible but forbidden answers 403: the edit and publish pages exist for everyone signed in,
and only administrators may use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.validators import RegexValidator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.core.errors import NotPermitted, ServiceError
from cometa.core.web.pages import form_error
from cometa.scorecards.frameworks.admin import (
    framework_edit_wording,
    official_marks,
    provenance_counts,
    suggest_version,
    text_key,
    wording,
)
from cometa.scorecards.frameworks.model import LANGUAGES, Criterion, Framework, Provenance
from cometa.scorecards.frameworks.rule_words import describe_rule, input_names
from cometa.scorecards.frameworks.shown import plain, shown
from cometa.scorecards.frameworks.store import framework_of, framework_version_publish
from cometa.scorecards.frameworks.texts import framework_texts, translation_counts
from cometa.scorecards.models import FrameworkVersion
from cometa.scorecards.web.views import language

LANGUAGE_NAMES = {"en": "English", "es": "Español", "ru": "Русский"}
INPUT_KINDS = {
    "percent": pgettext_lazy("kind of input", "percent"),
    "count": pgettext_lazy("kind of input", "count"),
}


def _require_admin(person: Person) -> None:
    if not person.is_platform_admin:
        raise NotPermitted(_("Only platform administrators may edit or publish frameworks."))


def _version(pk: int) -> FrameworkVersion:
    return get_object_or_404(FrameworkVersion.objects.select_related("based_on"), pk=pk)


# --- The list -------------------------------------------------------------------------------


@dataclass(frozen=True)
class VersionRow:
    version: FrameworkVersion
    title: str
    to_verify: int
    provenance_total: int
    assessments: int


@login_required
@require_GET
def framework_list(request: HttpRequest) -> HttpResponse:
    lang = language()
    versions = (
        FrameworkVersion.objects.select_related("based_on")
        .annotate(assessment_count=Count("assessment"))
        .order_by("identifier", "-created_at", "-id")
    )
    groups: dict[str, list[VersionRow]] = {}
    for version in versions:
        framework = framework_of(version)
        counts = provenance_counts(framework)
        groups.setdefault(version.identifier, []).append(
            VersionRow(
                version=version,
                title=shown(framework.title, lang),
                to_verify=counts.to_verify,
                provenance_total=counts.total,
                assessments=version.assessment_count,
            )
        )
    return render(request, "scorecards/framework_list.html", {"groups": groups})


# --- One version ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionView:
    id: str
    letter: str
    text: str
    texts: list[tuple[str, str, str]]  # (code, name, text) for the other languages given
    provenance: Provenance


@dataclass(frozen=True)
class LevelView:
    key: str
    label: str
    rule: str
    provenance: Provenance | None
    criteria: list[CriterionView]


@dataclass(frozen=True)
class IndicatorView:
    code: str
    title: str
    statement: str
    inputs: list[str]
    levels: list[LevelView]


@dataclass(frozen=True)
class DimensionView:
    code: str
    title: str
    indicators: list[IndicatorView]


def _criterion(criterion: Criterion, lang: str) -> CriterionView:
    return CriterionView(
        id=criterion.id,
        letter=criterion.letter,
        text=shown(criterion.text, lang),
        texts=[
            (other, LANGUAGE_NAMES[other], getattr(criterion.text, other))
            for other in LANGUAGES
            if other != lang and getattr(criterion.text, other)
        ],
        provenance=criterion.provenance,
    )


def structure(framework: Framework, lang: str) -> list[DimensionView]:
    """Dimensions, indicators, levels and criteria, in the page's language."""
    labels = {level.key: plain(level.label, lang) for level in framework.levels}
    dimensions = []
    for dimension in framework.dimensions:
        indicators = []
        for indicator in framework.indicators:
            if indicator.dimension != dimension.code:
                continue
            levels = [
                LevelView(
                    key=level.level,
                    label=labels[level.level],
                    rule=describe_rule(
                        level.rule,
                        level=level.level,
                        level_labels=labels,
                        inputs=input_names(indicator, lang),
                        criteria={c.id: plain(c.text, lang) for c in indicator.criteria},
                    ),
                    provenance=level.provenance,
                    criteria=[_criterion(criterion, lang) for criterion in level.criteria],
                )
                for level in reversed(indicator.levels)
            ]
            indicators.append(
                IndicatorView(
                    code=indicator.code,
                    title=shown(indicator.title, lang),
                    statement=shown(indicator.statement, lang) if indicator.statement else "",
                    inputs=[
                        f"{item.key}: {plain(item.label, lang)} "
                        f"({INPUT_KINDS.get(item.kind, item.kind)}, {item.min:g}–{item.max:g})"
                        for item in indicator.inputs
                    ],
                    levels=levels,
                )
            )
        dimensions.append(DimensionView(dimension.code, shown(dimension.title, lang), indicators))
    return dimensions


@login_required
@require_GET
def framework_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = _version(pk)
    framework = framework_of(version)
    lang = language()
    context: dict[str, Any] = {
        "version": version,
        "framework": framework,
        "title": shown(framework.title, lang),
        "description": shown(framework.description, lang) if framework.description else "",
        "levels": [shown(level.label, lang) for level in framework.levels],
        "translations": translation_counts(framework, lang),
        "sources": framework.sources,
        "counts": provenance_counts(framework),
        "dimensions": structure(framework, lang),
        "assessments": version.assessment_set.count(),
        "derived": FrameworkVersion.objects.filter(based_on=version).order_by("-created_at"),
        "may_administer": person_of(request).is_platform_admin,
    }
    return render(request, "scorecards/framework_detail.html", context)


# --- New wording ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextFields:
    """One text on the wording form: its label, whether it is still to verify, its field in
    each language and, for each translation, the box that marks it official."""

    legend: str
    to_verify: bool
    code: bool  # the legend is a criterion id, shown as code
    fields: list[forms.BoundField]


def _legend(place: str, lang: str, framework: Framework) -> str:
    """What a text of the wording form is, in words: "Title", "Level: Meets ...", "(a)"."""
    if place == "@title":
        return str(_("Name of the framework"))
    if place == "@description":
        return str(_("Description"))
    kind, _sep, key = place.lstrip("@").partition(":")
    if kind == "level":
        label = next(level.label for level in framework.levels if level.key == key)
        return _("Level: %(level)s") % {"level": plain(label, lang)}
    if kind == "dimension":
        title = plain(framework.dimension(key).title, lang)
        return _("Dimension %(code)s. %(title)s") % {"code": key, "title": title}
    what = place.split("|", 1)[1]
    if what == "title":
        return str(_("Title"))
    if what == "statement":
        return str(_("Statement"))
    if what.startswith("input:"):
        return _("Number entered: %(key)s") % {"key": what.removeprefix("input:")}
    return what


class WordingForm(forms.Form):
    """A new version string, and every text of the framework in every language, with a box
    per translation saying it is official. A text left out of the submission keeps its
    wording; an English text emptied is an error."""

    version = forms.CharField(
        label=gettext_lazy("New version"),
        max_length=40,
        validators=[
            RegexValidator(
                r"^[0-9A-Za-z][0-9A-Za-z.-]*$",
                gettext_lazy("Letters, digits, dots and hyphens, such as 2018.1."),
            )
        ],
        help_text=gettext_lazy("The new version starts as a draft; assessments keep theirs."),
    )

    def __init__(self, data: Any, *, framework: Framework, initial_version: str) -> None:
        current = wording(framework)
        marked = official_marks(framework)
        if data is not None:  # a text left out keeps its wording (and shows it again)
            data = data.copy()
            for key, text in current.items():
                data.setdefault(key, text)
        super().__init__(data, initial={"version": initial_version})
        self.current = current
        self.sections: list[tuple[str, list[TextFields]]] = []
        lang = language()
        heading = str(_("The framework"))
        rows: list[TextFields] = []
        for place, _text in framework_texts(framework):
            section = _section(place, framework, lang)
            if section is not None and section != heading:
                if rows:
                    self.sections.append((heading, rows))
                heading, rows = section, []
            rows.append(self._text_fields(place, framework, lang, marked))
        if rows:
            self.sections.append((heading, rows))

    def _text_fields(
        self, place: str, framework: Framework, lang: str, marked: set[str]
    ) -> TextFields:
        bound = []
        for text_language in LANGUAGES:
            key = text_key(place, text_language)
            self.fields[key] = forms.CharField(
                label=LANGUAGE_NAMES[text_language],
                required=False,
                initial=self.current[key],
                widget=forms.Textarea(attrs={"rows": 2, "lang": text_language}),
            )
            bound.append(self[key])
            if text_language != "en":
                self.fields[f"{key}|official"] = forms.BooleanField(
                    label=_("%(language)s: official translation")
                    % {"language": LANGUAGE_NAMES[text_language]},
                    required=False,
                    initial=key in marked,
                )
                bound.append(self[f"{key}|official"])
        legend = _legend(place, lang, framework)
        return TextFields(legend, _to_verify(place, framework), legend in place, bound)

    def texts(self) -> dict[str, str]:
        """Every text as submitted (the service keeps those that did not change)."""
        return {key: self.cleaned_data[key] for key in self.current}

    def official(self) -> set[str]:
        """The translations ticked as official."""
        return {key for key in self.current if self.cleaned_data.get(f"{key}|official")}


def _section(place: str, framework: Framework, lang: str) -> str | None:
    """The heading a text starts, if any: each indicator has its own section."""
    if place.startswith("@"):
        return None
    code = place.split("|", 1)[0]
    return f"PI {code} {plain(framework.indicator(code).title, lang)}"


def _to_verify(place: str, framework: Framework) -> bool:
    if place.startswith("@"):
        return False
    code, what = place.split("|", 1)
    if "." not in what or what.startswith("input:"):
        return False
    return framework.indicator(code).criterion(what).provenance.to_verify


@login_required
@require_http_methods(["GET", "POST"])
def framework_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    base = _version(pk)
    _require_admin(person)
    framework = framework_of(base)
    form = WordingForm(
        request.POST if request.method == "POST" else None,
        framework=framework,
        initial_version=suggest_version(base),
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = framework_edit_wording(
                actor=person,
                base=base,
                version=form.cleaned_data["version"],
                texts=form.texts(),
                official=form.official(),
            )
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(
                request,
                _("Version %(version)s was created as a draft. Publish it to use it.")
                % {"version": created.version},
            )
            return redirect("scorecards:framework", pk=created.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "version": base, "title": plain(framework.title, language())}
    return render(request, "scorecards/framework_edit.html", context, status=status)


@login_required
@require_POST
def framework_publish(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    version = _version(pk)
    _require_admin(person)
    try:
        framework_version_publish(actor=person, version=version)
    except NotPermitted:
        raise
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Version %(version)s is published: new assessments use it.")
            % {"version": version.version},
        )
    return redirect("scorecards:framework", pk=version.pk)
