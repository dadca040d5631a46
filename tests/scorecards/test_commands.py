"""`cometa scorecard ...`: import, rate, report and frameworks, in process and end to end."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import timedelta
from importlib import resources
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.scorecards.assessments import services
from cometa.scorecards.models import Assessment, FrameworkVersion, Removed
from cometa.scorecards.records import services as record_services

REASSESSED = "2.2, 3.2, 5.2, 6.1, 7.1"


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("scorecard", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(*args: str) -> tuple[str, str]:
    """The CommandError message (what `cometa` prints before exiting 1) and stderr."""
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("scorecard", *args, stdout=io.StringIO(), stderr=err)
    return str(caught.value), err.getvalue()


@pytest.fixture
def seed_file(tmp_path, seed_text) -> Path:
    path = tmp_path / "kazakhstan-2022.txt"
    path.write_text(seed_text, encoding="utf-8")
    return path


@pytest.fixture
def broken_file(tmp_path, seed_text) -> Path:
    path = tmp_path / "broken.txt"
    path.write_text(_broken(seed_text), encoding="utf-8")
    return path


def _swap_source() -> str:
    shipped = resources.files("cometa.scorecards.frameworks") / "data" / "unct-swap-2018.yaml"
    return shipped.read_text(encoding="utf-8")


def _broken(seed_text: str) -> str:
    broken = seed_text.replace(
        "PI 2.2 Communication & Advocacy\tEXCEEDS", "PI 2.2 Communication & Advocacy\tSUPERB"
    )
    assert broken != seed_text
    return broken


# --- import ---------------------------------------------------------------------------------


def test_import_prints_the_assessment_ratings_and_reassessed_codes(world, swap, seed_file):
    out, _ = run("import", str(seed_file), "--team", "UNCT Kazakhstan")
    assessment = Assessment.objects.get()
    assert f"Imported assessment {assessment.pk}: UNCT Kazakhstan 2022, 15 ratings." in out
    assert f"Reassessed: {REASSESSED}" in out
    entries = AuditEntry.objects.count()
    again, _ = run("import", str(seed_file), "--team", "unct kazakhstan")
    assert f"Unchanged (imported before): assessment {assessment.pk}" in again
    assert Assessment.objects.count() == 1 and AuditEntry.objects.count() == entries


def test_a_broken_report_prints_each_problem_with_its_line(world, swap, broken_file):
    message, err = refused("import", str(broken_file), "--team", "UNCT Kazakhstan")
    lines = err.strip().splitlines()
    assert lines and all(line.startswith(f"{broken_file}: line ") for line in lines), err
    assert any("SUPERB" in line or "superb" in line.lower() for line in lines)
    assert message == f"{broken_file}: nothing imported ({len(lines)} problem" + (
        "s)." if len(lines) != 1 else ")."
    )
    assert not Assessment.objects.exists()


def test_import_refusals_are_one_line(world, swap, seed_file, tmp_path):
    assert refused("import", str(seed_file), "--team", "Atlantis")[0] == (
        "No organisation is named 'Atlantis'."
    )
    missing = tmp_path / "missing.txt"
    assert refused("import", str(missing), "--team", "UNCT Kazakhstan")[0] == (
        f"{missing}: no such file."
    )
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Año".encode("latin-1"))
    assert refused("import", str(latin), "--team", "UNCT Kazakhstan")[0].startswith(
        f"{latin} is not UTF-8 text: line 1, column 2 (byte 0xF1)."
    )


def test_import_on_a_fresh_install_stores_the_shipped_frameworks_first(world, seed_file):
    assert not FrameworkVersion.objects.exists()
    out, _ = run("import", str(seed_file), "--team", "UNCT Kazakhstan")
    assert FrameworkVersion.objects.filter(identifier="unct-swap", is_published=True).exists()
    assert Assessment.objects.filter(organisation=world.unct, year=2022).exists(), out


def test_a_year_made_another_way_is_not_overwritten(world, swap, assessment, seed_file):
    message, _ = refused("import", str(seed_file), "--team", "UNCT Kazakhstan")
    assert "already has an assessment for 2022" in message


# --- rate -----------------------------------------------------------------------------------


def test_rate_prints_computed_next_to_agreed(world, assessment):
    row = assessment.indicators.get(code="3.2")
    services.indicator_update(
        actor=world.bolat,
        indicator=row,
        expected_version=row.version,
        values=services.IndicatorValues(
            reassessed=True,
            answers={"meets.a": "met", "meets.b": "met"},
            agreed_level="exceeds",
            difference_reason="Evidence after the workshop.",
        ),
    )
    out, _ = run("rate", "--assessment", str(assessment.pk))
    lines = out.splitlines()
    assert lines[0] == f"Assessment {assessment.pk}: UNCT Kazakhstan 2022"
    assert lines[1].split() == ["PI", "Reassessed", "Computed", "Stored", "Agreed", "Year", "Note"]
    row_32 = next(line for line in lines if line.startswith("3.2 "))
    assert row_32.split()[:6] == ["3.2", "yes", "meets", "meets", "exceeds", "2022"]
    assert "agreed differs (reason given)" in row_32
    assert lines[-1] == "15 indicators, 15 reassessed, 0 computed differently now than stored."


def test_rate_shows_imported_ratings_without_a_computation(world, swap, seed_file):
    run("import", str(seed_file), "--team", "UNCT Kazakhstan")
    out, _ = run("rate", "--assessment", str(Assessment.objects.get().pk))
    row_22 = next(line for line in out.splitlines() if line.startswith("2.2 "))
    assert row_22.split()[:5] == ["2.2", "yes", "—", "—", "exceeds"]
    assert "15 indicators, 5 reassessed" in out


def test_rate_refuses_an_unknown_assessment(db):
    assert refused("rate", "--assessment", "999")[0] == "No assessment has the id 999."


# --- report ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "magic"), [("pdf", b"%PDF"), ("docx", b"PK"), ("xlsx", b"PK"), ("csv", b"\xef\xbb\xbf")]
)
def test_report_writes_each_format(world, assessment, tmp_path, fmt, magic, capsys):
    pytest.importorskip("cometa.scorecards.reporting.report")
    output = tmp_path / f"report.{fmt}"
    out, _ = run(
        "report", "--assessment", str(assessment.pk), "--format", fmt, "--output", str(output)
    )
    data = output.read_bytes()
    assert data.startswith(magic) and f"Wrote {output} ({len(data)} bytes)." in out
    assert "Report: done" in capsys.readouterr().err  # progress, on stderr
    if fmt == "csv":
        assert "3.2" in data.decode("utf-8-sig")


def test_report_refusals(world, assessment, tmp_path):
    nowhere = tmp_path / "no" / "such" / "folder" / "r.pdf"
    message, _ = refused(
        "report", "--assessment", str(assessment.pk), "--format", "pdf", "--output", str(nowhere)
    )
    assert message == f"{nowhere}: the folder {nowhere.parent} does not exist."
    message, _ = refused(
        "report", "--assessment", "999", "--format", "pdf", "--output", str(tmp_path / "r.pdf")
    )
    assert message == "No assessment has the id 999."


# --- frameworks -----------------------------------------------------------------------------


def test_frameworks_sync_stores_the_shipped_versions_once(db):
    out, _ = run("frameworks", "sync")
    assert "unct-swap 2018: stored" in out and "collective-impact 2024: stored" in out
    assert "unct-swap 2018: present" in run("frameworks", "sync")[0]
    assert FrameworkVersion.objects.count() == 2


def test_frameworks_list_shows_stored_versions(world, swap):
    out, _ = run("frameworks", "list")
    assert f"{swap.pk:>5}  unct-swap 2018  [published]" in out
    assert "collective-impact" in out


def test_frameworks_check_names_file_and_line(tmp_path, db):
    good = tmp_path / "good.yaml"
    good.write_text(_swap_source(), encoding="utf-8")
    assert run("frameworks", "check", str(good))[0] == f"{good}: ok\n"
    bad = tmp_path / "bad.yaml"
    bad.write_text(_swap_source().replace("format: 1", "format: 1\nformat: 2", 1), encoding="utf-8")
    message, err = refused("frameworks", "check", str(bad))
    line = _swap_source().splitlines().index("format: 1") + 2  # the line after "format: 1"
    assert err.strip().splitlines() == [f"{bad}:{line}: duplicate key 'format'"]
    assert message == f"{bad}: 1 problem."


def test_frameworks_load_stores_a_new_published_version(world, swap, tmp_path):
    source = _swap_source().replace('version: "2018"', 'version: "2018.1"', 1)
    path = tmp_path / "swap-2018.1.yaml"
    path.write_text(source, encoding="utf-8")
    out, _ = run("frameworks", "load", str(path))
    loaded = FrameworkVersion.objects.get(version="2018.1")
    assert out == f"Loaded unct-swap 2018.1 (id {loaded.pk}), published.\n"
    assert loaded.is_published and loaded.source == source
    assert AuditEntry.objects.filter(action="framework.load", object_id=str(loaded.pk)).exists()
    again, _ = run("frameworks", "load", str(path))
    assert again.startswith("Unchanged: unct-swap 2018.1")
    path.write_text(source.replace("Scorecard", "Score card", 1), encoding="utf-8")
    message, err = refused("frameworks", "load", str(path))
    assert message == f"{path}: nothing loaded (1 problem)."
    assert "exists already with different content" in err
    assert FrameworkVersion.objects.filter(version="2018.1").count() == 1


def test_a_broken_framework_is_not_loaded(db, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(_swap_source().replace("identifier: unct-swap", "identifier: 42"), "utf-8")
    message, err = refused("frameworks", "load", str(path))
    assert all(line.startswith(f"{path}:") for line in err.strip().splitlines()), err
    assert message.startswith(f"{path}: nothing loaded (")
    assert not FrameworkVersion.objects.exists()


# --- End to end: the exit code and the one clear line ---------------------------------------


def _cometa(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COMETA_", "DATABASE_URL"))}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env |= {"COMETA_DEBUG": "1", "COMETA_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run(
        [sys.executable, "-m", "cometa.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.xdist_group("commands")
def test_the_command_exits_1_with_clear_lines(tmp_path, seed_text):
    assert _cometa(tmp_path, "migrate", "-v0").returncode == 0
    made = _cometa(tmp_path, "org", "create", "UNCT Kazakhstan", "--kind", "country_team")
    assert made.returncode == 0, made.stderr
    broken = tmp_path / "broken.txt"
    broken.write_text(_broken(seed_text), encoding="utf-8")
    result = _cometa(tmp_path, "scorecard", "import", str(broken), "--team", "UNCT Kazakhstan")
    assert result.returncode == 1
    *problems, last = result.stderr.strip().splitlines()
    assert problems and all(line.startswith(f"{broken}: line ") for line in problems)
    assert last.startswith("CommandError: ") and "nothing imported" in last
    result = _cometa(tmp_path, "scorecard", "rate", "--assessment", "7")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == ["CommandError: No assessment has the id 7."]
    good = tmp_path / "kz.txt"
    good.write_text(seed_text, encoding="utf-8")
    synced = _cometa(tmp_path, "scorecard", "frameworks", "sync")
    assert "unct-swap 2018: stored" in synced.stdout, synced.stderr
    imported = _cometa(tmp_path, "scorecard", "import", str(good), "--team", "UNCT Kazakhstan")
    assert imported.returncode == 0, imported.stderr
    assert "15 ratings" in imported.stdout and f"Reassessed: {REASSESSED}" in imported.stdout


def test_purge_removed_drops_only_what_can_no_longer_be_put_back(world, assessment):
    for text in ("Old action", "New action"):
        action = record_services.action_save(
            actor=SYSTEM,
            assessment=assessment,
            content=record_services.ActionContent(indicator_code="1.1", text=text),
        )
        record_services.action_delete(actor=SYSTEM, action=action)
    Removed.objects.filter(label="Old action").update(
        removed_at=timezone.now() - timedelta(days=31)
    )
    out, _err = run("purge-removed")
    assert "Dropped 1 removed item(s) older than 30 days" in out
    assert list(Removed.objects.values_list("label", flat=True)) == ["New action"]
