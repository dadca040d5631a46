"""Reads of survey instruments, rounds and responses. Instruments and rounds are read by
everyone inside the network (the forms carry no personal data); responses as her
participant record is read: her partner's staff, the backbone if she agreed to share."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from cometa.accounts.models import Person
from cometa.network.access import reach
from cometa.network.models import Instrument, Network, Round, SurveyResponse
from cometa.network.selectors import _visible
from cometa.network.selectors_network import row_or_404


def instruments_for(person: Person, network: Network) -> QuerySet[Instrument]:
    rows = Instrument.objects.filter(network=network).order_by("code", "-version")
    return rows if reach(person, network).inside else rows.none()


def instrument_get(person: Person, network: Network, pk: object) -> Instrument:
    return row_or_404(instruments_for(person, network), pk, "No such instrument.")


def instrument_latest(network: Network, code: str) -> Instrument:
    """The latest version of the instrument ``code`` (for commands acting as the system)."""
    found = Instrument.objects.filter(network=network, code=code).order_by("-version").first()
    if found is None:
        raise Http404("No such instrument.")
    return found


def rounds_for(person: Person, network: Network) -> QuerySet[Round]:
    rows = Round.objects.filter(network=network).select_related("instrument")
    return rows if reach(person, network).inside else rows.none()


def responses_for(person: Person, network: Network) -> QuerySet[SurveyResponse]:
    """Her responses, for those who see her record; another partner's are not there."""
    rows = SurveyResponse.objects.filter(round__network=network)
    return _visible(rows, person, network, "participant")
