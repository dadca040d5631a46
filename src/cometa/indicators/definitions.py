"""Indicator definitions as plain data: what an indicator measures and how, and the rules a
definition must follow. No database here; ``store.definition_save`` keeps them.

A definition is *versioned*. A change of meaning (measure, direction, unit, the English
definition, numerator or denominator, the dimensions) needs a new version, so every value
stored under the old version keeps the meaning it was entered or computed with. Other
changes (titles, translations, references, the gender-sensitivity note) correct the current
version in place: :func:`meaning_changes` tells which is which.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cometa.indicators.texts import Text

__all__ = [
    "CODE",
    "MEANING",
    "MEANING_TEXTS",
    "VOCABULARIES",
    "Definition",
    "Direction",
    "Measure",
    "Reference",
    "definition_problems",
    "meaning_changes",
]

#: An indicator code: letters, digits and ``. _ -``, starting with a letter or digit.
CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,59}")


class Measure(IntEnum):
    """IATI 2.03 IndicatorMeasure."""

    UNIT = 1
    PERCENTAGE = 2
    NOMINAL = 3
    ORDINAL = 4
    QUALITATIVE = 5

    @property
    def is_numeric(self) -> bool:
        return self is not Measure.QUALITATIVE

    @property
    def adds_up(self) -> bool:
        """Whether parts add up to the total (counts do; shares, scales and texts do not)."""
        return self is Measure.UNIT


class Direction(StrEnum):
    """Whether a higher value is better (ascending) or worse (descending); IATI's @ascending."""

    ASCENDING = "ascending"
    DESCENDING = "descending"


#: Vocabularies of references: IATI's IndicatorVocabulary codes plus two of our own.
VOCABULARIES = {
    "1": gettext_lazy("WHO Registry"),
    "2": gettext_lazy("Sphere Handbook"),
    "3": gettext_lazy("US Foreign Assistance Framework"),
    "4": gettext_lazy("World Bank World Development Indicators"),
    "5": gettext_lazy("UN Millennium Development Goals Indicators"),
    "6": gettext_lazy("UNOCHA Humanitarian Response Indicators"),
    "7": gettext_lazy("HIV/AIDS Indicator Registry"),
    "8": gettext_lazy("Harmonized Indicators for Private Sector (HIPSO)"),
    "9": gettext_lazy("UN Sustainable Development Goals (SDG) Indicators"),
    "99": gettext_lazy("Reporting Organisation"),
    "sdg-target": gettext_lazy("UN Sustainable Development Goals (SDG) Targets"),
    "cf": gettext_lazy("Cooperation Framework indicator"),
}
_CODE_SHAPES = {
    "9": re.compile(r"\d{1,2}\.[0-9a-z]{1,2}\.\d{1,2}"),  # 5.2.1
    "sdg-target": re.compile(r"\d{1,2}\.[0-9a-z]{1,2}"),  # 5.2, 5.a
}


@dataclass(frozen=True, order=True)
class Reference:
    """The same indicator in another list: an SDG indicator or target, a Cooperation
    Framework indicator, ... ``uri`` points at its description when there is one."""

    vocabulary: str
    code: str
    uri: str = ""


@dataclass(frozen=True)
class Definition:
    code: str
    title: Text
    definition: Text
    measure: Measure
    direction: Direction | None = None
    unit: str = ""
    numerator: Text | None = None
    denominator: Text | None = None
    dimensions: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    gender_sensitive: bool = False
    gender_note: Text | None = None  # why it is (or is not) gender-sensitive

    def normalised(self) -> Definition:
        """The same definition with dimensions and references in a stable order."""
        return Definition(
            **{
                **self.__dict__,
                "dimensions": tuple(sorted(set(self.dimensions))),
                "references": tuple(sorted(set(self.references))),
            }
        )


#: The fields whose change alters what a stored value means; for texts, their English.
MEANING = ("measure", "direction", "unit", "dimensions")
MEANING_TEXTS = ("definition", "numerator", "denominator")


def _english(text: Text | None) -> str:
    return text.en.strip() if text else ""


def meaning_changes(old: Definition, new: Definition) -> list[str]:
    """The fields whose change needs a new version (empty: the change is a correction)."""
    old, new = old.normalised(), new.normalised()
    changed = [name for name in MEANING if getattr(old, name) != getattr(new, name)]
    changed += [
        name
        for name in MEANING_TEXTS
        if _english(getattr(old, name)) != _english(getattr(new, name))
    ]
    return changed


def _text_problems(definition: Definition) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    if not CODE.fullmatch(definition.code):
        problems["code"] = [
            _("Use letters, digits, dots, hyphens and underscores (at most 60), like SDG-5.2.1.")
        ]
    if not definition.title.en.strip():
        problems["title"] = [_("Give the title in English at least.")]
    if not definition.definition.en.strip():
        problems["definition"] = [_("Say in English at least what the indicator measures.")]
    return problems


def _measure_problems(definition: Definition) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    has_numerator, has_denominator = bool(definition.numerator), bool(definition.denominator)
    if definition.measure is Measure.PERCENTAGE and not (has_numerator and has_denominator):
        problems["numerator"] = [_("A percentage needs its numerator and its denominator.")]
    elif has_numerator != has_denominator:
        problems["denominator" if has_numerator else "numerator"] = [
            _("A rate needs both its numerator and its denominator.")
        ]
    qualitative = definition.measure is Measure.QUALITATIVE
    if qualitative and (definition.unit or definition.direction or has_numerator):
        problems["measure"] = [
            _("A qualitative indicator has no unit, direction, numerator or denominator.")
        ]
    return problems


def _reference_problems(references: tuple[Reference, ...]) -> list[str]:
    problems = []
    for reference in references:
        shape = _CODE_SHAPES.get(reference.vocabulary)
        if reference.vocabulary not in VOCABULARIES:
            problems.append(
                _("%(vocabulary)s is not a known vocabulary (known: %(known)s).")
                % {"vocabulary": reference.vocabulary, "known": ", ".join(VOCABULARIES)}
            )
        elif not reference.code.strip() or (shape and not shape.fullmatch(reference.code)):
            problems.append(
                _("%(code)s is not a code of the vocabulary %(vocabulary)s.")
                % {"code": repr(reference.code), "vocabulary": VOCABULARIES[reference.vocabulary]}
            )
    pairs = [(item.vocabulary, item.code) for item in references]
    if len(set(pairs)) != len(pairs):
        problems.append(_("The same reference is listed twice."))
    return problems


def definition_problems(
    definition: Definition, *, known_dimensions: Collection[str]
) -> dict[str, list[str]]:
    """What is wrong with a definition, by field; empty when it can be saved."""
    problems = _text_problems(definition) | _measure_problems(definition)
    unknown = sorted(set(definition.dimensions) - set(known_dimensions))
    if unknown:
        problems["dimensions"] = [
            _("Unknown dimensions: %(unknown)s.") % {"unknown": ", ".join(unknown)}
        ]
    if reference_problems := _reference_problems(definition.references):
        problems["references"] = reference_problems
    if definition.gender_sensitive and not definition.gender_note:
        problems["gender_note"] = [_("Say why the indicator is gender-sensitive.")]
    return problems
