"""What the network adds to the shell: its routes, its navigation entry (for people inside
a network), a landing-page card of follow-ups waiting for field staff, and the search of
participants by code (see ``cometa.core.registry``)."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cometa.accounts.access import remembered
from cometa.accounts.models import Person
from cometa.core.registry import Card, Link, Module, NavEntry, Routes, SearchHit
from cometa.network import selectors
from cometa.network.access import reach
from cometa.network.audit_words import ACTIONS
from cometa.network.models import Network
from cometa.network.selectors_network import networks_for


def _reached(person: Person) -> list[Network]:
    """The networks the person reaches, read once per request (one query) for the
    navigation and the landing page's cards alike."""
    return remembered(
        person, "network.reached", lambda: list(networks_for(person).order_by("name"))
    )


def reaches_a_network(person: Person) -> bool:
    return bool(_reached(person))


def cards(person: Person) -> Iterator[Card]:
    """For the staff of a partner: how many follow-ups are open in each network."""
    today = timezone.localdate()
    links = []
    for network in _reached(person):
        if not reach(person, network).editor_of:
            continue
        count = selectors.worklist_for(person, network, today).count()
        text = ngettext(
            "%(name)s: %(count)s follow-up to do",
            "%(name)s: %(count)s follow-ups to do",
            count,
        ) % {"name": network.name, "count": count}
        links.append(Link(text, reverse("network:worklist", args=[network.pk])))
    if links:
        yield Card("network-followups", _("Follow-ups"), links=tuple(links), order=15)


def search(person: Person, query: str, limit: int) -> Iterator[SearchHit]:
    """Participants whose code starts with the query, in the networks the person reaches;
    the hit names only the code (never an identity)."""
    text = query.strip().upper()
    if len(text) < 3:
        return
    for network in _reached(person):
        rows = selectors.participants_for(person, network).filter(code__startswith=text)
        for code in rows.order_by("code").values_list("code", flat=True)[:limit]:
            url = reverse("network:participant", args=[network.pk, code])
            yield SearchHit(_("Participant"), code, url, network.name)


MODULE = Module(
    key="network",
    label=gettext_lazy("Shared measurement"),
    audit_actions=ACTIONS,
    web=(Routes("network/", "cometa.network.web.urls"),),
    api=(Routes("network/", "cometa.network.api.urls"),),
    navigation=(
        NavEntry(
            gettext_lazy("Shared measurement"),
            "network:networks",
            25,
            reaches_a_network,
            ("/network/",),
        ),
    ),
    cards=(cards,),
    search=search,
)
