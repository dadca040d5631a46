"""The global view of the scorecards (reviewers, administrators) and the knowledge hub
(members of country teams, reviewers, administrators). Both answer 404 to anyone else."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.core.web.pages import PAGE_SIZE, paginate
from cometa.reports.renderers.tabular import to_xlsx
from cometa.scorecards.frameworks import selectors as framework_selectors
from cometa.scorecards.models import Evidence
from cometa.scorecards.records import good_practice
from cometa.scorecards.reporting import global_sheets, global_view, hub
from cometa.scorecards.web.views import language

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REGRESSIONS_PAGE_SIZE = 50


# --- forms --------------------------------------------------------------------------------


class GlobalFilterForm(forms.Form):
    framework = forms.ChoiceField(label=gettext_lazy("Framework"))
    region = forms.ChoiceField(label=gettext_lazy("Region"), required=False)
    year_from = forms.IntegerField(
        label=gettext_lazy("From year"), required=False, min_value=2000, max_value=2100
    )
    year_to = forms.IntegerField(
        label=gettext_lazy("To year"), required=False, min_value=2000, max_value=2100
    )

    def __init__(self, data: Any, *, frameworks: list[tuple[str, str]], regions: list[str]) -> None:
        super().__init__(data)
        self.fields["framework"].choices = frameworks  # type: ignore[attr-defined]
        self.fields["region"].choices = [  # type: ignore[attr-defined]
            ("", _("All regions")),
            *((region, region) for region in regions),
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, last = cleaned.get("year_from"), cleaned.get("year_to")
        if first is not None and last is not None and first > last:
            self.add_error("year_to", _("The last year comes before the first year."))
        return cleaned

    def filters(self) -> global_view.Filters:
        data = self.cleaned_data
        return global_view.Filters(
            framework=data["framework"],
            region=data.get("region") or "",
            year_from=data.get("year_from"),
            year_to=data.get("year_to"),
        )


class HubSearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Title contains"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    indicator = forms.ChoiceField(label=gettext_lazy("Indicator"), required=False)
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)
    good_practice = forms.BooleanField(label=gettext_lazy("Good practices only"), required=False)

    def __init__(self, data: Any, *, indicators: list[str], countries: list[str]) -> None:
        super().__init__(data)
        self.fields["indicator"].choices = [  # type: ignore[attr-defined]
            ("", _("All indicators")),
            *((code, code) for code in indicators),
        ]
        self.fields["country"].choices = [  # type: ignore[attr-defined]
            ("", _("All countries")),
            *((code, code) for code in countries),
        ]

    def query(self) -> hub.HubQuery | None:
        """The search asked for, or None when the form has errors (it shows them)."""
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return hub.HubQuery(
            text=data.get("q") or "",
            indicator=data.get("indicator") or "",
            country=data.get("country") or "",
            good_practice=bool(data.get("good_practice")),
        )


# --- the global view ------------------------------------------------------------------------


def _global_form(request: HttpRequest) -> GlobalFilterForm:
    data = request.GET.dict()
    data["framework"] = data.get("framework") or global_view.DEFAULT_FRAMEWORK
    return GlobalFilterForm(
        data,
        frameworks=global_view.framework_choices(),
        regions=global_view.region_choices(data["framework"]),
    )


@login_required
@require_GET
def global_overview(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    global_view.require_global(person)
    form = _global_form(request)
    context: dict[str, Any] = {"form": form, "view": None, "charts": {}}
    if form.is_valid():
        view = global_view.global_view(person, form.filters(), language())
        regressions = (
            Paginator(view.summary.regressions, REGRESSIONS_PAGE_SIZE).get_page(
                request.GET.get("page")
            )
            if view.summary
            else None
        )
        context |= {
            "view": view,
            "definitions": view.definitions,
            "summary": view.summary,
            "charts": global_view.chart_svgs(view),
            **_tables(view),
            "regressions": regressions,
            "regression_rows": _regression_rows(view, regressions),
            "export_url": reverse("scorecards:global-export") + _query(request),
            "framework_url": _framework_url(person, view.definitions),
        }
    status = 200 if form.is_valid() else 400
    return render(request, "scorecards/global.html", context, status=status)


def _framework_url(person: Person, definitions: global_view.Definitions | None) -> str:
    """The page of the framework's newest version the person may see ("" if none)."""
    if definitions is None:
        return ""
    version = framework_selectors.frameworks_for(person, identifier=definitions.identifier).first()
    return reverse("scorecards:framework", args=[version.pk]) if version else ""


