"""The network's survey instruments, each with its rounds and questions, and its XLSForm
to download for KoboCollect or ODK Collect."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cometa.accounts.acting import person_of
from cometa.core.web.downloads import attachment
from cometa.network import selectors_network, selectors_survey
from cometa.network.services.surveys import instrument_xlsform

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def instrument_list(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    rows = selectors_survey.instruments_for(person, network).prefetch_related("questions")
    return render(request, "network/instruments.html", {"network": network, "instruments": rows})


@login_required
@require_GET
def instrument_xlsform_download(request: HttpRequest, pk: int, instrument_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    instrument = selectors_survey.instrument_get(person, network, instrument_pk)
    name = f"{instrument.code}-v{instrument.version}.xlsx"
    return attachment(instrument_xlsform(actor=person, instrument=instrument), name, XLSX)
