"""Forms of the results pages. They only parse: the services validate and decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cometa.indicators.models import ValueKind
from cometa.indicators.texts import Text
from cometa.results.inputs import BudgetContent, FactContent, KnowledgeContent, NarrativeContent
from cometa.results.models import KnowledgeKind, PartnerKind
from cometa.results.scales import GenderMarker, Progress


class NarrativeForm(forms.Form):
    """The narrative of an outcome for a year; ``version`` is the one the person opened
    (0 for a narrative not yet written), so a save over someone else's is refused."""

    progress = forms.ChoiceField(label=_("Progress assessment"), choices=Progress.choices)
    text_en = forms.CharField(
        label=_("Narrative in English"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    text_es = forms.CharField(
        label=_("Narrative in Spanish"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    text_ru = forms.CharField(
        label=_("Narrative in Russian"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def content(self) -> NarrativeContent:
        data = self.cleaned_data
        text = Text(data["text_en"], data["text_es"], data["text_ru"])
        return NarrativeContent(text, data["progress"])


class FactForm(forms.Form):
    value = forms.DecimalField(label=_("Figure"), max_digits=24, decimal_places=6)
    unit = forms.CharField(label=_("Unit"), required=False, max_length=60)
    label = forms.CharField(label=_("What it counts"), max_length=300)
    indicator = forms.TypedChoiceField(
        label=_("Indicator it supports"), required=False, coerce=int, empty_value=None
    )
    kind = forms.ChoiceField(label=_("Kind of value"), choices=ValueKind.choices, initial="actual")
    key = forms.CharField(
        label=_("Disaggregation"),
        required=False,
        max_length=200,
        help_text=_("Empty for the total; like age=Y15T24 for a part."),
    )

    def __init__(self, *args: Any, indicators: list[tuple[int, str]], **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "fact-%s")
        super().__init__(*args, **kwargs)
        field: Any = self.fields["indicator"]
        field.choices = [("", _("None")), *indicators]

    def content(self) -> FactContent:
        data = self.cleaned_data
        return FactContent(
            value=data["value"],
            label=data["label"],
            unit=data["unit"],
            indicator=data["indicator"],
            kind=data["kind"],
            key=data["key"],
        )


class PartnerForm(forms.Form):
    name = forms.CharField(label=_("Partner"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=PartnerKind.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "partner-%s")
        super().__init__(*args, **kwargs)


class BudgetForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    activity = forms.CharField(
        label=_("Activity"),
        required=False,
        max_length=200,
        help_text=_("Empty for the output as a whole."),
    )
    amount = forms.DecimalField(label=_("Amount"), max_digits=18, decimal_places=2)
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="USD")
    marker = forms.TypedChoiceField(
        label=_("Gender equality marker"), choices=GenderMarker.choices, coerce=int
    )

    def content(self) -> BudgetContent:
        data = self.cleaned_data
        return BudgetContent(
            year=data["year"],
            amount=data["amount"],
            currency=data["currency"].strip().upper(),
            marker=data["marker"],
            activity=data["activity"],
        )


class KnowledgeSearchForm(forms.Form):
    q = forms.CharField(label=_("Title or partner"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Any type")), *KnowledgeKind.choices]
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2100)


class KnowledgeForm(forms.Form):
    office = forms.TypedChoiceField(label=_("Office"), coerce=int)
    title = forms.CharField(label=_("Title"), max_length=400)
    kind = forms.ChoiceField(label=_("Type"), choices=KnowledgeKind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100)
    partners = forms.CharField(
        label=_("Partners"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line."),
    )
    url = forms.CharField(label=_("Link"), required=False, max_length=500)
    language = forms.CharField(label=_("Language"), required=False, max_length=8)

    def __init__(self, *args: Any, offices: list[tuple[int, str]], **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "product-%s")
        super().__init__(*args, **kwargs)
        field: Any = self.fields["office"]
        field.choices = offices

    def content(self) -> KnowledgeContent:
        data = self.cleaned_data
        return KnowledgeContent(
            title=data["title"],
            kind=data["kind"],
            year=data["year"],
            partners=data["partners"].splitlines(),
            url=data["url"],
            language=data["language"],
        )


class BudgetQueryForm(forms.Form):
    office = forms.TypedChoiceField(label=_("Office"), coerce=int)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args: Any, offices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["office"]
        field.choices = offices


class ReasonForm(forms.Form):
    """Why the parts of a total do not add up (an empty reason removes it)."""

    kind = forms.ChoiceField(choices=ValueKind.choices, widget=forms.HiddenInput)
    key = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    dimension = forms.CharField(max_length=40, widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Why"), required=False, max_length=500)
