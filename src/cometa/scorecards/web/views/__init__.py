"""The team's working pages of assessments: the list, one assessment, its indicators, its
records (team, evidence, action plan, comments), the review workflow and report import.

Each view parses a form, calls one service or selector and renders; refusals answer 403
(NotPermitted), 400 (other refusals, shown on the form), 409 (an edit conflict) or 404
(what the person may not see)."""

from __future__ import annotations

from django.forms import Form
from django.utils import translation
from django.utils.translation import gettext as _


def language() -> str:
    """The current interface language as a framework text language ("en", "es", "ru")."""
    return (translation.get_language() or "en").split("-")[0]


def error_summary(*forms: Form) -> list[tuple[str, str]]:
    """(message, id of the field it is about, or "") for every error of these forms: the
    top of a long page lists them, each linking to its field and naming it ("Year: ..."),
    since the summary is read away from the field."""
    found = []
    for form in forms:
        for name, messages in form.errors.items():
            if name == "__all__" or name not in form.fields:
                found += [(str(message), "") for message in messages]
                continue
            field = form[name]
            found += [
                (named(str(field.label), str(message)), field.id_for_label) for message in messages
            ]
    return found


def named(label: str, message: str) -> str:
    """``message`` with the name of its field in front, unless it starts with it already."""
    if not label or message.casefold().startswith(label.casefold()):
        return message
    return _("%(field)s: %(message)s") % {"field": label, "message": message}
