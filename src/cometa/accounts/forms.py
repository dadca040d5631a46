from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from cometa.accounts import services
from cometa.accounts.models import Organisation, Person
from cometa.accounts.models.organisations import OrganisationKind
from cometa.accounts.roles import Role


class SignInForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    password = forms.CharField(label=_("Password"), strip=False, widget=forms.PasswordInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update({"autocomplete": "username", "autofocus": True})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Six-digit code"), max_length=8, min_length=6)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        )


class AuditedSetPasswordForm(SetPasswordForm):
    """Django's reset form, saving through our service so the change is audited."""

    def save(self, commit: bool = True) -> Any:
        services.password_set(
            actor=self.user, person=self.user, new_password=self.cleaned_data["new_password1"]
        )
        return self.user


class AuditedPasswordChangeForm(AuditedSetPasswordForm):
    old_password = forms.CharField(
        label=_("Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )
    field_order = ["old_password", "new_password1", "new_password2"]

    def clean_old_password(self) -> str:
        old = self.cleaned_data["old_password"]
        if not self.user.check_password(old):
            raise forms.ValidationError(_("Your current password is not right."), code="wrong")
        return str(old)


class ResetForm(PasswordResetForm):
    """Same answer for known and unknown addresses; mail goes only to active people."""


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    short_name = forms.CharField(label=_("Short name"), max_length=40, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=OrganisationKind.choices)
    parent = forms.ModelChoiceField(
        label=_("Part of"), queryset=Organisation.objects.none(), required=False
    )
    country = forms.CharField(
        label=_("Country code"),
        max_length=3,
        required=False,
        help_text=_("Three letters, ISO 3166 (for example KAZ, MEX)."),
    )
    region = forms.CharField(label=_("Region"), max_length=80, required=False)

    def __init__(self, *args: Any, parents: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if parents is not None:
            self.fields["parent"].queryset = parents  # type: ignore[attr-defined]


class MembershipForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the person"),
        help_text=_("The person must already have an account."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    title = forms.CharField(label=_("Title"), max_length=120, required=False)

    def clean_email(self) -> Person:
        email = self.cleaned_data["email"].strip().lower()
        person = Person.objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("No active account has this e-mail address."))
        return person


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=80)
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=365, initial=90)
    code = forms.CharField(
        label=_("Current second-factor code"),
        max_length=8,
        required=False,
        help_text=_("Your last second-factor check is more than 15 minutes old."),
    )

    def __init__(self, *args: Any, ask_code: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if ask_code:
            self.fields["code"].required = True
            self.fields["code"].widget.attrs.update(
                {"autocomplete": "one-time-code", "inputmode": "numeric"}
            )
        else:
            del self.fields["code"]


class ProfileForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=[("en", "English"), ("es", "Español"), ("ru", "Русский")],
    )


class AuditFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    action = forms.CharField(label=_("Action"), required=False)
    object_type = forms.CharField(label=_("Object type"), required=False)
    actor = forms.CharField(label=_("Who (e-mail)"), required=False)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
