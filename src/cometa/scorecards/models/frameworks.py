from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class FrameworkVersion(models.Model):
    """One published (or draft) version of a framework, kept as its YAML source.

    An assessment points at the version it was made with, so later edits of the
    criteria never change an assessment or its report.
    """

    identifier = models.CharField(_("framework"), max_length=60)
    version = models.CharField(_("version"), max_length=40)
    title = models.CharField(_("title"), max_length=200)  # in English
    # The title in the other languages the source gives, {"es": ..., "ru": ...}: the
    # framework's name in lists and headings without parsing the source.
    title_translations = models.JSONField(_("title in other languages"), default=dict, blank=True)
    source = models.TextField(_("YAML source"))
    sha256 = models.CharField(max_length=64)
    is_published = models.BooleanField(_("published"), default=False)
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["identifier", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["identifier", "version"], name="framework_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.title_in(get_language() or 'en')} ({self.version})"

    def title_in(self, language: str) -> str:
        """The framework's name in ``language`` (``"es"``, ``"es-mx"``...), else in English."""
        found = self.title_translations.get(language.split("-")[0].lower())
        return found if isinstance(found, str) and found else self.title
