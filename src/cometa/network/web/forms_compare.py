"""The form of the reach page's reference shares (one group at a time)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from cometa.network.comparison.reach import GROUPS


def _recorded() -> list[tuple[str, str]]:
    return [(group.key, str(group.title)) for group in GROUPS if group.recorded]


class ReferenceForm(forms.Form):
    group = forms.ChoiceField(label=_("Group"), choices=_recorded)
    share = forms.DecimalField(
        label=_("Reference share (%)"), min_value=Decimal(0), max_value=Decimal(100),
        decimal_places=1, max_digits=4,
        help_text=_("The share of this group among the women the network means to serve."),
    )  # fmt: skip
    source = forms.CharField(
        label=_("Source"), max_length=300,
        help_text=_("Where the share comes from, e.g. INEGI, Censo de Población 2020."),
    )  # fmt: skip
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100, required=False)


class ClearForm(forms.Form):
    group = forms.ChoiceField(choices=_recorded)
