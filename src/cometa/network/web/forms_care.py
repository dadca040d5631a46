"""Forms of the pages that follow a woman: mentoring contacts, graduation, consents, a
transfer, psychosocial flags and referrals. They only parse: the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cometa.network.codes import (
    ConsentPurpose,
    ContactMode,
    CriterionResultCode,
    FlagSeverity,
    FlagTrigger,
    ReferralService,
)
from cometa.network.web.forms import DateInput


class MentoringForm(forms.Form):
    mentor = forms.TypedChoiceField(label=_("Mentor"), coerce=int)
    contacted_on = forms.DateField(label=_("Date of the contact"), widget=DateInput)
    mode = forms.ChoiceField(label=_("How"), choices=ContactMode.choices)
    minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=600, required=False)
    next_step = forms.CharField(
        label=_("Next step agreed"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, mentors: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mentor"].choices = mentors  # type: ignore[attr-defined]


class GraduationForm(forms.Form):
    """One choice per criterion in use; the field's name is ``c_`` and its code."""

    assessed_on = forms.DateField(label=_("Assessed on"), widget=DateInput)

    def __init__(self, *args: Any, criteria: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for criterion in criteria:
            kind = _("essential") if criterion.essential else _("conditional")
            self.fields[f"c_{criterion.code}"] = forms.ChoiceField(
                label=f"{criterion.name} ({kind})",
                choices=[("", _("Not judged")), *CriterionResultCode.choices],
                required=False,
            )

    def results(self) -> dict[str, str]:
        return {
            name[2:]: value
            for name, value in self.cleaned_data.items()
            if name.startswith("c_") and value
        }


class ConsentGiveForm(forms.Form):
    purpose = forms.ChoiceField(label=_("She consents to"), choices=ConsentPurpose.choices)
    given_on = forms.DateField(label=_("Given on"), widget=DateInput)


class ConsentWithdrawForm(forms.Form):
    consent = forms.TypedChoiceField(label=_("Consent withdrawn"), coerce=int)
    withdrawn_on = forms.DateField(label=_("Withdrawn on"), widget=DateInput)

    def __init__(self, *args: Any, consents: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].choices = consents  # type: ignore[attr-defined]


class TransferForm(forms.Form):
    to_member = forms.TypedChoiceField(label=_("Pass her record to"), coerce=int)
    on = forms.DateField(label=_("On"), widget=DateInput)
    override_reason = forms.CharField(
        label=_("Reason for transferring without her consent"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Only when she has not consented to the transfer; it is kept in the audit trail."
        ),
    )

    def __init__(self, *args: Any, members: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_member"].choices = members  # type: ignore[attr-defined]


class FlagForm(forms.Form):
    trigger = forms.ChoiceField(label=_("What raised it"), choices=FlagTrigger.choices)
    severity = forms.ChoiceField(label=_("How urgent"), choices=FlagSeverity.choices)
    raised_on = forms.DateField(label=_("Raised on"), widget=DateInput)
    note = forms.CharField(
        label=_("Note for the psychosocial staff"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReferralForm(forms.Form):
    service = forms.ChoiceField(label=_("Referred to"), choices=ReferralService.choices)
    referred_on = forms.DateField(label=_("Referred on"), widget=DateInput)
    provider = forms.CharField(label=_("Provider"), required=False, max_length=200)
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class FlagMoveForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    on = forms.DateField(label=_("On"), widget=DateInput)

    def __init__(self, *args: Any, steps: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = steps  # type: ignore[attr-defined]
