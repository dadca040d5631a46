"""The form of the files page: a file to import into one of the person's members."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cometa.network.tabular.columns import KINDS

KIND_LABELS = {
    "participants": _("Participants"),
    "enrolments": _("Enrolments"),
    "attendance": _("Attendance"),
    "followups": _("Follow-ups"),
}


def kind_choices() -> list[tuple[str, Any]]:
    return [(kind, KIND_LABELS.get(kind, kind)) for kind in KINDS]


class ImportForm(forms.Form):
    member = forms.TypedChoiceField(label=_("Into the records of"), coerce=int)
    kind = forms.ChoiceField(label=_("Kind of file"))
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_("Fill in the template of its kind. Nothing is written if any row fails."),
    )
    dry_run = forms.BooleanField(
        label=_("Only check the file, write nothing (dry run)"), required=False, initial=True
    )

    def __init__(self, *args: Any, members: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = members  # type: ignore[attr-defined]
        self.fields["kind"].choices = kind_choices()  # type: ignore[attr-defined]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > settings.UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than the upload limit."))
        return upload
