"""API of the peer comparison and the reach gaps, with the same selectors and services as
the pages: values come from the stored run (``?run=`` a full run, else the latest),
peers are never named and only their distribution leaves; a partner's staff compare
their own centres (another partner's centre: 404); everyone inside reads the reach gaps
and the reference shares, the backbone's coordinators set them."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from cometa.accounts.acting import person_of
from cometa.core.api.inputs import valid
from cometa.network import selectors_compare
from cometa.network.access import may_manage
from cometa.network.api import serializers_compare as s
from cometa.network.api.views import TAGS, _InNetwork
from cometa.network.comparison.peers import Row
from cometa.network.comparison.reach import GROUPS, Gap
from cometa.network.indicators.store import Cell
from cometa.network.models import IndicatorRun, Site
from cometa.network.services.references import reference_clear, reference_set

RUN = OpenApiParameter(
    "run", OpenApiTypes.INT, description="a full run of the network; default: the latest"
)


def _run(run: IndicatorRun | None) -> dict[str, Any] | None:
    if run is None:
        return None
    return {"id": run.pk, "period": run.period, "computed_at": run.computed_at,
            "frozen": run.frozen}  # fmt: skip


def _cell(cell: Cell) -> dict[str, Any]:
    return {"n": cell.n, "numerator": cell.numerator, "value": cell.value}


def _site(site: Site) -> dict[str, Any]:
    return {"id": site.pk, "name": site.name, "member": str(site.member.organisation)}


def _row(row: Row) -> dict[str, Any]:
    peers = row.compared_with
    return {
        "code": row.code, "centre": _cell(row.cell),
        "compared_with": "similar" if row.against_similar else "all",
        "peers_shown": len(peers.shown), "peers_not_shown": peers.not_shown,
        "minimum": peers.minimum, "lower_quartile": peers.lower_quartile,
        "median": peers.median, "upper_quartile": peers.upper_quartile,
        "maximum": peers.maximum, "standing": row.standing.value,
        "lower_is_better": row.lower_is_better, "success": row.success,
    }  # fmt: skip


class _Stored(_InNetwork):
    def run(self) -> IndicatorRun | None:
        return selectors_compare.chosen_run(
            person_of(self.request), self.network(), self.request.query_params.get("run")
        )


class CompareSitesView(_Stored):
    serializer_class = s.NetworkCompareSitesSerializer

    @extend_schema(
        operation_id="network_compare_sites",
        tags=TAGS,
        parameters=[RUN],
        summary="The centres the person may compare with their peers",
    )
    def get(self, request: Request, pk: int) -> Response:
        sites = selectors_compare.comparable_sites(person_of(request), self.network())
        data = {"run": _run(self.run()), "sites": [_site(site) for site in sites]}
        return Response(s.NetworkCompareSitesSerializer(data).data)


class CompareSiteView(_Stored):
    serializer_class = s.NetworkComparisonSerializer

    @extend_schema(
        operation_id="network_compare_site",
        tags=TAGS,
        parameters=[RUN],
        summary="A centre against the anonymised distribution of its peers",
    )
    def get(self, request: Request, pk: int, site_pk: int) -> Response:
        person = person_of(request)
        site = selectors_compare.site_get(person, self.network(), site_pk)
        run = self.run()
        if run is None:
            return Response({"detail": "No indicator values are stored yet."}, status=404)
        found = selectors_compare.site_comparison(person, run, site)
        context = found.comparison.context
        lines = [{"code": line.code, "kind": kind, "site": _cell(line.site),
                  "network": _cell(line.network)}
                 for kind, group in (("profile", context.profile), ("response", context.response))
                 for line in group]  # fmt: skip
        return Response(s.NetworkComparisonSerializer({
            "run": _run(run), "site": _site(site), "centres": found.centres,
            "similar_peers": found.comparison.similar_peers,
            "context": {"enrolled": _cell(context.enrolled), "profile_score": context.score,
                        "network_profile_score": context.network_score,
                        "third": context.third, "lines": lines},
            "indicators": [_row(row) for row in found.comparison.rows],
            "successes": [row.code for row in found.comparison.successes],
        }).data)  # fmt: skip


def _reference(key: str, stored: Any) -> dict[str, Any] | None:
    found = stored.get(key)
    if found is None:
        return None
    return {"group": key, "share": found.share, "source": found.source, "year": found.year}


def _groups(gaps: list[Gap], stored: Any) -> list[dict[str, Any]]:
    by_group = {gap.group.key: gap for gap in gaps}
    found = []
    for group in GROUPS:
        gap = by_group.get(group.key)
        found.append({
            "key": group.key, "title": str(group.title), "recorded": group.recorded,
            "not_recorded": str(group.not_recorded) if group.not_recorded else None,
            "note": str(group.note) if group.note else None,
            "indicator": group.reach_code or None,
            "share": _cell(gap.share) if gap else None,
            "reference": _reference(group.key, stored),
            "gap": gap.gap if gap else None, "behind": bool(gap and gap.behind),
            "outcomes": [{"code": o.code, "group": _cell(o.group), "rest": _cell(o.rest),
                          "gap": o.gap} for o in (gap.outcomes if gap else ())],
        })  # fmt: skip
    return found


class ReachView(_Stored):
    serializer_class = s.NetworkReachSerializer

    @extend_schema(
        operation_id="network_reach",
        tags=TAGS,
        parameters=[RUN],
        summary="Unreached groups: shares, outcomes, reference shares",
    )
    def get(self, request: Request, pk: int) -> Response:
        found = selectors_compare.reach_gaps(person_of(request), self.network(), self.run())
        data = {"run": _run(found.run), "groups": _groups(found.gaps, found.references)}
        return Response(s.NetworkReachSerializer(data).data)


class ReferenceListView(_InNetwork):
    serializer_class = s.NetworkReferenceSerializer

    @extend_schema(
        operation_id="network_references_list",
        tags=TAGS,
        summary="The network's reference shares",
        responses=s.NetworkReferenceSerializer(many=True),
    )
    def get(self, request: Request, pk: int) -> Response:
        stored = selectors_compare.references(self.network())
        rows = [_reference(key, stored) for key in sorted(stored)]
        return Response(s.NetworkReferenceSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="network_reference_set",
        tags=TAGS,
        summary="Set a group's reference share (backbone coordinators)",
        responses={200: s.NetworkReferenceSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        network, person = self.network(), person_of(request)
        if not may_manage(person, network):
            raise PermissionDenied
        data = valid(s.NetworkReferenceSerializer, request.data)
        done = reference_set(actor=person, network=network, **data)
        stored = {done.group: done}
        return Response(s.NetworkReferenceSerializer(_reference(done.group, stored)).data)


class ReferenceView(_InNetwork):
    serializer_class = s.NetworkReferenceSerializer

    @extend_schema(
        operation_id="network_reference_delete",
        tags=TAGS,
        summary="Remove a group's reference share (backbone coordinators)",
        responses={204: None},
    )
    def delete(self, request: Request, pk: int, group: str) -> Response:
        network, person = self.network(), person_of(request)
        if not may_manage(person, network):
            raise PermissionDenied
        reference_clear(actor=person, network=network, group=group)
        return Response(status=status.HTTP_204_NO_CONTENT)
