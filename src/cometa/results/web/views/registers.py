"""The knowledge products register (searchable, paginated, with a form to add one) and an
office's budget totals for a year with the share marked 2 or 3."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cometa.accounts.acting import person_of
from cometa.accounts.models import Organisation, Person
from cometa.core.errors import ServiceError
from cometa.core.web.pages import form_error, paginate
from cometa.results import access, selectors
from cometa.results.services import registers
from cometa.results.web.forms import BudgetQueryForm, KnowledgeForm, KnowledgeSearchForm
from cometa.results.web.views.common import error_summary, require_edit


def _offices(person: Person) -> list[Organisation]:
    """The offices with a plan the person reads, by name."""
    found = {plan.office.pk: plan.office for plan in selectors.plans_for(person)}
    return sorted(found.values(), key=lambda office: office.name)


@login_required
@require_http_methods(["GET", "POST"])
def knowledge_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    offices = _offices(person)
    editable = [(o.pk, o.name) for o in offices if access.may_edit(person, o)]
    form = KnowledgeForm(request.POST or None, offices=editable)
    status = 200
    if request.method == "POST":
        status = _knowledge_add(request, person, offices, form)
        if status == 302:
            return redirect(reverse("results:knowledge"))
    search = KnowledgeSearchForm(request.GET)
    filters = search.cleaned_data if search.is_valid() else {}
    rows = selectors.knowledge_search(
        person,
        query=filters.get("q") or "",
        kind=filters.get("kind") or "",
        year=filters.get("year"),
    ).prefetch_related("outcomes")
    page = paginate(request, rows.order_by("-year", "title"))
    context = {
        "search": search,
        "page": page,
        "form": form if editable else None,
        "errors": error_summary(form) if request.method == "POST" else [],
    }
    template = "results/_knowledge_rows.html" if request.htmx else "results/knowledge_list.html"  # type: ignore[attr-defined]
    return render(request, template, context, status=status)


def _knowledge_add(
    request: HttpRequest, person: Person, offices: list[Organisation], form: KnowledgeForm
) -> int:
    """Registers the product sent; the status the page answers (302 when saved)."""
    wanted = request.POST.get("office", "")
    office = next((o for o in offices if str(o.pk) == wanted), None)
    if office is None:
        raise Http404("No such office.")
    require_edit(person, office)
    if not form.is_valid():
        return 400
    try:
        product = registers.knowledge_product_save(
            actor=person, office=office, content=form.content()
        )
    except ServiceError as error:
        form_error(form, error)
        return 400
    messages.success(request, _("“%(title)s” was registered.") % {"title": product.title})
    return 302


@login_required
@require_GET
def budget_totals(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    offices = _offices(person)
    wanted = request.GET.get("office")
    if wanted and not any(str(o.pk) == wanted for o in offices):
        raise Http404("No such office.")
    initial = {
        "office": offices[0].pk if offices else None,
        "year": timezone.localdate().year - 1,
    }
    data = {**initial, **request.GET.dict()} if request.GET else initial
    form = BudgetQueryForm(data, offices=[(o.pk, o.name) for o in offices])
    shares, office = [], None
    if form.is_valid():
        office = next(o for o in offices if o.pk == form.cleaned_data["office"])
        shares = selectors.budget_totals(person, office, form.cleaned_data["year"])
    rows = [(share, None if share.share is None else share.share * 100) for share in shares]
    context = {"form": form, "rows": rows, "office": office, "offices": offices}
    return render(
        request,
        "results/budget_totals.html",
        context,
        status=200 if form.is_valid() or not offices else 400,
    )
