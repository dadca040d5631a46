"""The audit trail: append an entry inside the caller's transaction, verify the chain.

Each entry's hash covers its own fields and the hash of the entry before it, so an
altered, deleted, inserted or reordered entry breaks the chain at that point.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from cometa.accounts import acting
from cometa.accounts.models import AuditEntry, AuditHead

GENESIS = "0" * 64
_HEX = re.compile(r"[0-9a-fA-F]{64}")
SENSITIVE_FIELDS = frozenset({"password", "totp_secret", "digest", "totp_last_step"})


def changes_between(
    before: Mapping[str, Any], after: Mapping[str, Any], *, sensitive: Iterable[str] = ()
) -> dict[str, Any]:
    """Fields whose values differ, as {field: [before, after]}; sensitive ones without values."""
    hidden = SENSITIVE_FIELDS | set(sensitive)
    changed: dict[str, Any] = {}
    for field in sorted(set(before) | set(after)):
        old, new = before.get(field), after.get(field)
        if old == new:
            continue
        changed[field] = {"changed": True} if field in hidden else [_plain(old), _plain(new)]
    return changed


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {field: _plain(getattr(instance, field)) for field in fields}


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str | int | float | bool | list | dict) or value is None:
        return value
    return str(value)


def record(
    *,
    actor: acting.Actor,
    action: str,
    target: models.Model | None = None,
    object_type: str = "",
    changes: Mapping[str, Any] | None = None,
    organisation_id: int | None = None,
) -> AuditEntry:
    """Appends one entry. Must run inside the transaction that made the change. Entries
    by :data:`~cometa.accounts.acting.SYSTEM` carry no person and the label "system"."""
    person = acting.person_or_none(actor)
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record must be called inside transaction.atomic()")
    head, _ = AuditHead.objects.select_for_update().get_or_create(id=1)
    entry = AuditEntry(
        seq=head.seq + 1,
        at=timezone.now().replace(microsecond=(timezone.now().microsecond // 1000) * 1000),
        actor=person,
        actor_label=person.email if person is not None else acting.SystemActor.label,
        action=action,
        object_type=object_type or (target._meta.label_lower if target is not None else ""),
        object_id=str(target.pk) if target is not None and target.pk is not None else "",
        object_repr=str(target)[:200] if target is not None else "",
        organisation_id=organisation_id,
        changes=dict(changes or {}),
        prev_hash=head.hash,
    )
    entry.hash = entry_hash(entry)
    entry.save()
    head.seq, head.hash = entry.seq, entry.hash
    head.save(update_fields=["seq", "hash"])
    return entry


def entry_hash(entry: AuditEntry) -> str:
    body = {
        "seq": entry.seq,
        "at": entry.at.isoformat(timespec="milliseconds"),
        "actor_id": entry.actor_id,
        "actor_label": entry.actor_label,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "organisation_id": entry.organisation_id,
        "changes": entry.changes,
        "prev_hash": entry.prev_hash,
    }
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class ChainProblem:
    seq: int | None
    entry_id: int | None
    kind: str  # altered | deleted | inserted | reordered | rewritten
    detail: str

    def __str__(self) -> str:
        where = "the chain" if self.seq is None else f"entry #{self.seq}"
        if self.entry_id is not None:
            where += f" (row id {self.entry_id})"
        return f"{where}: {self.kind}: {self.detail}"


@dataclass(frozen=True)
class ChainReport:
    checked: int
    problem: ChainProblem | None
    head_hash: str

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify(*, progress: Any = None, anchors: Mapping[int, str] | None = None) -> ChainReport:
    """Walks the chain in sequence order and stops at the first break.

    ``anchors`` maps entry numbers to the hashes that were kept outside the database
    (``cometa audit head``): a chain rewritten from the start, every hash recomputed, is
    consistent in itself, but not with what was written down elsewhere."""
    anchors = dict(anchors or {})
    previous: AuditEntry | None = None
    checked = 0
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        problem = _check(entry, previous) or _check_anchor(entry, anchors.pop(entry.seq, None))
        if problem is not None:
            return ChainReport(checked, problem, previous.hash if previous else GENESIS)
        previous, checked = entry, checked + 1
        if progress is not None and checked % 1000 == 0:
            progress(checked)
    last_seq, last_hash = (previous.seq, previous.hash) if previous else (0, GENESIS)
    problem = _check_head(last_seq, last_hash)
    if problem is None and anchors:
        first = min(anchors)
        detail = f"an anchor was kept for #{first}, but the chain ends at #{last_seq}"
        problem = ChainProblem(first, None, "deleted", detail)
    return ChainReport(checked, problem, last_hash)


def _check_anchor(entry: AuditEntry, kept: str | None) -> ChainProblem | None:
    if kept is None or kept == entry.hash:
        return None
    detail = "its hash differs from the one kept outside the database: the chain was rewritten"
    return ChainProblem(entry.seq, entry.pk, "rewritten", detail)


def parse_anchor(text: str) -> tuple[int, str]:
    """``SEQ:HASH`` as ``cometa audit head`` prints it."""
    seq, _, digest = text.strip().partition(":")
    if not seq.isdigit() or int(seq) < 1 or len(digest) != 64 or not _HEX.fullmatch(digest):
        raise ValueError(f"{text!r} is not an anchor: expected SEQ:HASH (64 hex digits)")
    return int(seq), digest.lower()


def head() -> tuple[int, str]:
    """The number and hash of the last entry written, to keep outside the database."""
    row = AuditHead.objects.filter(id=1).first()
    return (row.seq, row.hash) if row else (0, GENESIS)


def _check(entry: AuditEntry, previous: AuditEntry | None) -> ChainProblem | None:
    expected_seq = previous.seq + 1 if previous else 1
    expected_prev = previous.hash if previous else GENESIS
    if entry_hash(entry) != entry.hash:
        return _renumbered(entry) or ChainProblem(
            entry.seq, entry.pk, "altered", "its content no longer matches its hash"
        )
    if entry.seq != expected_seq:
        gap = f"#{expected_seq}" + (f"–#{entry.seq - 1}" if entry.seq - 1 > expected_seq else "")
        return ChainProblem(entry.seq, entry.pk, "deleted", f"entries {gap} are missing")
    if entry.prev_hash != expected_prev:
        if AuditEntry.objects.filter(hash=entry.prev_hash).exists():
            detail = "it links to an entry that is not the one before it"
            return ChainProblem(entry.seq, entry.pk, "reordered", detail)
        detail = "it does not follow from the entry before it"
        return ChainProblem(entry.seq, entry.pk, "inserted", detail)
    if previous is not None and entry.pk < previous.pk:
        detail = f"it was written before entry #{previous.seq}"
        return ChainProblem(entry.seq, entry.pk, "reordered", detail)
    return None


def _renumbered(entry: AuditEntry, *, reach: int = 100) -> ChainProblem | None:
    """An entry that is intact but for its number was moved by inserting or deleting
    entries before it; says which."""
    written_as = entry.seq
    try:
        for shift in range(1, reach + 1):
            for original in (written_as - shift, written_as + shift):
                entry.seq = original
                if original > 0 and entry_hash(entry) == entry.hash:
                    return _moved(entry.pk, written_as, original)
    finally:
        entry.seq = written_as
    return None


def _moved(entry_id: int, now: int, original: int) -> ChainProblem:
    if now > original:
        detail = f"{now - original} entries were inserted before the one written as #{original}"
        return ChainProblem(original, entry_id, "inserted", detail)
    detail = f"entries were deleted and the rest renumbered: #{original} now reads #{now}"
    return ChainProblem(now, entry_id, "deleted", detail)


def _check_head(last_seq: int, last_hash: str) -> ChainProblem | None:
    head = AuditHead.objects.filter(id=1).first()
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if (head_seq, head_hash) == (last_seq, last_hash):
        return None
    if last_seq > head_seq:
        detail = f"entries after #{head_seq} were added outside the application"
        return ChainProblem(head_seq + 1, None, "inserted", detail)
    if last_seq < head_seq:
        detail = f"the last entry is #{last_seq}, but #{head_seq} was written"
        return ChainProblem(last_seq + 1, None, "deleted", detail)
    return ChainProblem(last_seq, None, "altered", "the last entry differs from the one written")
