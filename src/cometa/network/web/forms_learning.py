"""Forms of the learning pages: a note on a frozen snapshot, an action, its status, a
review at a meeting, and the list's filters. They only parse; the services decide.
Choices that depend on the person (snapshots, members, owners) come from the view."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cometa.network.models import LearningAction
from cometa.network.selectors_learning import NOTE_STATUSES
from cometa.network.services.learning import MOVES
from cometa.network.web.forms import DateInput
from cometa.network.web.forms_running import _Choosing, _pick, _text

STATUS_FILTERS = dict(
    zip(
        NOTE_STATUSES,
        (_("With an open action"), _("With an overdue action"), _("Nothing left open")),
        strict=True,
    )
)


class NoteFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    code = forms.ChoiceField(label=_("Indicator"), required=False)
    status = forms.ChoiceField(
        label=_("Actions"),
        required=False,
        choices=[("", _("Any")), *STATUS_FILTERS.items()],
    )

    def __init__(self, *args: object, indicators: list[tuple[str, str]], **kw: object) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self.fields["code"].choices = [("", _("Any")), *indicators]  # type: ignore[attr-defined]


class NoteForm(_Choosing):
    snapshot = _pick(_("Frozen snapshot of the indicator values"))
    codes = forms.MultipleChoiceField(
        label=_("Indicators the note is about"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    member = _pick(_("Member it concerns"), required=False)
    title = forms.CharField(label=_("Title"), max_length=200)
    text = _text(_("What we learned"), required=True, rows=6)

    def __init__(self, *args: object, indicators: list[tuple[str, str]], **kw: object) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self.fields["codes"].choices = indicators  # type: ignore[attr-defined]
        self.fields["text"].help_text = _(
            "Every partner reads the note: write no name and no participant's code."
        )


class ActionForm(_Choosing):
    text = _text(_("What to do"), required=True)
    owner = _pick(_("Owner"))
    due_on = forms.DateField(label=_("Due"), widget=DateInput)


class StatusForm(forms.Form):
    """The statuses an action may move to from ``current`` (all of them when parsing:
    the service refuses a move it does not allow)."""

    status = forms.ChoiceField(label=_("New status"), choices=LearningAction.Status.choices)
    reason = forms.CharField(label=_("Why it is dropped"), required=False, widget=forms.TextInput())

    def __init__(self, *args: object, current: str | None = None, **kw: object) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        if current is not None:
            moves = MOVES.get(current, frozenset())
            self.fields["status"].choices = [  # type: ignore[attr-defined]
                (value, label) for value, label in LearningAction.Status.choices if value in moves
            ]
            if LearningAction.Status.DROPPED not in moves:
                del self.fields["reason"]


class ReviewForm(forms.Form):
    note = forms.IntegerField(required=False, widget=forms.HiddenInput)
    action = forms.IntegerField(required=False, widget=forms.HiddenInput)
    outcome = forms.CharField(  # narrow: it sits in a card of the meeting page
        label=_("Outcome"), widget=forms.Textarea(attrs={"rows": 2, "cols": 28})
    )
    new_due_on = forms.DateField(label=_("New due date"), required=False, widget=DateInput)
