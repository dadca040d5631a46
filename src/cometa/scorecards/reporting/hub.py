"""The knowledge hub: evidence and good practices that country teams chose to share.

Open to every signed-in member of a country team (or of an organisation inside one),
to reviewers and to platform administrators; anyone else is told there is no page.
Only evidence marked ``shared`` ever appears: a good practice that its team did not
share stays with the team.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.urls import NoReverseMatch, reverse

from cometa.accounts.models import Person
from cometa.scorecards.assessments.access import may_use_hub
from cometa.scorecards.models import Evidence
from cometa.scorecards.records.selectors import shared_evidence
from cometa.scorecards.reporting.aggregate import sorted_codes

DOWNLOAD_ROUTE = "scorecards:evidence-download"


def require_hub(person: Person) -> None:
    if not may_use_hub(person):
        raise Http404("No such page.")


@dataclass(frozen=True)
class HubQuery:
    text: str = ""
    indicator: str = ""
    country: str = ""
    good_practice: bool = False


def hub_search(person: Person, query: HubQuery) -> QuerySet[Evidence]:
    """Shared evidence matching the query, newest first."""
    require_hub(person)
    rows = shared_evidence().select_related("assessment__organisation")
    if query.text.strip():
        rows = rows.filter(title__icontains=query.text.strip())
    if query.indicator:
        rows = rows.filter(indicator_code=query.indicator)
    if query.country:
        rows = rows.filter(assessment__organisation__country__iexact=query.country)
    if query.good_practice:
        rows = rows.filter(is_good_practice=True)
    return rows.order_by("-created_at", "-id")


def hub_item(person: Person, pk: object) -> Evidence:
    """One shared evidence item, for anyone allowed in the hub; anything else answers 404."""
    require_hub(person)
    try:
        return shared_evidence().select_related("assessment__organisation").get(pk=int(str(pk)))
    except (Evidence.DoesNotExist, ValueError):
        raise Http404("No such evidence.") from None


def indicator_choices() -> list[str]:
    codes = (
        shared_evidence()
        .exclude(indicator_code="")
        .order_by()
        .values_list("indicator_code", flat=True)
        .distinct()
    )
    return sorted_codes(codes)


def country_choices() -> list[str]:
    countries = (
        shared_evidence()
        .exclude(assessment__organisation__country="")
        .order_by()
        .values_list("assessment__organisation__country", flat=True)
        .distinct()
    )
    return sorted(set(countries))


def download_url(evidence: Evidence) -> str | None:
    """Where the evidence can be fetched: the download page of an uploaded file (when that
    route exists), the link of a linked document, or None (a document named only)."""
    if evidence.stored_name:
        for args in ((evidence.pk,), (evidence.assessment_id, evidence.pk)):
            try:
                return reverse(DOWNLOAD_ROUTE, args=args)
            except NoReverseMatch:
                continue
        return None
    if evidence.url.startswith(("https://", "http://")):
        return evidence.url
    return None
