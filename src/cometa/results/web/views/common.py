"""What the results pages share: the interface language, the refusal of a change to a
person who only reads, and the error summary's entries."""

from __future__ import annotations

from django.forms import Form
from django.utils import translation
from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor
from cometa.accounts.models import Organisation
from cometa.core.errors import NotPermitted
from cometa.results import access


def language() -> str:
    """The interface language as a text language ("en", "es", "ru")."""
    return (translation.get_language() or "en").split("-")[0]


def require_edit(person: Actor, office: Organisation) -> None:
    """Refuses (403) before reading a form: someone who reads the office but may not
    change it learns that whatever they sent."""
    if not access.may_edit(person, office):
        raise NotPermitted(_("Only the office's editors may change its results."))


def error_summary(*forms: Form) -> list[tuple[str, str]]:
    """(message naming its field, id of the field or "") for every error of these forms."""
    found = []
    for form in forms:
        if not form.is_bound:
            continue
        for name, messages in form.errors.items():
            if name == "__all__" or name not in form.fields:
                found += [(str(message), "") for message in messages]
                continue
            field = form[name]
            found += [
                (
                    _("%(field)s: %(message)s") % {"field": field.label, "message": message},
                    field.id_for_label,
                )
                for message in messages
            ]
    return found
