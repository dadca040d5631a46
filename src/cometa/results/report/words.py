"""How the report writes numbers, disaggregations and assessments in the reader's
language. Each function expects to run inside ``translation.override`` of that language."""

from __future__ import annotations

import re
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from cometa.indicators.disaggregation import parse_key
from cometa.indicators.texts import LANGUAGES
from cometa.results.facts import figure_in_text
from cometa.results.models import PartnerKind
from cometa.results.report.data import ReportData, ValueRow
from cometa.results.scales import Progress

DASH = "—"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^a-z\s])")


def check_language(lang: str) -> str:
    """``lang`` if a report can be written in it; ``ValueError`` otherwise."""
    if lang not in LANGUAGES:
        raise ValueError(f"Reports are written in {', '.join(LANGUAGES)}, not {lang!r}")
    return lang


def plain_number(value: Decimal) -> int | float:
    """A stored decimal as a spreadsheet number: whole numbers as integers."""
    return int(value) if value == value.to_integral_value() else float(value)


def figure(value: Decimal | None) -> str:
    """``2,763`` in English, ``2763`` or ``2 763`` as the active language groups digits."""
    if value is None:
        return DASH
    shown = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return str(formats.number_format(shown, use_l10n=True, force_grouping=True))


def shown_value(row: ValueRow | None, *, with_period: bool = False) -> str:
    """A cell as the report shows it: the number (or the text), with its period if asked."""
    if row is None:
        return DASH
    shown = figure(row.value) if row.value is not None else row.text
    return f"{shown} ({row.period})" if with_period else shown


def key_label(data: ReportData, key: str, lang: str) -> str:
    """``"Sex: Female"`` for ``sex=F``; the total for the empty key."""
    if not key:
        return _("Total")
    return "; ".join(
        f"{data.label(name, lang)}: {data.label(f'{name}={code}', lang)}"
        for name, code in parse_key(key)
    )


def progress_label(code: str) -> str:
    return str(Progress(code).label) if code in Progress.values else code


def partner_kind(code: str) -> str:
    return str(PartnerKind(code).label) if code in PartnerKind.values else code


def sentence_with(value: Decimal, text: str) -> str:
    """The first sentence of ``text`` that shows the figure ("" when none does)."""
    for sentence in _SENTENCE_END.split(text.strip()):
        if figure_in_text(value, sentence):
            return sentence.strip()
    return ""


def signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + figure(value)
