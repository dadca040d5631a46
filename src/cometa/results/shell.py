"""What the results module adds to the shell: its pages, its API routes and its navigation
entry (for people who read some office's results)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from cometa.accounts.models import Person
from cometa.core.registry import Module, NavEntry, Routes
from cometa.results import access
from cometa.results.audit_words import ACTIONS
from cometa.results.web.links import OBJECT_LINKS


def reads_some_results(person: Person) -> bool:
    """Whether the person may read some office's results: reviewers and administrators,
    and anyone with a role in an organisation (from the memberships the request has
    already read, so the entry costs no query)."""
    offices = access.readable_office_ids(person)
    return offices is None or bool(offices)


MODULE = Module(
    key="results",
    label=gettext_lazy("Results"),
    web=(Routes("results/", "cometa.results.web.urls"),),
    navigation=(
        NavEntry(gettext_lazy("Results"), "results:plans", 22, reads_some_results, ("/results/",)),
    ),
    api=(Routes("results/", "cometa.results.api.urls"),),
    audit_actions=ACTIONS,
    object_links=OBJECT_LINKS,
)
