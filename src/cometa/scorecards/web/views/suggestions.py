"""The team's decision on a suggested rating, sent from the indicator page: accept it (its
answers and inputs are applied and the indicator rated again) or override it with a reason.
A refusal shows the indicator page again with what went wrong (400, or 409 when the
indicator was saved by someone else meanwhile); no suggestion the person may see is 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cometa.accounts.acting import person_of
from cometa.core.errors import Conflict, ValidationFailed
from cometa.scorecards.assessments import selectors as assessment_selectors
from cometa.scorecards.assessments import suggestion_services
from cometa.scorecards.web import pages
from cometa.scorecards.web.rating_panel import rating_panel
from cometa.scorecards.web.views import language
from cometa.scorecards.web.views.indicators import _form, _render


def _version(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        message = _("Reload the page: the form lost its version.")
        raise ValidationFailed({"version": [message]}) from None


@login_required
@require_POST
def suggestion_decide(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    person = person_of(request)
    row = assessment_selectors.indicator_get(person, pk, code)
    source, reason = request.POST.get("source", ""), request.POST.get("reason", "")
    choice = request.POST.get("decision", "")
    try:
        if choice == "accept":
            suggestion_services.suggestion_accept(
                actor=person,
                indicator=row,
                source=source,
                expected_version=_version(request.POST.get("version", "")),
            )
            done = _("The suggested rating of PI %(code)s was accepted.")
        elif choice == "override":
            suggestion_services.suggestion_override(
                actor=person, indicator=row, source=source, reason=reason
            )
            done = _("The suggestion for PI %(code)s was overridden; the reason is recorded.")
        else:
            raise ValidationFailed({"decision": [_("Choose to accept or to override.")]})
    except (Conflict, ValidationFailed) as error:
        page = pages.indicator_page(person, row, language())
        if isinstance(error, Conflict):
            return _render(
                request, page, _form(page), rating_panel(page), status=409, conflict=error.message
            )
        field = f"id_suggestion_reason-{source}"
        found = [
            (message, field if name == "reason" else "")
            for name, listed in error.errors.items()
            for message in listed
        ]
        refused = {"errors": found, "source": source, "reason": reason}
        return _render(request, page, _form(page), rating_panel(page), status=400, refused=refused)
    messages.success(request, done % {"code": row.code})
    return redirect(reverse("scorecards:indicator", args=[pk, code]) + "#suggestions")
