"""``cometa network instruments``, ``xlsform`` and ``import --kind responses``."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from cometa.network.models import Instrument, SurveyResponse
from cometa.network.survey.xlsform import xform

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("network", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_instruments_then_xlsform(net, tmp_path):
    assert "cometa-baseline v1" in _run("instruments")
    assert "cometa-baseline v1" in _run("instruments")  # again: nothing new
    assert Instrument.objects.count() == 4
    output = tmp_path / "baseline.xlsx"
    assert "checked with pyxform" in _run(
        "xlsform", "--instrument", "cometa-baseline", "--output", str(output)
    )
    assert 'id="cometa-baseline"' in xform(output.read_bytes())
    with pytest.raises(CommandError, match="--instrument"):
        _run("xlsform", "--instrument", "nothing", "--output", str(output))


def test_import_responses_dry_run_errors_and_import(net, tmp_path):
    _run("instruments")
    ana = net.register(net.cemex)
    path = tmp_path / "kobo.csv"
    header = "participant;collected_on;reasons;work_status;_uuid\n"
    path.write_bytes(
        (header + f"{ana.code};2025-03-01;care_child transport;employed;u-1\n").encode("cp1252")
    )
    member = str(net.cemex.pk)
    base = ["import", str(path), "--kind", "responses", "--member", member]
    with pytest.raises(CommandError, match="--instrument"):
        _run(*base)
    base += ["--instrument", "cometa-exit"]
    assert "1 new" in _run(*base, "--dry-run") and not SurveyResponse.objects.exists()
    assert "1 new" in _run(*base)
    assert "1 unchanged" in _run(*base)
    path.write_bytes((header + f"{ana.code};2025-03-01;flying;employed;u-2\n").encode())
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 errors: nothing was written"):
        call_command("network", *base, stdout=out, stderr=io.StringIO())
    assert out.getvalue().startswith(f"{path}:2:reasons: ")