def _tables(view: global_view.GlobalView) -> dict[str, Any]:
    """The page's tables, each row with its label (the template cannot look labels up)."""
    definitions, summary = view.definitions, view.summary
    if definitions is None or summary is None:
        return {}
    return {
        "level_labels": [definitions.level_label(level) for level in definitions.scale.levels],
        "dimension_rows": [
            (definitions.dimension_label(item.key), item) for item in summary.by_dimension
        ],
        "indicator_rows": [
            (definitions.indicator_label(item.key), item) for item in summary.by_indicator
        ],
        "trend_rows": [
            (definitions.dimension_label(key), summary.trend.get(key, []))
            for key in definitions.dimensions
        ],
    }


@dataclass(frozen=True)
class RegressionRow:
    team: global_view.Team
    code: str
    indicator: str
    from_level: str
    to_level: str
    from_year: int
    to_year: int
    gap: bool


def _regression_rows(view: global_view.GlobalView, page: Any) -> list[RegressionRow]:
    definitions = view.definitions
    if page is None or definitions is None:
        return []
    return [
        RegressionRow(
            team=view.team(item.team),
            code=item.code,
            indicator=definitions.indicator_label(item.code),
            from_level=definitions.level_label(item.from_level),
            to_level=definitions.level_label(item.to_level),
            from_year=item.from_year,
            to_year=item.to_year,
            gap=item.gap,
        )
        for item in page
    ]


def _query(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return f"?{query.urlencode()}" if query else ""


@login_required
@require_GET
def global_export(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    global_view.require_global(person)
    form = _global_form(request)
    if not form.is_valid():
        return redirect(reverse("scorecards:global") + _query(request))
    filters = form.filters()
    view = global_view.global_view(person, filters, language())
    years = "-".join(str(year) for year in (filters.year_from, filters.year_to) if year)
    name = "-".join(
        part for part in ("cometa-global", filters.framework, filters.region, years) if part
    )
    response = HttpResponse(to_xlsx(global_sheets.export_sheets(view)), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_safe_filename(name)}.xlsx"'
    return response


def _safe_filename(name: str) -> str:
    return "".join(char if char.isalnum() or char in "-_." else "_" for char in name)[:120]


# --- the knowledge hub ----------------------------------------------------------------------


@dataclass(frozen=True)
class HubItem:
    evidence: Evidence
    href: str | None  # a download page or a link; None: a document named only
    is_file: bool


@login_required
@require_GET
def knowledge_hub(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    hub.require_hub(person)
    form = HubSearchForm(
        request.GET, indicators=hub.indicator_choices(), countries=hub.country_choices()
    )
    query = form.query()
    rows = hub.hub_search(person, query) if query else Evidence.objects.none()
    page = paginate(request, rows, size=PAGE_SIZE)
    items = [
        HubItem(evidence, hub.download_url(evidence), bool(evidence.stored_name))
        for evidence in page
    ]
    context = {
        "form": form,
        "page": page,
        "items": items,
        "may_mark": good_practice.may_mark_good_practice(person),
        "query": request.GET.urlencode(),
    }
    status = 200 if form.is_valid() else 400
    return render(request, "scorecards/hub.html", context, status=status)


@login_required
@require_POST
def hub_good_practice(request: HttpRequest, pk: int) -> HttpResponse:
    """Marks a shared evidence item as good practice (``good_practice=1``) or takes the mark
    off, then goes back to the hub's search the person came from."""
    person = person_of(request)
    item = hub.hub_item(person, pk)
    mark = request.POST.get("good_practice") == "1"
    good_practice.evidence_good_practice_set(actor=person, evidence=item, good_practice=mark)
    done = (
        _("“%(title)s” is marked as a good practice.")
        if mark
        else _("“%(title)s” is no longer marked as a good practice.")
    )
    messages.success(request, done % {"title": item.title})
    search = QueryDict(request.POST.get("query", "")).urlencode()  # re-encoded: only a query
    return redirect(reverse("scorecards:hub") + (f"?{search}" if search else ""))
