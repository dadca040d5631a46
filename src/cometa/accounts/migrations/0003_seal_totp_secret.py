"""Seals the TOTP seeds at rest (cometa.core.sealing): widens the column, then seals the
seeds stored in plain text before. Going back opens them again."""

from typing import Any

from django.db import migrations

import cometa.core.sealing
from cometa.core.sealing import PREFIX, seal, unseal


def seal_stored(apps: Any, schema_editor: Any) -> None:
    Person = apps.get_model("accounts", "Person")
    table = Person._meta.db_table
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT id, totp_secret FROM {table} WHERE totp_secret <> ''")  # nosec B608
        rows = [(pk, value) for pk, value in cursor.fetchall() if not value.startswith(PREFIX)]
        for pk, value in rows:
            cursor.execute(
                f"UPDATE {table} SET totp_secret = %s WHERE id = %s",  # nosec B608
                [seal(value), pk],
            )


def open_stored(apps: Any, schema_editor: Any) -> None:
    Person = apps.get_model("accounts", "Person")
    table = Person._meta.db_table
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT id, totp_secret FROM {table} WHERE totp_secret <> ''")  # nosec B608
        for pk, value in cursor.fetchall():
            cursor.execute(
                f"UPDATE {table} SET totp_secret = %s WHERE id = %s",  # nosec B608
                [unseal(value), pk],
            )


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
