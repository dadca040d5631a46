"""Forms of the pages that run the network: membership (onboarding, leaving, the exit
survey), meetings and decisions, sites, programmes, cohorts, sessions, staff and
training. They only parse; the services validate and decide. Choices that depend on the
person (members, pathways, staff) are handed in by the view from the selectors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cometa.network.codes import (
    AgreementScope,
    MeetingKind,
    PathwayKind,
    SiteKind,
    StaffRole,
    Urbanisation,
)
from cometa.network.web.forms import DateInput

Choices = list[tuple[Any, str]]


def _text(label: Any, required: bool = False, rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows})
    )


def _pick(label: Any, required: bool = True) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, coerce=int, required=required, empty_value=None)


class _Choosing(forms.Form):
    """A form with choice fields filled by the view: ``choices={field: [(value, label)]}``;
    an optional field gets an empty first choice."""

    EMPTY = _("None")

    def __init__(self, *args: Any, choices: dict[str, Choices], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, listed in choices.items():
            field = self.fields[name]
            empty = [] if field.required else [("", self.EMPTY)]
            field.choices = [*empty, *listed]  # type: ignore[attr-defined]


class JoinForm(_Choosing):
    organisation = _pick(_("Organisation"))
    starts_on = forms.DateField(label=_("Member from"), widget=DateInput)


class OnboardForm(forms.Form):
    orientation_on = forms.DateField(
        label=_("Orientation on the collective-impact approach"), widget=DateInput, required=False
    )
    agreement_signed_on = forms.DateField(
        label=_("Data-sharing agreement signed on"), widget=DateInput, required=False
    )
    agreement_scope = forms.ChoiceField(
        label=_("What the agreement lets it share"),
        choices=[("", _("No agreement yet")), *AgreementScope.choices],
        required=False,
    )


class LeaveForm(forms.Form):
    ends_on = forms.DateField(label=_("Member until"), widget=DateInput)
    reason = _text(_("Why the membership ends"))


YES_NO_REQUIRED = [("true", _("Yes")), ("false", _("No"))]


class ExitSurveyForm(forms.Form):
    answered_on = forms.DateField(label=_("Answered on"), widget=DateInput)
    experience = forms.TypedChoiceField(
        label=_("How was your experience in the network? (1 = very poor, 5 = very good)"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    felt_heard = forms.TypedChoiceField(
        label=_("Did you feel heard when the network took decisions?"),
        choices=YES_NO_REQUIRED,
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
    )
    told_why = forms.TypedChoiceField(
        label=_("Were you told why the partnership ended?"),
        choices=YES_NO_REQUIRED,
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
    )
    what_worked = _text(_("What worked"))
    what_to_change = _text(_("What the network should change"))


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices)
    held_on = forms.DateField(label=_("Held on"), widget=DateInput)
    title = forms.CharField(label=_("Title"), max_length=200)
    notes = _text(_("Notes"), rows=4)
    attendees = forms.TypedMultipleChoiceField(
        label=_("Members attending"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, members: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attendees"].choices = members  # type: ignore[attr-defined]


class DecisionForm(_Choosing):
    text = _text(_("What was decided"), required=True, rows=2)
    follow_up = _text(_("Follow-up needed"), rows=2)
    owner = _pick(_("Who follows it up"), required=False)
    due_on = forms.DateField(label=_("Due"), widget=DateInput, required=False)

    EMPTY = _("Nobody named yet")


class DoneForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DateInput)


class SiteForm(_Choosing):
    member = _pick(_("Run by"))
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=SiteKind.choices)
    state_code = forms.CharField(
        label=_("State"), max_length=2, help_text=_("Its two-digit INEGI code: Jalisco is 14.")
    )
    municipality_code = forms.CharField(
        label=_("Municipality"),
        max_length=5,
        help_text=_("Its five-digit INEGI code, starting with the state's: Tonalá is 14101."),
    )
    urbanisation = forms.ChoiceField(
        label=_("Urban or rural"), choices=Urbanisation.choices, widget=forms.RadioSelect
    )


class ProgrammeForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20)
    name = forms.CharField(label=_("Name"), max_length=200)
    pathways = forms.MultipleChoiceField(
        label=_("Pathways"), choices=PathwayKind.choices, widget=forms.CheckboxSelectMultiple
    )

    def pathway_names(self) -> dict[str, str]:
        labels = dict(PathwayKind.choices)
        return {kind: str(labels[kind]) for kind in self.cleaned_data["pathways"]}


class CohortForm(_Choosing):
    pathway = _pick(_("Pathway"))
    code = forms.CharField(label=_("Code"), max_length=40)
    starts_on = forms.DateField(label=_("Starts"), widget=DateInput)
    ends_on = forms.DateField(label=_("Ends"), widget=DateInput)
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=1000)
    instructor = _pick(_("Instructor"), required=False)


class SessionForm(_Choosing):
    held_on = forms.DateField(label=_("Held on"), widget=DateInput)
    topic = forms.CharField(label=_("Topic"), max_length=200, required=False)
    instructor = _pick(_("Instructor"), required=False)

    EMPTY = _("The cohort's instructor")


class StaffForm(_Choosing):
    member = _pick(_("Works for"))
    name = forms.CharField(label=_("Name"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=StaffRole.choices)
    mentor_limit = forms.IntegerField(
        label=_("Own limit of women (mentors)"),
        min_value=1,
        max_value=500,
        required=False,
        help_text=_("Leave empty to use the network's limit."),
    )


class TrainingForm(_Choosing):
    module = _pick(_("Module"))
    completed_on = forms.DateField(label=_("Completed on"), widget=DateInput)


class ModuleForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20)
    name = forms.CharField(label=_("Name"), max_length=200)
    refresher_months = forms.IntegerField(
        label=_("Refresher every (months)"),
        min_value=1,
        max_value=120,
        required=False,
        help_text=_("Leave empty when taking it once is enough."),
    )


class MentorLimitForm(forms.Form):
    mentor_limit = forms.IntegerField(
        label=_("Women per mentor, at most"), min_value=1, max_value=500
    )
