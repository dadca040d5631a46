"""The shell's registry: how modules plug into the shell without the shell knowing them.

Each module (accounts, scorecards, and the modules that come after) fills the registry in
its ``AppConfig.ready()`` with one :class:`Module`: its routes (web and API), its entries
in the navigation, its cards on the landing page ("waiting for you" lists and role
cards) and its search. The shell (``core.web``), the root URL configuration and the
permission-matrix tests read the registry; ``core`` imports no module.

A person here is whatever ``request.user`` is: the shell never looks inside it, it only
hands it back to the module's own functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.urls import URLPattern, URLResolver, include, path
from django.utils.functional import Promise

Person = Any  # the signed-in person; only modules look inside it
Text = str | Promise  # a string or a lazy translation


def _always(person: Person) -> bool:
    return True


@dataclass(frozen=True)
class NavEntry:
    """A link in the main navigation, shown to the people ``visible`` admits."""

    label: Text
    url_name: str
    order: int = 100
    visible: Callable[[Person], bool] = _always
    # The paths under which this entry is the current page (longest prefix wins).
    paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    note: str = ""  # a muted remark after the link, such as a status


@dataclass(frozen=True)
class Card:
    """A card on the landing page: a heading, an optional sentence, a list of links and a
    link to everything when the list is cut short."""

    key: str  # unique on the page: used for ids
    title: str
    text: str = ""
    links: tuple[Link, ...] = ()
    more: Link | None = None
    order: int = 100


@dataclass(frozen=True)
class SearchHit:
    kind: str  # what was found, in words: "Assessment", "Organisation"
    title: str
    url: str
    note: str = ""


CardSource = Callable[[Person], Iterable[Card]]
SearchSource = Callable[[Person, str, int], Iterable[SearchHit]]
# Suggested ratings for an assessment from another module's data, ``(person, assessment) ->
# suggestions``: the shell and scorecards never know where they come from (``cometa.links``
# registers the providers). Each provider reads only what the person may see.
SuggestionSource = Callable[[Person, Any], Iterable[Any]]
# The address of a row named in the audit trail, ``(person, object id) -> url``, or ``None``
# when the person may not open it (or it is gone).
ObjectLink = Callable[[Person, str], "str | None"]


@dataclass(frozen=True)
class Routes:
    """A URL configuration module mounted at ``prefix`` ("" for the root)."""

    prefix: str
    urlconf: str  # dotted path, imported lazily when the URLs are first resolved
    namespace: str | None = None


@dataclass(frozen=True)
class Module:
    key: str
    label: Text
    web: tuple[Routes, ...] = ()
    api: tuple[Routes, ...] = ()  # mounted under api/v1/
    navigation: tuple[NavEntry, ...] = ()
    cards: tuple[CardSource, ...] = ()
    search: SearchSource | None = None
    # What each audit action code this module writes means, in words ("assessment.submit" ->
    # "Submitted the assessment"), and how to link the rows its entries name, by object
    # type ("scorecards.assessment").
    audit_actions: dict[str, Text] = field(default_factory=dict)
    object_links: dict[str, ObjectLink] = field(default_factory=dict)
    # Providers of suggested scorecard ratings (see ``SuggestionSource``).
    rating_suggestions: tuple[SuggestionSource, ...] = ()


@dataclass
class Registry:
    modules: dict[str, Module] = field(default_factory=dict)

    def register(self, module: Module) -> None:
        if module.key in self.modules:
            raise ValueError(f"module {module.key!r} is registered twice")
        self.modules[module.key] = module

    def url_patterns(self) -> list[URLPattern | URLResolver]:
        """API routes first (their prefix is the most specific), then the pages."""
        found: list[URLPattern | URLResolver] = []
        for module in self.modules.values():
            for routes in module.api:
                found.append(path(f"api/v1/{routes.prefix}", _include(routes)))
        for module in self.modules.values():
            for routes in module.web:
                found.append(path(routes.prefix, _include(routes)))
        return found

    def navigation(self, person: Person) -> list[NavEntry]:
        entries = [e for m in self.modules.values() for e in m.navigation if e.visible(person)]
        return sorted(entries, key=lambda entry: entry.order)

    def cards(self, person: Person) -> list[Card]:
        found = [
            card for m in self.modules.values() for source in m.cards for card in source(person)
        ]
        return sorted(found, key=lambda card: card.order)

    def audit_action(self, code: str) -> Text | None:
        """The words for an audit action code, or ``None`` when no module names it."""
        for module in self.modules.values():
            if code in module.audit_actions:
                return module.audit_actions[code]
        return None

    def object_link(self, person: Person, object_type: str, object_id: str) -> str | None:
        """The address of an audited row, if a module links it and the person may open it."""
        for module in self.modules.values():
            link = module.object_links.get(object_type)
            if link is not None and object_id:
                return link(person, object_id)
        return None

    def rating_suggestions(self, person: Person, assessment: Any) -> list[Any]:
        """Every registered provider's suggestions for ``assessment``, as the person sees them."""
        return [
            found
            for module in self.modules.values()
            for source in module.rating_suggestions
            for found in source(person, assessment)
        ]

    def search(self, person: Person, query: str, limit: int) -> list[SearchHit]:
        hits: list[SearchHit] = []
        for module in self.modules.values():
            if module.search is not None:
                hits.extend(module.search(person, query, limit))
        return hits


def current_entry(entries: Iterable[NavEntry], request_path: str) -> NavEntry | None:
    """The entry whose declared path is the longest prefix of ``request_path``."""
    best: tuple[int, NavEntry | None] = (-1, None)
    for entry in entries:
        for prefix in entry.paths:
            matches = request_path == prefix if prefix == "/" else request_path.startswith(prefix)
            if matches and len(prefix) > best[0]:
                best = (len(prefix), entry)
    return best[1]


def _include(routes: Routes) -> tuple[Any, str | None, str | None]:
    if routes.namespace:
        return include((routes.urlconf, routes.namespace), namespace=routes.namespace)
    return include(routes.urlconf)


registry = Registry()
