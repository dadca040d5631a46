"""Forms of the assessment pages: they parse and type what a person typed; the services decide
whether it may be done."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cometa.accounts.models import Organisation
from cometa.core.errors import ValidationFailed
from cometa.scorecards.models import (
    ActionPoint,
    ActionStatus,
    AssessmentKind,
    AssessmentStatus,
    Cycle,
    EvidenceCategory,
    FrameworkVersion,
)
from cometa.scorecards.records.services import ActionContent
from cometa.scorecards.report_import import source
from cometa.scorecards.web.pages import year_label


def textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def offer(field: forms.Field, offered: Iterable[Any], blank: str = "---------") -> None:
    """Lists only ``offered`` in a model choice field that validates against a wider
    queryset: a choice the person may see but not act on is refused by the service (403)."""
    assert isinstance(field, forms.ModelChoiceField)
    field.widget.choices = [("", blank), *((item.pk, str(item)) for item in offered)]


class PageForm(forms.Form):
    """A form that shares a page with others: its element ids carry ``id_prefix`` so that
    two forms with a field of the same name never share an id."""

    id_prefix = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if self.id_prefix:
            kwargs.setdefault("auto_id", f"id_{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


# --- the list and starting an assessment ------------------------------------------------------


class AssessmentFilterForm(PageForm):
    id_prefix = "filter"
    q = forms.CharField(
        label=_("Team or country code"),
        required=False,
        max_length=100,
        widget=forms.SearchInput,
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *AssessmentStatus.choices],
    )

    def __init__(self, *args: Any, years: Iterable[int] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["year"].choices = [("", _("Any year")), *((y, str(y)) for y in years)]

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"query": data["q"].strip(), "year": data["year"], "status": data["status"]}


class AssessmentCreateForm(PageForm):
    id_prefix = "start"
    organisation = forms.ModelChoiceField(
        label=_("Country team"), queryset=Organisation.objects.none()
    )
    framework = forms.ModelChoiceField(
        label=_("Framework version"), queryset=FrameworkVersion.objects.none()
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label=_("Kind"), choices=AssessmentKind.choices)
    cycle = forms.ModelChoiceField(
        label=_("Cooperation Framework cycle"),
        queryset=Cycle.objects.none(),
        required=False,
        help_text=_("Optional. The cycle must belong to the team and include the year."),
    )

    def __init__(
        self,
        *args: Any,
        teams: QuerySet[Organisation],
        offered: QuerySet[Organisation],
        frameworks: QuerySet[FrameworkVersion],
        cycles: QuerySet[Cycle],
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("initial", {"year": timezone.now().year, "kind": AssessmentKind.ANNUAL})
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["organisation"].queryset = teams
        offer(fields["organisation"], offered)
        fields["framework"].queryset = frameworks
        swap = next((f for f in frameworks if f.identifier == "unct-swap"), None)
        if swap is not None:
            self.initial.setdefault("framework", swap.pk)
        fields["cycle"].queryset = cycles
        if len(offered) == 1:
            self.initial.setdefault("organisation", offered[0].pk)


class ImportForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Country team"), queryset=Organisation.objects.none()
    )
    file = forms.FileField(
        label=_("Report file"),
        help_text=_(
            "The annual progress report saved as plain text (.txt, UTF-8). Importing the same "
            "file again changes nothing."
        ),
    )

    def __init__(
        self,
        *args: Any,
        teams: QuerySet[Organisation],
        offered: QuerySet[Organisation],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["organisation"].queryset = teams
        offer(fields["organisation"], offered)
        fields["file"].widget.attrs["accept"] = ".txt,text/plain"
        if len(offered) == 1:
            self.initial.setdefault("organisation", offered[0].pk)

    def clean_file(self) -> tuple[str, str]:
        """(file name, text): the upload read as UTF-8, within the size limit."""
        upload = self.cleaned_data["file"]
        name = upload.name or "report.txt"
        try:
            return name, source.read_report(upload, name=name, size=upload.size)
        except ValidationFailed as refused:
            raise forms.ValidationError(refused.errors["file"][0]) from None


# --- the assessment page ----------------------------------------------------------------------


class TextForm(PageForm):
    id_prefix = "text"
    process_text = forms.CharField(
        label=_("The process"),
        required=False,
        widget=textarea(6),
        help_text=_(
            "How the assessment was done, why these indicators were reassessed, the role of the "
            "inter-agency team and of the country team."
        ),
    )
    context_text = forms.CharField(
        label=_("Country context and other comments"), required=False, widget=textarea(4)
    )
    text_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class TeamMemberForm(PageForm):
    id_prefix = "member"
    name = forms.CharField(label=_("Name"), max_length=150)
    entity = forms.CharField(
        label=_("UN entity"), max_length=80, help_text=_("For example UNDP, UN Women, RCO.")
    )
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    is_coordinator = forms.BooleanField(label=_("Coordinator of the team"), required=False)


class WorkflowForm(PageForm):
    step = forms.ChoiceField(
        choices=[
            ("submit", _("Submit for review")),
            ("start_review", _("Start the review")),
            ("return", _("Return with comments")),
            ("approve", _("Approve")),
            ("unapprove", _("Withdraw the approval")),
            ("publish", _("Publish")),
        ],
        widget=forms.HiddenInput,
    )
    comment = forms.CharField(label=_("What needs to change"), required=False, widget=textarea())


class CommentForm(PageForm):
    id_prefix = "comment"
    indicator_code = forms.ChoiceField(label=_("About"), required=False)
    text = forms.CharField(label=_("Comment"), widget=textarea())

    def __init__(self, *args: Any, indicators: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator_code"].choices = [  # type: ignore[attr-defined]
            ("", _("The whole assessment")),
            *indicators,
        ]


class ActionForm(PageForm):
    id_prefix = "action"
    indicator_code = forms.ChoiceField(label=_("Primary indicator"))
    text = forms.CharField(label=_("Action point"), widget=textarea())
    responsible = forms.CharField(label=_("Responsible entities"), max_length=300, required=False)
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def __init__(
        self,
        *args: Any,
        indicators: list[tuple[str, str]],
        years: list[str],
        action: ActionPoint | None = None,
        **kwargs: Any,
    ) -> None:
        if action is not None:
            kwargs.setdefault(
                "initial",
                {
                    "indicator_code": action.indicator_code,
                    "text": action.text,
                    "responsible": action.responsible,
                    "due_date": action.due_date,
                    "status": action.status,
                    "version": action.version,
                    **{f"progress-{k}": v for k, v in action.progress.items()},
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["indicator_code"].choices = indicators  # type: ignore[attr-defined]
        self.fields["version"].required = action is not None  # a change says what it read
        self.years = years
        for key in years:
            self.fields[f"progress-{key}"] = forms.CharField(
                label=_("What was done in %(year)s") % {"year": year_label(key)},
                required=False,
                widget=textarea(2),
            )

    def values(self) -> ActionContent:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        progress = {key: data.pop(f"progress-{key}").strip() for key in self.years}
        return ActionContent(**data, progress={k: v for k, v in progress.items() if v})


class EvidenceFields(PageForm):
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    indicator_code = forms.ChoiceField(label=_("Indicator"), required=False)
    category = forms.ChoiceField(label=_("Category"), choices=EvidenceCategory.choices)
    shared = forms.BooleanField(label=_("Share in the knowledge hub"), required=False)

    def __init__(self, *args: Any, indicators: list[tuple[str, str]], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"category": EvidenceCategory.VERIFICATION})
        super().__init__(*args, **kwargs)
        self.fields["indicator_code"].choices = [  # type: ignore[attr-defined]
            ("", _("The whole assessment")),
            *indicators,
        ]


class EvidenceUploadForm(EvidenceFields):
    id_prefix = "upload"
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, Excel, PowerPoint, PNG, JPEG or plain text; checked by content."),
    )
    field_order = ["file", "title", "indicator_code", "category", "shared"]


class EvidenceLinkForm(EvidenceFields):
    id_prefix = "link"
    url = forms.CharField(
        label=_("Link"),
        max_length=500,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
    field_order = ["url", "title", "indicator_code", "category", "shared"]
