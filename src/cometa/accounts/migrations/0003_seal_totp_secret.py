"""Seals the TOTP seeds at rest (cometa.core.sealing): widens the column, then seals the
seeds stored in plain text before. Going back opens them again."""

from typing import Any

from django.db import migrations

import cometa.core.sealing
from cometa.core.sealing import PREFIX, seal, unseal


def _statements(apps: Any, schema_editor: Any) -> tuple[str, str]:
    """The raw reads and writes (the model's field would seal and open by itself). The table
    name comes from the model, never from input; the values go as parameters. Each nosec
    stands on a line with one string and no call: bandit checks every string and call of a
    line and warns that a nosec matched nothing when one of them passes (an f-string's parts
    count as strings; PyCQA/bandit#1041)."""
    model = apps.get_model("accounts", "Person")
    table = schema_editor.connection.ops.quote_name(model._meta.db_table)
    select = "SELECT id, totp_secret FROM %s WHERE totp_secret <> ''" % table  # nosec B608
    update = "UPDATE %s SET totp_secret = %%s WHERE id = %%s" % table  # nosec B608
    return select, update


def seal_stored(apps: Any, schema_editor: Any) -> None:
    select, update = _statements(apps, schema_editor)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(select)
        rows = [(pk, value) for pk, value in cursor.fetchall() if not value.startswith(PREFIX)]
        for pk, value in rows:
            cursor.execute(update, [seal(value), pk])


def open_stored(apps: Any, schema_editor: Any) -> None:
    select, update = _statements(apps, schema_editor)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(select)
        for pk, value in cursor.fetchall():
            cursor.execute(update, [unseal(value), pk])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_audit_append_only"),
    ]

    operations = [
        migrations.AlterField(
            model_name="person",
            name="totp_secret",
            field=cometa.core.sealing.SealedCharField(blank=True, max_length=255),
        ),
        migrations.RunPython(seal_stored, open_stored, elidable=False),
    ]
