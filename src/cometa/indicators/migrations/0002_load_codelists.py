"""Load the code lists shipped in cometa/indicators/codelists/ (see docs/indicators.md).

Later changes to the files are loaded with ``cometa indicators load-codelists``."""

from django.db import migrations


def load(apps, schema_editor):
    from cometa.indicators.codelist_store import sync_into
    from cometa.indicators.dimensions import builtin_dimensions

    sync_into(
        apps.get_model("indicators", "Dimension"),
        apps.get_model("indicators", "DimensionCode"),
        builtin_dimensions(),
    )


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
