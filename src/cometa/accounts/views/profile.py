"""A person's own page: name, language, API tokens."""

from __future__ import annotations

from datetime import UTC, datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cometa.accounts import second_factor, services, tokens
from cometa.accounts.acting import person_of
from cometa.accounts.forms import ProfileForm, TokenForm
from cometa.accounts.middleware import SECOND_FACTOR_AT
from cometa.accounts.models import ApiToken
from cometa.core.clients import client_address
from cometa.core.errors import ServiceError
from cometa.core.web.pages import form_error


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    initial = {"full_name": person.full_name, "language": person.language}
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(actor=person, person=person, **form.cleaned_data)
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Your profile was saved."))
            return redirect("accounts:profile")
    context = {
        "form": form,
        "token_form": TokenForm(ask_code=_asks_code(request)),
        "tokens": ApiToken.objects.filter(person=person)[:50],
        "new_secret": request.session.pop("cometa_new_token", None),
    }
    return render(request, "accounts/profile.html", context, status=400 if form.errors else 200)


def _session_checked_at(request: HttpRequest) -> float | None:
    value = request.session.get(SECOND_FACTOR_AT)
    return float(value) if value else None


def _asks_code(request: HttpRequest) -> bool:
    """The token form asks for a code when the session's last check is too old."""
    person = person_of(request)
    if not tokens.needs_recent_check(person):
        return False
    at = _session_checked_at(request)
    return not tokens.is_recent(datetime.fromtimestamp(at, tz=UTC) if at else None)


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST, ask_code=_asks_code(request))
    if form.is_valid():
        person, data = person_of(request), dict(form.cleaned_data)
        try:
            checked = second_factor.checked_at(
                person=person,
                code=data.pop("code", ""),
                address=client_address(request),
                session_at=_session_checked_at(request),
            )
            issued = tokens.token_create(actor=person, second_factor_at=checked, **data)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            # Shown once, on the next page; never stored.
            request.session["cometa_new_token"] = issued.secret
    else:
        messages.error(
            request,
            _("Give the token a name, a validity of 1 to 365 days and, if asked, the code."),
        )
    return redirect("accounts:profile")


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = ApiToken.objects.filter(pk=pk, person=person_of(request)).first()
    if token is None:
        raise Http404("No such token.")
    try:
        tokens.token_revoke(actor=person_of(request), token=token)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The token was revoked."))
    return redirect("accounts:profile")
