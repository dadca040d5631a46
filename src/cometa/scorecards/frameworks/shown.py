"""A framework text in the reader's language, falling back to English visibly.

Frameworks carry their texts in English and, where written, Spanish and Russian
(:class:`~cometa.scorecards.frameworks.model.Text`). A page shows :func:`shown`: a string that
templates render as the text itself, or, when the reader's language has no translation, as
``<span lang="en">text</span> <span class="in-english">(in English)</span>``, so the reader knows
why it is not in their language and screen readers pronounce it as English. Files (PDF, Word,
CSV, XLSX) take :func:`plain`, the same text with the marker in brackets.
"""

from __future__ import annotations

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from cometa.scorecards.frameworks.model import Text

__all__ = ["Shown", "plain", "shown"]


class Shown(str):
    """A text as shown to one reader; ``fallback`` when it is the English text standing in for
    a missing translation, ``ours`` when it is our translation awaiting checking."""

    fallback: bool
    ours: bool

    def __new__(cls, text: str, *, fallback: bool = False, ours: bool = False) -> Shown:
        made = super().__new__(cls, text)
        made.fallback = fallback
        made.ours = ours
        return made

    def __html__(self) -> SafeString:
        if not self.fallback:
            return escape(str(self))
        return format_html(
            '<span lang="en">{}</span> <span class="in-english">({})</span>',
            str(self),
            _("in English"),
        )


def shown(text: Text, language: str) -> Shown:
    """``text`` in ``language``, or its English text marked as a fallback."""
    if text.has(language):
        return Shown(text.get(language), ours=text.is_ours(language))
    return Shown(text.en, fallback=True)


def plain(text: Text, language: str) -> str:
    """``text`` in ``language`` for a file: the English text followed by "(in English)" when
    there is no translation."""
    if text.has(language):
        return text.get(language)
    return f"{text.en} ({_('in English')})"
