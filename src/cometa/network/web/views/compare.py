"""A centre against its peers (page, PDF, Word), the network's reach against the shares it
set itself, and the form of those shares.

Everything shown comes from the stored run (``selectors_compare``: nothing is counted per
request) and says when it was computed. A partner's staff compare their own centres only
(another partner's centre is not found); the backbone's staff any centre. The reference
shares are set by the backbone's coordinators.
"""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.core.web.downloads import attachment
from cometa.indicators.texts import LANGUAGES
from cometa.network import selectors_compare, selectors_network
from cometa.network.access import may_manage
from cometa.network.comparison.document import About, comparison_document
from cometa.network.comparison.reach import GROUPS, Group
from cometa.network.comparison.reach_document import reach_document
from cometa.network.models import IndicatorRun, Network, Site
from cometa.network.services.references import reference_clear, reference_set
from cometa.network.web.forms_compare import ClearForm, ReferenceForm
from cometa.network.web.saving import allowed_or_403, saved
from cometa.reports.document import Document
from cometa.reports.html import html_blocks
from cometa.reports.renderers import CONTENT_TYPES, DocumentFormat
from cometa.reports.renderers import render as render_document
from cometa.reports.web import language_choices, report_language


def _run(request: HttpRequest, person: Person, network: Network) -> IndicatorRun | None:
    return selectors_compare.chosen_run(person, network, request.GET.get("run") or None)


@login_required
@require_GET
def compare_choose(request: HttpRequest, pk: int) -> HttpResponse:
    """The centres the person may compare, to choose one."""
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    context = {
        "network": network,
        "sites": selectors_compare.comparable_sites(person, network),
        "run": _run(request, person, network),
    }
    return render(request, "network/compare/choose.html", context)


def _document(
    request: HttpRequest, pk: int, site_pk: int, lang: str, *, png: bool
) -> tuple[Network, Site, IndicatorRun | None, Document | None]:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    site = selectors_compare.site_get(person, network, site_pk)
    run = _run(request, person, network)
    if run is None:
        return network, site, None, None
    found = selectors_compare.site_comparison(person, run, site)
    about = About(network.name, site.name, run.period, run.computed_at, found.centres)
    return network, site, run, comparison_document(found.comparison, about, lang, png=png)


@login_required
@require_GET
def compare_site(request: HttpRequest, pk: int, site_pk: int) -> HttpResponse:
    lang = report_language(request, LANGUAGES)
    network, site, run, document = _document(request, pk, site_pk, lang, png=False)
    context: dict[str, Any] = {
        "network": network, "site": site, "run": run, "document": document, "lang": lang,
        "blocks": html_blocks(document) if document else [],
        "report_languages": language_choices(LANGUAGES),
    }  # fmt: skip
    return render(request, "network/compare/site.html", context)


def _file(request: HttpRequest, pk: int, site_pk: int, fmt: str) -> HttpResponse:
    lang = report_language(request, LANGUAGES)
    _network, site, run, document = _document(request, pk, site_pk, lang, png=True)
    if document is None or run is None:
        messages.info(request, _("No indicator values are stored yet."))
        return redirect("network:compare-site", pk, site_pk)
    made = render_document(document, cast(DocumentFormat, fmt))
    stem = slugify(site.name)[:40].strip("-") or "centre"
    name = "-".join(
        [stem, slugify(run.period) or "period", "peers", *([lang] if lang != "en" else [])]
    )
    return attachment(made, f"{name}.{fmt}", CONTENT_TYPES[fmt])


@login_required
@require_GET
def compare_pdf(request: HttpRequest, pk: int, site_pk: int) -> HttpResponse:
    return _file(request, pk, site_pk, "pdf")


@login_required
@require_GET
def compare_docx(request: HttpRequest, pk: int, site_pk: int) -> HttpResponse:
    return _file(request, pk, site_pk, "docx")


@login_required
@require_GET
def reach(request: HttpRequest, pk: int) -> HttpResponse:
    """The groups' shares and outcomes against the network's reference shares."""
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    lang = report_language(request, LANGUAGES)
    found = selectors_compare.reach_gaps(person, network, _run(request, person, network))
    run = found.run
    document = reach_document(
        found.gaps, network=network.name, period=run.period if run else "",
        computed_at=run.computed_at if run else None, lang=lang,
    )  # fmt: skip
    context = {
        "network": network, "run": run, "document": document, "lang": lang,
        "blocks": html_blocks(document), "manages": may_manage(person, network),
        "report_languages": language_choices(LANGUAGES),
    }  # fmt: skip
    return render(request, "network/compare/reach.html", context)


def _references_page(
    request: HttpRequest, network: Network, form: ReferenceForm | None = None
) -> HttpResponse:
    stored = selectors_compare.references(network)
    context = {
        "network": network,
        "form": form or ReferenceForm(),
        "references": [(group, stored.get(group.key)) for group in _recorded_groups()],
    }
    return render(request, "network/compare/references.html", context)


def _recorded_groups() -> list[Group]:
    return [group for group in GROUPS if group.recorded]


@login_required
@require_http_methods(["GET", "POST"])
def reach_references(request: HttpRequest, pk: int) -> HttpResponse:
    """The reference shares: seen and set by the backbone's coordinators."""
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    allowed_or_403(may_manage(person, network))
    if request.method == "GET":
        return _references_page(request, network)
    if request.POST.get("clear"):
        clear = ClearForm(request.POST)
        if clear.is_valid():
            reference_clear(actor=person, network=network, group=clear.cleaned_data["group"])
            messages.success(request, _("The reference share was removed."))
        return redirect("network:reach-references", pk)
    form = ReferenceForm(request.POST)

    def call(data: dict[str, Any]) -> None:
        reference_set(actor=person, network=network, **data)

    if not saved(form, call):
        return _references_page(request, network, form)
    messages.success(request, _("The reference share was saved."))
    return redirect("network:reach-references", pk)
