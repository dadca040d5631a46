from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from cometa.accounts import audit, services
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.accounts.models.audit import AppendOnlyError
from cometa.accounts.models.organisations import OrganisationKind as Kind

TABLE = AuditEntry._meta.db_table


@pytest.fixture
def chain(db):
    """Five entries written through the service."""
    for number in range(5):
        services.organisation_create(actor=SYSTEM, name=f"Org {number}", kind=Kind.FUNDER)
    assert audit.verify().ok
    return list(AuditEntry.objects.order_by("seq"))


def test_the_orm_refuses_to_change_or_delete_entries(chain):
    entry = chain[0]
    entry.action = "forged"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="forged")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


@pytest.mark.parametrize(
    "statement",
    [f"UPDATE {TABLE} SET action = 'forged'", f"DELETE FROM {TABLE}"],
    ids=["update", "delete"],
)
def test_the_database_refuses_raw_sql_changes(chain, statement):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert AuditEntry.objects.count() == 5


def test_recording_outside_a_transaction_is_a_programming_error():
    # No database: the check comes before any query (and a transactional test's flush
    # would meet the trigger that refuses TRUNCATE on PostgreSQL).
    with pytest.raises(RuntimeError, match=r"transaction\.atomic"):
        audit.record(actor=SYSTEM, action="x", object_type="y")


def test_sensitive_fields_are_recorded_as_changed_without_values():
    changes = audit.changes_between(
        {"password": "old", "name": "A"}, {"password": "new", "name": "B"}
    )
    assert changes == {"name": ["A", "B"], "password": {"changed": True}}


