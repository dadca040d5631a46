"""The network's disclosure page: what the platform hides and why, in plain words, and
the thresholds the backbone's coordinators may set. Everyone in the network reads it
(partners should know why a cell of theirs is hidden); outsiders find no network."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cometa.accounts.acting import person_of
from cometa.core.errors import ServiceError
from cometa.core.web.pages import form_error
from cometa.indicators.disclosure import FLOOR
from cometa.network import selectors_network
from cometa.network.access import may_manage
from cometa.network.services.disclosure import thresholds_set


class ThresholdsForm(forms.Form):
    inside = forms.IntegerField(
        label=gettext_lazy("Smallest group shown inside the network"), min_value=FLOOR
    )
    strict = forms.IntegerField(
        label=gettext_lazy("Smallest group shown for sensitive variables or outside"),
        min_value=FLOOR,
    )


@login_required
@require_http_methods(["GET", "POST"])
def disclosure(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    manages = may_manage(person, network)
    initial = {"inside": network.cell_threshold, "strict": network.cell_threshold_strict}
    form = ThresholdsForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if not manages:
            raise PermissionDenied
        if form.is_valid():
            try:
                thresholds_set(actor=person, network=network, **form.cleaned_data)
            except ServiceError as error:
                form_error(form, error)
            else:
                messages.success(request, _("Saved. They apply from the next recomputation."))
                return redirect("network:disclosure", pk=network.pk)
        status = 400
    context = {"network": network, "form": form, "manages": manages, "floor": FLOOR}
    return render(request, "network/disclosure.html", context, status=status)
