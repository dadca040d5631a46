"""Forms of the network's pages. They only parse: the services validate and decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cometa.network.codes import (
    AttemptResult,
    ContactMode,
    DropReason,
    EnrolmentStatus,
    IncomeBand,
    WorkStatus,
)
from cometa.network.schedule import Standing
from cometa.network.services.erasure import RemovalReason

YES_NO = [("", _("Not asked")), ("true", _("Yes")), ("false", _("No"))]


def _blank(choices: Any) -> list[tuple[str, Any]]:
    return [("", _("Not asked")), *choices]


class DateInput(forms.DateInput):
    input_type = "date"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Participant code"), required=False, max_length=16, strip=True)


class EnrolmentChangeForm(forms.Form):
    to_status = forms.ChoiceField(label=_("New state"), choices=EnrolmentStatus.choices)
    on = forms.DateField(label=_("Since"), widget=DateInput)
    reasons = forms.MultipleChoiceField(
        label=_("Why she dropped out"),
        choices=DropReason.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only for dropping out: at least one reason, the main one first."),
    )


class RemoveForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why"), choices=RemovalReason.choices)


class WorklistForm(forms.Form):
    standing = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("Everything to do")),
            (Standing.DUE, _("Due")),
            (Standing.OVERDUE, _("Overdue")),
            (Standing.UNREACHABLE, _("Unreachable")),
            (Standing.OPEN, _("Window open, not yet due")),
            (Standing.MISSED, _("Window missed")),
        ],
    )


class AttemptForm(forms.Form):
    attempted_at = forms.DateTimeField(
        label=_("When"), widget=DateTimeInput, input_formats=["%Y-%m-%dT%H:%M"]
    )
    mode = forms.ChoiceField(label=_("How"), choices=ContactMode.choices)
    result = forms.ChoiceField(label=_("Result"), choices=AttemptResult.choices)


class ResponseForm(forms.Form):
    responded_on = forms.DateField(label=_("Answered on"), widget=DateInput)
    work_status = forms.ChoiceField(
        label=_("Work"), choices=_blank(WorkStatus.choices), required=False
    )
    income_band = forms.ChoiceField(
        label=_("Income"), choices=_blank(IncomeBand.choices), required=False
    )
    has_business = forms.NullBooleanField(
        label=_("Runs a business"), widget=forms.Select(choices=YES_NO), required=False
    )
    in_education = forms.NullBooleanField(
        label=_("Back in education"), widget=forms.Select(choices=YES_NO), required=False
    )
