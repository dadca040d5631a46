"""The framework's name in Spanish and Russian on each stored version, read from its source."""

from __future__ import annotations

from typing import Any

import yaml
from django.db import migrations, models


def title_translations(source: str) -> dict[str, str]:
    try:
        title = (yaml.safe_load(source) or {}).get("title") or {}
    except yaml.YAMLError:
        return {}
    return {key: value for key, value in title.items() if key in ("es", "ru") and value}


def fill(apps: Any, schema_editor: Any) -> None:
    versions = apps.get_model("scorecards", "FrameworkVersion")
    for version in versions.objects.all():
        version.title_translations = title_translations(version.source)
        version.save(update_fields=["title_translations"])


class Migration(migrations.Migration):
    dependencies = [
        ("scorecards", "0003_action_and_text_versions"),
    ]

    operations = [
        migrations.AddField(
            model_name="frameworkversion",
            name="title_translations",
            field=models.JSONField(
                blank=True, default=dict, verbose_name="title in other languages"
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
