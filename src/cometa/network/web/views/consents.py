"""Her consents by purpose (recording one, withdrawing one) and passing her record to
another member of the network, which needs her recorded consent to the transfer or an
override whose reason goes into the audit trail. Her partner's editors do this; another
partner's woman answers 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cometa.accounts.acting import person_of
from cometa.core.errors import ServiceError
from cometa.core.web.pages import form_error
from cometa.network import selectors, selectors_network
from cometa.network.access import may_edit_member
from cometa.network.codes import ConsentPurpose
from cometa.network.models import Network, Participant
from cometa.network.services import participants
from cometa.network.web.forms_care import ConsentGiveForm, ConsentWithdrawForm, TransferForm
from cometa.network.web.views.care import page


def _editable(request: HttpRequest, pk: int, code: str) -> tuple[Network, Participant]:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    her = selectors.participant_get(person, network, code)
    if not may_edit_member(person, her.member):
        raise PermissionDenied
    return network, her


@login_required
@require_http_methods(["GET", "POST"])
def consents(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """Both forms on one page; ``action`` says which one was sent."""
    network, her = _editable(request, pk, code)
    person, today = person_of(request), timezone.localdate()
    rows = list(her.consents.order_by("given_on", "pk"))
    labels = dict(ConsentPurpose.choices)
    open_ones = [(c.pk, str(labels.get(c.purpose, c.purpose))) for c in rows if not c.withdrawn_on]
    action = request.POST.get("action") if request.method == "POST" else None
    give = ConsentGiveForm(
        request.POST if action == "give" else None, prefix="give", initial={"given_on": today}
    )
    withdraw = ConsentWithdrawForm(
        request.POST if action == "withdraw" else None,
        prefix="withdraw",
        consents=open_ones,
        initial={"withdrawn_on": today},
    )
    sent = give if action == "give" else withdraw if action == "withdraw" else None
    if sent is not None and sent.is_valid():
        try:
            if sent is give:
                participants.consent_record(actor=person, participant=her, **give.cleaned_data)
            else:
                consent = her.consents.get(pk=withdraw.cleaned_data["consent"])
                when = withdraw.cleaned_data["withdrawn_on"]
                participants.consent_withdraw(actor=person, consent=consent, withdrawn_on=when)
        except ServiceError as error:
            form_error(sent, error)
        else:
            messages.success(request, _("Her consents were updated."))
            return redirect("network:participant-consents", pk, her.code)
    context = {
        "network": network,
        "her": her,
        "consents": rows,
        "give": give,
        "withdraw": withdraw if open_ones else None,
    }
    return page(request, "network/consents.html", context, sent or give)


@login_required
@require_http_methods(["GET", "POST"])
def transfer(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    network, her = _editable(request, pk, code)
    person = person_of(request)
    others = (
        selectors_network.members_for(person, network)
        .exclude(pk=her.member_id)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    form = TransferForm(
        request.POST or None,
        members=[(m.pk, m.organisation.name) for m in others],
        initial={"on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["to_member"] = others.get(pk=data["to_member"])
        try:
            participants.participant_transfer(actor=person, participant=her, **data)
        except ServiceError as error:
            form_error(form, error)
        else:
            messages.success(
                request,
                _("Her record was passed to %(member)s.")
                % {"member": data["to_member"].organisation.name},
            )
            return redirect("network:participants", pk)
    consented = participants.has_consent(her, ConsentPurpose.TRANSFER)
    context = {"network": network, "her": her, "consented": consented}
    return page(request, "network/transfer_form.html", context, form)
