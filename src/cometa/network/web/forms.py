"""Forms of the network's pages. They only parse: the services validate and decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cometa.network.codes import (
    AttemptResult,
    ContactMode,
    DropReason,
    Education,
    EnrolmentStatus,
    IncomeBand,
    Migration,
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


def _yes_no(label: Any) -> forms.NullBooleanField:
    return forms.NullBooleanField(label=label, widget=forms.Select(choices=YES_NO), required=False)


class RegisterForm(forms.Form):
    """A woman's registration: who she is (the restricted table), her consents and her
    baseline profile. Only the partner's editors see this form."""

    member = forms.TypedChoiceField(label=_("Partner"), coerce=int)
    given_names = forms.CharField(label=_("Given names"), max_length=150)
    family_names = forms.CharField(label=_("Family names"), max_length=150, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    address = forms.CharField(
        label=_("Address"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    registered_on = forms.DateField(label=_("Registered on"), widget=DateInput)
    take_part = forms.BooleanField(
        label=_("She consents to taking part in the programme"), required=True
    )
    share_backbone = forms.BooleanField(
        label=_("She consents to sharing her pseudonymised record with the backbone"),
        required=False,
    )
    count_reports = forms.BooleanField(
        label=_("She consents to being counted in reports"), required=False
    )
    birth_year = forms.IntegerField(label=_("Year of birth"), required=False)
    education = forms.ChoiceField(
        label=_("Highest education"), choices=_blank(Education.choices), required=False
    )
    literate = _yes_no(_("Reads and writes a simple message"))
    migration = forms.ChoiceField(
        label=_("Migration"), choices=_blank(Migration.choices), required=False
    )
    rural = _yes_no(_("Lives in a rural locality"))
    household_size = forms.IntegerField(label=_("People in the household"), required=False)
    work_status = forms.ChoiceField(
        label=_("Work status"), choices=_blank(WorkStatus.choices), required=False
    )
    income_band = forms.ChoiceField(
        label=_("Household income"), choices=_blank(IncomeBand.choices), required=False
    )

    IDENTITY = ("given_names", "family_names", "phone", "address")
    CONSENTS = ("take_part", "share_backbone", "count_reports")

    def __init__(self, *args: Any, members: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = members  # type: ignore[attr-defined]

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        on = data["registered_on"]
        skipped = {"member", "registered_on", *self.IDENTITY, *self.CONSENTS}
        return {
            "registered_on": on,
            "identity": {name: data[name] for name in self.IDENTITY},
            "consents": {name: on for name in self.CONSENTS if data[name]},
            "profile": {
                name: value
                for name, value in data.items()
                if name not in skipped and value not in ("", None)
            },
        }


class EnrolForm(forms.Form):
    cohort = forms.TypedChoiceField(label=_("Cohort"), coerce=int)
    enrolled_on = forms.DateField(label=_("Enrolled on"), widget=DateInput)
    mentor = forms.TypedChoiceField(label=_("Mentor"), coerce=int, required=False, empty_value=None)

    def __init__(
        self, *args: Any, cohorts: list[tuple[int, str]], mentors: list[tuple[int, str]], **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.fields["cohort"].choices = cohorts  # type: ignore[attr-defined]
        self.fields["mentor"].choices = [("", _("No mentor yet")), *mentors]  # type: ignore[attr-defined]


class MemberPageForm(forms.Form):
    objectives = forms.CharField(
        label=_("Objectives"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    targets = forms.CharField(
        label=_("Targets"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    initiatives = forms.CharField(
        label=_("Initiatives"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    resources_lacking = forms.CharField(
        label=_("Resources lacking"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
