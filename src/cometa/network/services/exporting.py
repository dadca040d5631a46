"""Exporting a kind of record as the template's file (CSV or XLSX), so that what is
exported imports back unchanged.

Rows are those the actor may read (the selectors' rules: a partner its own, the backbone
the pseudonymous records of women who consented to sharing); identities are written only
for people who may read them, and reading them is audited by the selector. The backbone,
and the system, get pseudonymous files: her code in place of her name and of the
partner's own source ids. One audit entry per export (kind, format, rows, whether
identities were in it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor, is_system
from cometa.network import selectors
from cometa.network.access import Reach, reach
from cometa.network.models import (
    Attendance,
    Enrolment,
    FollowUpTask,
    Member,
    Network,
    Participant,
)
from cometa.network.services.common import invalid, record
from cometa.network.services.import_participants import CONSENTS
from cometa.network.services.import_progress import ANSWERS
from cometa.network.services.participants import IDENTITY_FIELDS, PROFILE_FIELDS
from cometa.network.tabular import writing
from cometa.network.tabular.columns import KINDS

CHUNK = 2000


def _participants(actor: Actor, network: Network, member: Member | None) -> QuerySet[Participant]:
    rows = (
        Participant.objects.filter(network=network)
        if is_system(actor)
        else selectors.participants_for(actor, network)
    )
    return rows.filter(member=member) if member is not None else rows


def _in_scope(
    actor: Actor, network: Network, member: Member | None, rows: QuerySet[Any], to_her: str
) -> QuerySet[Any]:
    """Rows about women the actor may read; with ``member``, that member's rows about the
    women it holds now."""
    mine = _participants(actor, network, member)
    rows = rows.filter(**{f"{to_her}__in": mine.values("pk")})
    if member is not None:
        rows = rows.filter(**{f"{to_her.removesuffix('participant')}member": member})
    return rows


def _ref(person: Participant, named: bool) -> str:
    return person.source_id if named and person.source_id else person.code


def _participant_rows(
    actor: Actor, rows: QuerySet[Participant], named: bool
) -> Iterator[dict[str, Any]]:
    for start in range(0, rows.count(), CHUNK):
        chunk = list(rows.order_by("pk")[start : start + CHUNK].prefetch_related("consents"))
        who = selectors.identities_for(actor, chunk) if named else {}  # type: ignore[arg-type]
        for person in chunk:
            values: dict[str, Any] = {
                name: getattr(person, name) for name in ("code", "registered_on", *PROFILE_FIELDS)
            }
            if named:
                values |= {"source_system": person.source_system, "source_id": person.source_id}
            identity = who.get(person.pk)
            if identity is not None:
                values |= {name: getattr(identity, name) for name in IDENTITY_FIELDS}
            open_consents = {
                c.purpose: c.given_on for c in person.consents.all() if c.withdrawn_on is None
            }
            values |= {column: open_consents.get(purpose) for column, purpose in CONSENTS.items()}
            yield values


def _enrolment_rows(rows: QuerySet[Enrolment], named: bool) -> Iterator[dict[str, Any]]:
    rows = rows.select_related("participant", "cohort", "mentor").prefetch_related("exit__reasons")
    for e in rows.order_by("pk").iterator(chunk_size=CHUNK):
        exit_ = getattr(e, "exit", None)
        reasons = sorted(exit_.reasons.all(), key=lambda r: (not r.first, r.pk)) if exit_ else []
        yield {
            "participant": _ref(e.participant, named),
            "cohort": e.cohort.code,
            "enrolled_on": e.enrolled_on,
            "mentor": e.mentor.name if e.mentor else "",
            "status": e.status,
            "status_on": e.status_on,
            "exit_reasons": [r.code for r in reasons],
        }


def _attendance_rows(rows: QuerySet[Attendance], named: bool) -> Iterator[dict[str, Any]]:
    rows = rows.select_related("enrolment__participant", "session__cohort")
    for mark in rows.order_by("session__held_on", "pk").iterator(chunk_size=CHUNK):
        yield {
            "participant": _ref(mark.enrolment.participant, named),
            "cohort": mark.session.cohort.code,
            "held_on": mark.session.held_on,
            "status": mark.status,
        }


def _followup_rows(rows: QuerySet[FollowUpTask], named: bool) -> Iterator[dict[str, Any]]:
    rows = rows.select_related("enrolment__participant", "enrolment__cohort")
    for task in rows.order_by("due_on", "pk").iterator(chunk_size=CHUNK):
        yield {
            "participant": _ref(task.enrolment.participant, named),
            "cohort": task.enrolment.cohort.code,
            "round": task.round,
            "responded_on": task.responded_on,
            **{name: getattr(task, name) for name in ANSWERS},
        }


def _rows(
    actor: Actor, network: Network, member: Member | None, kind: str, named: bool
) -> Iterator[dict[str, Any]]:
    if kind == "participants":
        return _participant_rows(actor, _participants(actor, network, member), named)
    if kind == "enrolments":
        rows = Enrolment.objects.filter(network=network)
        return _enrolment_rows(_in_scope(actor, network, member, rows, "participant"), named)
    if kind == "attendance":
        marks = Attendance.objects.filter(enrolment__network=network)
        return _attendance_rows(
            _in_scope(actor, network, member, marks, "enrolment__participant"), named
        )
    tasks = FollowUpTask.objects.filter(enrolment__network=network)
    return _followup_rows(_in_scope(actor, network, member, tasks, "enrolment__participant"), named)


def _named(where: Reach | None, member: Member | None) -> bool:
    """Whether the file may name the women: for a person who edits every member whose
    rows are in it (the system and the backbone get pseudonymous files)."""
    if where is None or where.sees_network:
        return False
    if member is not None:
        return where.edits_member(member.pk)
    return bool(where.member_ids) and where.member_ids <= where.editor_of


def network_export(
    *, actor: Actor, network: Network, kind: str, fmt: str, member: Member | None = None
) -> bytes:
    """The file of ``kind`` for what the actor may read (narrowed to ``member`` if given)."""
    if kind not in KINDS:
        raise invalid("kind", _("Unknown kind of file “%(value)s”.") % {"value": kind})
    if fmt not in writing.FORMATS:
        raise invalid("format", _("Choose CSV or XLSX."))
    where = None if is_system(actor) else reach(actor, network)
    if where is not None and (
        not where.inside
        or (member is not None and not (where.sees_network or where.sees_member(member.pk)))
    ):
        raise Http404("No such network.")
    named = _named(where, member)
    rows = list(_rows(actor, network, member, kind, named))
    content = writing.write(KINDS[kind], rows, fmt)
    with transaction.atomic():
        record(
            actor=actor,
            action="export",
            target=member or network,
            organisation_id=member.organisation_id if member else network.backbone_id,
            changes={"kind": kind, "format": fmt, "rows": len(rows), "identities": named},
        )
    return content
