"""The form of the indicator page: one field per criterion, grouped by level, the numeric
inputs, the agreed rating and its reasons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.forms import BoundField
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from cometa.core.errors import ServiceError, ValidationFailed
from cometa.core.web.pages import form_error
from cometa.scorecards.assessments.services import IndicatorValues
from cometa.scorecards.frameworks.model import Indicator
from cometa.scorecards.frameworks.rule_words import amount
from cometa.scorecards.frameworks.shown import plain
from cometa.scorecards.models import IndicatorAssessment
from cometa.scorecards.web.forms import textarea
from cometa.scorecards.web.pages import LevelCriteria
from cometa.scorecards.web.rating_panel import criterion_anchor

ANSWERS = [
    ("met", _("Met")),
    ("not_met", _("Not met")),
    ("unknown", _("Not known")),
]

# --- the indicator page -----------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionFields:
    id: str
    letter: str
    text: str
    answer: BoundField
    finding: BoundField

    @property
    def anchor(self) -> str:
        return criterion_anchor(self.id)

    @property
    def answer_label(self) -> str:
        value = self.answer.value() or "unknown"
        return str(dict(ANSWERS).get(value, value))


@dataclass(frozen=True)
class LevelSection:
    key: str
    label: str
    rule: str
    criteria: list[CriterionFields]


class IndicatorForm(forms.Form):
    """One indicator's answers, findings, inputs and agreed rating, built from its
    definition. Criterion and input fields are named ``answer-<id>``, ``finding-<id>``
    and ``input-<key>``."""

    reassessed = forms.BooleanField(label=_("Reassessed this year"), required=False)
    agreed_level = forms.ChoiceField(
        label=_("Agreed rating"),
        required=False,
        help_text=_("Leave as computed unless the team agreed on another rating."),
    )
    difference_reason = forms.CharField(
        label=_("Why the agreed rating differs from the computed one"),
        required=False,
        widget=textarea(),
    )
    justification = forms.CharField(
        label=_("Justification"),
        required=False,
        widget=textarea(6),
        help_text=_("Findings and explanation for the rating, as the report gives them."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    # The level a lower rating was confirmed for (the confirmation step's checkbox).
    confirm_drop = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        indicator: Indicator,
        levels: list[LevelCriteria],
        level_labels: dict[str, str],
        row: IndicatorAssessment,
        language: str,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("initial", _initial(indicator, row))
        super().__init__(*args, **kwargs)
        self.indicator, self.levels = indicator, levels
        self.fields["agreed_level"].choices = [  # type: ignore[attr-defined]
            ("", _("As computed")),
            *level_labels.items(),
        ]
        self._add_criterion_fields(level_labels)
        self._add_input_fields(language)

    def _add_criterion_fields(self, level_labels: dict[str, str]) -> None:
        """An answer and a findings field per criterion."""
        for criterion in self.indicator.criteria:
            self.fields[f"answer-{criterion.id}"] = forms.ChoiceField(
                label=criterion.letter,
                choices=ANSWERS,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"finding-{criterion.id}"] = forms.CharField(
                label=_("Findings for %(level)s (%(letter)s)")
                % {
                    "level": level_labels.get(criterion.level, criterion.level),
                    "letter": criterion.letter,
                },
                required=False,
                widget=textarea(2),
            )

    def _add_input_fields(self, language: str) -> None:
        """A number field per input, bounded as the framework bounds it; its messages say
        the bound in words ("at most 100 %")."""
        for item in self.indicator.inputs:
            step = "1" if item.kind == "count" else "any"
            low, high = amount(item.min, item.kind), amount(item.max, item.kind)
            self.fields[f"input-{item.key}"] = forms.FloatField(
                label=plain(item.label, language),
                required=False,
                min_value=item.min,
                max_value=item.max,
                help_text=_("From %(min)s to %(max)s.") % {"min": low, "max": high},
                widget=forms.NumberInput(attrs={"step": step}),
                error_messages={  # Django formats these with %: a literal % is doubled
                    "min_value": (_("at least %(value)s") % {"value": low}).replace("%", "%%"),
                    "max_value": (_("at most %(value)s") % {"value": high}).replace("%", "%%"),
                    "invalid": _("a number, such as 42 or 12.5"),
                },
            )

    def summary(self) -> list[tuple[str, str]]:
        """(message, id to link to) for every error, each message naming its field
        ("Share of budget: at most 100 %"), for the summary at the top of the page."""
        found = []
        for name, messages in self.errors.items():
            field = self.fields.get(name)
            if name == "__all__" or field is None or isinstance(field.widget, forms.HiddenInput):
                found += [(str(message), "") for message in messages]
                continue
            label, target = self._named(name)
            found += [(f"{label}: {message}", target) for message in messages]
        return found

    def _named(self, name: str) -> tuple[str, str]:
        """A field's name for people, and the id of the element to go to."""
        if name.startswith("answer-"):
            criterion = self.indicator.criterion(name.removeprefix("answer-"))
            text = Truncator(self._criterion_text(criterion.id)).chars(60)
            return f"({criterion.letter}) {text}", f"{self[name].auto_id}_0"
        return str(self.fields[name].label), self[name].id_for_label

    def _criterion_text(self, criterion_id: str) -> str:
        for level in self.levels:
            for cid, _letter, text in level.criteria:
                if cid == criterion_id:
                    return text
        return criterion_id

    @property
    def sections(self) -> list[LevelSection]:
        return [
            LevelSection(
                level.key,
                level.label,
                level.rule,
                [
                    CriterionFields(
                        cid, letter, text, self[f"answer-{cid}"], self[f"finding-{cid}"]
                    )
                    for cid, letter, text in level.criteria
                ],
            )
            for level in self.levels
        ]

    @property
    def input_fields(self) -> list[BoundField]:
        return [self[f"input-{item.key}"] for item in self.indicator.inputs]

    def answers(self) -> dict[str, str]:
        return {
            c.id: self.cleaned_data.get(f"answer-{c.id}") or "unknown"
            for c in self.indicator.criteria
        }

    def findings(self) -> dict[str, str]:
        return {c.id: self.cleaned_data.get(f"finding-{c.id}", "") for c in self.indicator.criteria}

    def inputs(self) -> dict[str, float | None]:
        return {i.key: self.cleaned_data.get(f"input-{i.key}") for i in self.indicator.inputs}

    @property
    def expected_version(self) -> int:
        """The version of the row the person saw when the page was made."""
        return int(self.cleaned_data["version"])

    def values(self) -> IndicatorValues:
        data = self.cleaned_data
        return IndicatorValues(
            reassessed=data["reassessed"],
            answers=self.answers(),
            findings=self.findings(),
            inputs=self.inputs(),
            agreed_level=data["agreed_level"],
            difference_reason=data["difference_reason"],
            justification=data["justification"],
        )

    def refuse(self, error: ServiceError) -> None:
        """Shows a service's refusal next to the field it names (``inputs.<key>`` is the
        field ``input-<key>``; answers and findings problems go above the form)."""
        if isinstance(error, ValidationFailed):
            error = ValidationFailed(
                {_field_of(key): v for key, v in error.errors.items()},
                code=error.code,
            )
        form_error(self, error)


def _field_of(key: str) -> str:
    """The form field a service's error key is about: ``inputs.<key>`` is ``input-<key>``,
    ``answers.<id>`` is ``answer-<id>``."""
    for prefix, field in (("inputs.", "input-"), ("answers.", "answer-")):
        if key.startswith(prefix):
            return field + key.removeprefix(prefix)
    return key


def _initial(indicator: Indicator, row: IndicatorAssessment) -> dict[str, Any]:
    """The form's values from the stored row."""
    initial: dict[str, Any] = {
        "reassessed": row.reassessed,
        # A carried rating is not an agreement about this year's answers.
        "agreed_level": row.agreed_level
        if row.reassessed and row.agreed_level != row.computed_level
        else "",
        "difference_reason": row.difference_reason,
        "justification": row.justification,
        "version": row.version,
    }
    for criterion in indicator.criteria:
        initial[f"answer-{criterion.id}"] = row.answers.get(criterion.id, "unknown")
        initial[f"finding-{criterion.id}"] = row.findings.get(criterion.id, "")
    for item in indicator.inputs:
        initial[f"input-{item.key}"] = row.inputs.get(item.key)
    return initial
