"""The form of the files page: a file to import into one of the person's members."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cometa.network.services.import_responses import KIND as RESPONSES
from cometa.network.tabular.columns import KINDS

KIND_LABELS = {
    "participants": _("Participants"),
    "enrolments": _("Enrolments"),
    "attendance": _("Attendance"),
    "followups": _("Follow-ups"),
}


def kind_choices() -> list[tuple[str, Any]]:
    return [(kind, KIND_LABELS.get(kind, kind)) for kind in KINDS]


def import_kind_choices() -> list[tuple[str, Any]]:
    """What may be imported: the template kinds, and survey responses."""
    return [*kind_choices(), (RESPONSES, _("Survey responses (a Kobo or ODK export)"))]


class ImportForm(forms.Form):
    member = forms.TypedChoiceField(label=_("Into the records of"), coerce=int)
    kind = forms.ChoiceField(label=_("Kind of file"))
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_("Fill in the template of its kind. Nothing is written if any row fails."),
    )
    instrument = forms.TypedChoiceField(
        label=_("Survey instrument"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("For survey responses: the form the answers were collected with."),
    )
    dry_run = forms.BooleanField(
        label=_("Only check the file, write nothing (dry run)"), required=False, initial=True
    )

    def __init__(
        self,
        *args: Any,
        members: list[tuple[int, str]],
        instruments: Sequence[tuple[int, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = members  # type: ignore[attr-defined]
        self.fields["kind"].choices = import_kind_choices()  # type: ignore[attr-defined]
        self.fields["instrument"].choices = [("", "—"), *instruments]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == RESPONSES and not data.get("instrument"):
            self.add_error(
                "instrument", _("Choose the instrument these answers were collected with.")
            )
        return data

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > settings.UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than the upload limit."))
        return upload
