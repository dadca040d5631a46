from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from cometa.network.models import Participant
from tests.network.services.test_importing import GOOD


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("network", *args, stdout=out, stderr=err)
    return out.getvalue()


@pytest.mark.django_db
def test_import_prints_every_error_as_file_row_column_and_writes_nothing(net, tmp_path):
    path = tmp_path / "mujeres.csv"
    path.write_bytes((GOOD + "kobo,k-3,2024-02-05,,,,2024-02-05,2020,,1\n").encode("cp1252"))
    out = io.StringIO()
    with pytest.raises(CommandError, match="2 errors: nothing was written"):
        call_command(
            "network",
            "import",
            str(path),
            "--kind",
            "participants",
            "--member",
            str(net.cemex.pk),
            stdout=out,
            stderr=io.StringIO(),
        )
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"{path}:4:given_names: ")
    assert lines[1].startswith(f"{path}:4:birth_year: ") and lines[1].endswith("(“2020”)")
    assert not Participant.objects.exists()


@pytest.mark.django_db
def test_import_dry_run_then_import_then_export(net, tmp_path):
    path = tmp_path / "mujeres.csv"
    path.write_bytes(GOOD.encode("utf-8-sig"))
    member = str(net.cemex.pk)
    assert "dry run" in _run(
        "import", str(path), "--kind", "participants", "--member", member, "--dry-run"
    )
    assert not Participant.objects.exists()
    assert "2 new" in _run("import", str(path), "--kind", "participants", "--member", member)
    assert Participant.objects.count() == 2
    output = tmp_path / "out.xlsx"
    _run(
        "export",
        "--kind",
        "participants",
        "--format",
        "xlsx",
        "--output",
        str(output),
        "--member",
        member,
    )
    again = _run("import", str(output), "--kind", "participants", "--member", member)
    assert "0 new, 0 changed, 2 unchanged" in again


@pytest.mark.django_db
def test_an_unknown_member_is_named(net, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(GOOD)
    with pytest.raises(CommandError, match="--member: there is no member 999"):
        _run("import", str(path), "--kind", "participants", "--member", "999")
