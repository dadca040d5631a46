"""A member's membership: its periods, onboarding (orientation on the collective-impact
approach, the data-sharing agreement with its date and scope), leaving, and the exit
survey its coordinator answers and the backbone reads. Another partner's staff are told
the membership is not found."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cometa.accounts.access import organisations_for
from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.core.errors import ValidationFailed
from cometa.network import selectors_delivery, selectors_network
from cometa.network.access import may_coordinate_member, may_manage
from cometa.network.models import ExitSurvey, Member, MemberPeriod, Network
from cometa.network.services import network as network_services
from cometa.network.web.forms_running import ExitSurveyForm, JoinForm, LeaveForm, OnboardForm
from cometa.network.web.saving import allowed_or_403, labelled, saved


def _found(request: HttpRequest, pk: int, member_pk: int) -> tuple[Person, Network, Member]:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    return person, network, selectors_delivery.member_running_get(person, network, member_pk)


def _awaiting_survey(periods: list[MemberPeriod]) -> MemberPeriod | None:
    """The latest ended period without an exit survey."""
    ended = [p for p in periods if p.ends_on is not None]
    if not ended or hasattr(ended[0], "survey"):
        return None
    return ended[0]


def _readable_survey(period: MemberPeriod, readable: set[int]) -> ExitSurvey | None:
    survey = getattr(period, "survey", None)
    return survey if survey is not None and survey.pk in readable else None


def _page(
    request: HttpRequest,
    person: Person,
    network: Network,
    member: Member,
    bound: dict[str, Form] | None = None,
) -> HttpResponse:
    periods = list(selectors_delivery.periods_of(member))
    current = next((p for p in periods if p.ends_on is None), None)
    readable = set(
        selectors_network.exit_surveys_for(person, network)
        .filter(period__member=member)
        .values_list("pk", flat=True)
    )
    today = timezone.localdate()
    onboard_initial: dict[str, Any] = {}
    if current is not None:
        onboard_initial = {
            "orientation_on": current.orientation_on,
            "agreement_signed_on": current.agreement_signed_on,
            "agreement_scope": current.agreement_scope,
        }
    forms: dict[str, Form] = {
        "onboard": OnboardForm(initial=onboard_initial, auto_id="onboard-%s"),
        "leave": LeaveForm(initial={"ends_on": today}, auto_id="leave-%s"),
        "survey": ExitSurveyForm(initial={"answered_on": today}, auto_id="survey-%s"),
        **(bound or {}),
    }
    context = {
        "network": network,
        "member": member,
        "periods": [(p, _readable_survey(p, readable)) for p in periods],
        "current": current,
        "manages": may_manage(person, network),
        "awaiting": _awaiting_survey(periods) if may_coordinate_member(person, member) else None,
        "forms": forms,
    }
    return render(request, "network/membership.html", context, status=400 if bound else 200)


def _joinable(person: Person, network: Network) -> Any:
    """Organisations the person sees that are not members of the network now."""
    current = network.members.filter(periods__ends_on__isnull=True).values("organisation_id")
    rows = organisations_for(person).exclude(pk=network.backbone_id).exclude(pk__in=current)
    return rows.order_by("name")


@login_required
@require_http_methods(["GET", "POST"])
def member_join(request: HttpRequest, pk: int) -> HttpResponse:
    """The backbone adds an organisation (or brings one back) with a new membership
    period; onboarding follows on the membership page."""
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    allowed_or_403(may_manage(person, network))
    joinable = _joinable(person, network)
    form = JoinForm(
        request.POST or None,
        choices={"organisation": labelled(joinable)},
        initial={"starts_on": timezone.localdate()},
    )
    made: list[Member] = []

    def call(data: dict[str, Any]) -> None:
        organisation = joinable.get(pk=data["organisation"])
        made.append(
            network_services.member_join(
                actor=person,
                network=network,
                organisation=organisation,
                starts_on=data["starts_on"],
            )
        )

    if request.method == "POST" and saved(form, call):
        messages.success(request, _("The member was added. Record its onboarding now."))
        return redirect("network:membership", pk, made[0].pk)
    status = 400 if request.method == "POST" else 200
    context = {"network": network, "form": form}
    return render(request, "network/member_join.html", context, status=status)


@login_required
@require_GET
def membership(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    person, network, member = _found(request, pk, member_pk)
    return _page(request, person, network, member)


@login_required
@require_POST
def member_onboard(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    person, network, member = _found(request, pk, member_pk)
    allowed_or_403(may_manage(person, network))
    form = OnboardForm(request.POST, auto_id="onboard-%s")
    current = member.periods.filter(ends_on__isnull=True).first()

    def call(data: dict[str, Any]) -> None:
        if current is None:
            message = _("%(org)s is not a member now.") % {"org": member}
            raise ValidationFailed({"__all__": [message]})
        network_services.member_onboard(actor=person, period=current, **data)

    if not saved(form, call):
        return _page(request, person, network, member, {"onboard": form})
    messages.success(request, _("The onboarding was recorded."))
    return redirect("network:membership", pk, member.pk)


@login_required
@require_POST
def member_leave(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    person, network, member = _found(request, pk, member_pk)
    allowed_or_403(may_manage(person, network))
    form = LeaveForm(request.POST, auto_id="leave-%s")

    def call(data: dict[str, Any]) -> None:
        network_services.member_leave(actor=person, member=member, **data)

    if not saved(form, call):
        return _page(request, person, network, member, {"leave": form})
    messages.success(
        request, _("The membership ended. Its coordinator can now answer the exit survey.")
    )
    return redirect("network:membership", pk, member.pk)


@login_required
@require_POST
def exit_survey(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    person, network, member = _found(request, pk, member_pk)
    allowed_or_403(may_coordinate_member(person, member))
    form = ExitSurveyForm(request.POST, auto_id="survey-%s")
    period = _awaiting_survey(list(selectors_delivery.periods_of(member)))

    def call(data: dict[str, Any]) -> None:
        if period is None:
            message = _("There is no ended membership to answer for.")
            raise ValidationFailed({"__all__": [message]})
        network_services.exit_survey_submit(actor=person, period=period, **data)

    if not saved(form, call):
        return _page(request, person, network, member, {"survey": form})
    messages.success(request, _("Thank you: the exit survey was recorded."))
    return redirect("network:membership", pk, member.pk)


@login_required
@require_GET
def exit_surveys(request: HttpRequest, pk: int) -> HttpResponse:
    """Every exit survey the person reads: all of them for the backbone, its own for a
    member's coordinator."""
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    rows = (
        selectors_network.exit_surveys_for(person, network)
        .select_related("period__member__organisation")
        .order_by("-answered_on", "-pk")
    )
    return render(request, "network/exit_surveys.html", {"network": network, "surveys": rows})