def _without_triggers(statements: list[tuple[str, list[object]]]) -> None:
    """Tampering as an attacker with database access would: triggers off, then SQL."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The foreign-key checks of the entries just written are deferred to the end of
            # the test's transaction; ALTER TABLE refuses to run while they are pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER accounts_auditentry_no_update")
            cursor.execute("DROP TRIGGER accounts_auditentry_no_delete")
        for sql, params in statements:
            cursor.execute(sql, params)


def _forged_copy(entry: AuditEntry, **changes: object) -> list[object]:
    values = {
        "seq": entry.seq,
        "at": entry.at,
        "actor_label": entry.actor_label,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "organisation_id": entry.organisation_id,
        "changes": entry.changes,
        "prev_hash": entry.prev_hash,
    } | changes
    forged = AuditEntry(**values)  # type: ignore[arg-type]
    forged.hash = audit.entry_hash(forged)
    return [
        forged.seq,
        forged.at,
        forged.actor_label,
        forged.action,
        forged.object_type,
        forged.object_id,
        forged.object_repr,
        forged.organisation_id,
        json.dumps(forged.changes),
        forged.prev_hash,
        forged.hash,
    ]


INSERT = (
    f"INSERT INTO {TABLE} (seq, at, actor_label, action, object_type, object_id, object_repr, "
    "organisation_id, changes, prev_hash, hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)


def _expect(kind: str, seq: int) -> None:
    report = audit.verify()
    assert not report.ok
    assert (report.problem.kind, report.problem.seq) == (kind, seq), str(report.problem)
    with pytest.raises(CommandError, match=f"entry #{seq}.*{kind}"):
        call_command("audit", "verify")


def test_verify_names_an_altered_entry(chain):
    _without_triggers([(f"UPDATE {TABLE} SET object_repr = %s WHERE seq = 3", ["Forged"])])
    _expect("altered", 3)


def test_verify_names_the_entry_after_a_deleted_one(chain):
    _without_triggers([(f"DELETE FROM {TABLE} WHERE seq = 2", [])])
    _expect("deleted", 3)


def test_verify_notices_a_deleted_last_entry(chain):
    _without_triggers([(f"DELETE FROM {TABLE} WHERE seq = 5", [])])
    _expect("deleted", 5)


def test_verify_names_an_entry_inserted_in_the_middle(chain):
    # Make room at #3 by shifting later numbers, then insert a self-consistent forgery there.
    later = list(reversed(chain[2:]))
    statements = [(f"UPDATE {TABLE} SET seq = seq + 100 WHERE seq = %s", [e.seq]) for e in later]
    statements += [
        (f"UPDATE {TABLE} SET seq = seq - 99 WHERE seq = %s", [e.seq + 100]) for e in later
    ]
    forged = _forged_copy(chain[2], object_repr="Forged", prev_hash=chain[1].hash)
    statements.append((INSERT, forged))
    _without_triggers(statements)
    _expect("inserted", 3)


def test_verify_names_an_entry_appended_outside_the_application(chain):
    forged = _forged_copy(chain[4], seq=6, object_repr="Forged", prev_hash=chain[4].hash)
    _without_triggers([(INSERT, forged)])
    _expect("inserted", 6)


def test_verify_names_reordered_entries(chain):
    # Swap the contents of rows 2 and 3 wholesale: each row is self-consistent,
    # but they no longer stand in the order they were written.
    second, third = chain[1], chain[2]
    columns = [
        "seq",
        "at",
        "actor_label",
        "action",
        "object_type",
        "object_id",
        "object_repr",
        "organisation_id",
        "changes",
        "prev_hash",
        "hash",
    ]
    assignments = ", ".join(f"{c} = %s" for c in columns)

    def values(e):
        return [json.dumps(e.changes) if c == "changes" else getattr(e, c) for c in columns]

    _without_triggers(
        [
            (f"UPDATE {TABLE} SET seq = 999999 WHERE id = %s", [second.pk]),
            (f"UPDATE {TABLE} SET {assignments} WHERE id = %s", [*values(second), third.pk]),
            (f"UPDATE {TABLE} SET {assignments} WHERE id = %s", [*values(third), second.pk]),
        ]
    )
    _expect("reordered", 3)


def test_verify_command_reports_an_intact_chain(chain, capsys):
    call_command("audit", "verify")
    assert "Audit trail intact: 5 entries" in capsys.readouterr().out


def _rewrite_from(chain: list[AuditEntry], seq: int) -> None:
    """What an attacker with database access and this code would do: change entry `seq`
    and recompute every hash after it, and the head, so the chain agrees with itself."""
    statements: list[tuple[str, list[object]]] = []
    previous_hash = chain[seq - 2].hash if seq > 1 else audit.GENESIS
    for entry in chain[seq - 1 :]:
        if entry.seq == seq:
            entry.object_repr = "Forged"
        entry.prev_hash = previous_hash
        entry.hash = audit.entry_hash(entry)
        statements.append(
            (
                f"UPDATE {TABLE} SET object_repr = %s, prev_hash = %s, hash = %s WHERE seq = %s",
                [entry.object_repr, entry.prev_hash, entry.hash, entry.seq],
            )
        )
        previous_hash = entry.hash
    statements.append(("UPDATE accounts_audithead SET hash = %s WHERE id = 1", [previous_hash]))
    _without_triggers(statements)


def test_an_anchor_kept_outside_catches_a_chain_rewritten_in_full(chain):
    kept = call_command_output("audit", "head")
    seq, digest = audit.parse_anchor(kept)
    assert (seq, digest) == (chain[-1].seq, chain[-1].hash)
    _rewrite_from(chain, 3)
    assert audit.verify().ok  # consistent in itself: only the anchor can tell
    report = audit.verify(anchors={seq: digest})
    assert (report.problem.kind, report.problem.seq) == ("rewritten", 5), str(report.problem)
    with pytest.raises(CommandError, match=r"entry #5.*rewritten"):
        call_command("audit", "verify", "--anchor", kept)


def test_an_anchor_beyond_the_end_means_entries_were_deleted(chain):
    report = audit.verify(anchors={9: "a" * 64})
    assert (report.problem.kind, report.problem.seq) == ("deleted", 9)


def test_an_anchor_that_matches_is_said(chain):
    kept = call_command_output("audit", "head")
    assert "1 anchor(s) match" in call_command_output("audit", "verify", "--anchor", kept)


@pytest.mark.parametrize("text", ["5", "x:" + "a" * 64, "3:" + "g" * 64, "0:" + "a" * 64])
def test_a_malformed_anchor_is_refused_by_name(chain, text):
    with pytest.raises(CommandError, match="not an anchor: expected SEQ:HASH"):
        call_command("audit", "verify", "--anchor", text)


def call_command_output(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().strip()
