"""What scorecards adds to the shell: its routes, navigation, the "waiting for you"
cards of the landing page and the search of assessments (see ``cometa.core.registry``)."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cometa.accounts.models import Person
from cometa.core.registry import Card, Link, Module, NavEntry, Routes, SearchHit
from cometa.scorecards import audit_words
from cometa.scorecards.assessments import access
from cometa.scorecards.assessments.worklist import worklists
from cometa.scorecards.reporting.global_view import may_see_global
from cometa.scorecards.reporting.hub import may_use_hub


def cards(person: Person) -> Iterator[Card]:
    titles = {"review": _("Waiting for review"), "finish": _("Assessments to finish")}
    for found in worklists(person):
        links = tuple(
            Link(
                f"{row.organisation.name}, {row.year}",
                reverse("scorecards:assessment", args=[row.pk]),
                row.get_status_display(),
            )
            for row in found.rows
        )
        more = None
        if found.more:
            text = ngettext(
                "All assessments (%(more)s more not shown here)",
                "All assessments (%(more)s more not shown here)",
                found.more,
            ) % {"more": found.more}
            more = Link(text, reverse("scorecards:assessments"))
        yield Card(
            f"work-{found.label_key}", titles[found.label_key], links=links, more=more, order=10
        )


def search(person: Person, query: str, limit: int) -> Iterator[SearchHit]:
    """Assessments whose team's name, country code or year matches."""
    rows = access.assessments_for(person)
    if query.isdigit():
        rows = rows.filter(year=int(query))
    else:
        rows = rows.filter(organisation__name__icontains=query) | rows.filter(
            organisation__country__iexact=query
        )
    for row in rows.order_by("-year", "organisation__name")[:limit]:
        url = reverse("scorecards:assessment", args=[row.pk])
        title = f"{row.organisation.name}, {row.year}"
        yield SearchHit(_("Assessment"), title, url, row.get_status_display())


MODULE = Module(
    key="scorecards",
    label=gettext_lazy("Scorecards"),
    web=(Routes("scorecards/", "cometa.scorecards.web.urls"),),
    api=(Routes("scorecards/", "cometa.scorecards.api.urls"),),
    navigation=(
        NavEntry(gettext_lazy("Scorecards"), "scorecards:assessments", 20, paths=("/scorecards/",)),
        NavEntry(
            gettext_lazy("Global view"),
            "scorecards:global",
            30,
            may_see_global,
            ("/scorecards/global/",),
        ),
        NavEntry(
            gettext_lazy("Knowledge hub"), "scorecards:hub", 40, may_use_hub, ("/scorecards/hub/",)
        ),
    ),
    cards=(cards,),
    search=search,
    audit_actions=audit_words.ACTIONS,
    object_links=audit_words.OBJECT_LINKS,
)
