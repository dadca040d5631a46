"""Organisation and membership pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cometa.accounts import access, services
from cometa.accounts.acting import person_of
from cometa.accounts.forms import MembershipForm, OrganisationForm, RoleForm
from cometa.core.errors import NotPermitted, ServiceError
from cometa.core.web.pages import form_error, paginate


@login_required
@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    rows = access.organisations_for(person_of(request)).select_related("parent")
    query = request.GET.get("q", "").strip()
    if query:
        rows = rows.filter(
            Q(name__icontains=query) | Q(short_name__icontains=query) | Q(country__iexact=query)
        )
    page = paginate(request, rows)
    template = (
        "accounts/_organisation_rows.html"
        if getattr(request, "htmx", False)
        else "accounts/organisation_list.html"
    )
    return render(request, template, {"page": page, "q": query})


@login_required
@require_GET
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    organisation = access.organisation_get(person, pk)
    parent_id = organisation.parent_id
    context = {
        "organisation": organisation,
        # The parent is named to everyone, and linked only for those who may open it.
        "parent_link": parent_id is not None
        and access.organisations_for(person).filter(pk=parent_id).exists(),
        "children": access.organisations_for(person).filter(parent=organisation),
        "memberships": paginate(request, access.memberships_for(person, organisation)),
        "may_administer": access.may_administer(person, organisation),
        "member_form": MembershipForm(),
        "role_form": RoleForm(),
    }
    return render(request, "accounts/organisation_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    form = OrganisationForm(request.POST or None, parents=access.organisations_for(person))
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(actor=person, **form.cleaned_data)
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(request, _("The organisation was created."))
            return redirect("accounts:organisation", pk=organisation.pk)
    status = 400 if form.errors else 200
    return render(request, "accounts/organisation_form.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    organisation = access.organisation_get(person, pk)
    if not access.may_administer(person, organisation):
        raise NotPermitted(_("Only a coordinator of this organisation may change it."))
    initial = {
        "name": organisation.name,
        "short_name": organisation.short_name,
        "kind": organisation.kind,
        "parent": organisation.parent,
        "country": organisation.country,
        "region": organisation.region,
    }
    parents = access.organisations_for(person).exclude(pk=organisation.pk)
    form = OrganisationForm(request.POST or None, initial=initial, parents=parents)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                actor=person, organisation=organisation, **form.cleaned_data
            )
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(request, _("The organisation was saved."))
            return redirect("accounts:organisation", pk=organisation.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "organisation": organisation}
    return render(request, "accounts/organisation_form.html", context, status=status)


@login_required
@require_POST
def membership_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    organisation = access.organisation_get(person, pk)
    form = MembershipForm(request.POST)
    if form.is_valid():
        try:
            services.membership_add(
                actor=person,
                organisation=organisation,
                person=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                title=form.cleaned_data["title"],
            )
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(request, _("The member was added."))
            return redirect("accounts:organisation", pk=organisation.pk)
    context = {"form": form, "organisation": organisation}
    return render(request, "accounts/membership_form.html", context, status=400)


@login_required
@require_POST
def membership_role(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    membership = access.membership_get(person, pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_change_role(
                actor=person, membership=membership, role=form.cleaned_data["role"]
            )
        except NotPermitted:
            raise
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The role was changed."))
    else:
        messages.error(request, _("Choose one of the roles."))
    return redirect("accounts:organisation", pk=membership.organisation_id)


@login_required
@require_POST
def membership_remove(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    membership = access.membership_get(person, pk)
    try:
        services.membership_remove(actor=person, membership=membership)
    except NotPermitted:
        raise
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The member was removed."))
    return redirect("accounts:organisation", pk=membership.organisation_id)
