"""A text in the three languages of the platform."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

LANGUAGES = ("en", "es", "ru")


@dataclass(frozen=True)
class Text:
    """A text in English (always) and, where written, Spanish and Russian."""

    en: str
    es: str = ""
    ru: str = ""

    def get(self, language: str) -> str:
        """The text in ``language`` ("en", "es" or "ru"), falling back to English."""
        found: str = getattr(self, language, "") if language in LANGUAGES else ""
        return found or self.en

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def of(cls, data: Mapping[str, str] | None) -> Text | None:
        """From a mapping of language to text; None when it has no English text."""
        if not data or not str(data.get("en", "")).strip():
            return None
        return cls(**{lang: str(data.get(lang, "")).strip() for lang in LANGUAGES})
