"""The ways in: ``cometa results import-iati`` / ``export-iati``, the background job and
the API (upload -> job, plan -> XML)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from cometa.core.errors import NotPermitted
from cometa.core.jobs import runner
from cometa.core.jobs.models import Job
from cometa.interchange.iati import read, validate
from cometa.results.iati import jobs
from cometa.results.models import IatiActivity, Outcome
from tests.conftest import signed_in
from tests.interchange.iati.conftest import document, result
from tests.results.conftest import Offices
from tests.results.iati.conftest import FULL, OTHER

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _command(*args: str) -> str:
    out = StringIO()
    call_command("results", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_commands_import_and_export(offices: Offices, tmp_path: Path) -> None:
    said = _command("import-iati", str(FULL), "--dry-run")
    assert "dry run: nothing was written" in said and "line 69" in said
    assert not IatiActivity.objects.exists()
    _command("import-iati", str(FULL))
    _command("import-iati", str(OTHER), "--office", "MEX")
    out = tmp_path / "mex.xml"
    said = _command("export-iati", "--office", "MEX", "--output", str(out))
    assert "valid IATI 2.03" in said
    assert validate(out).ok
    identifiers = [a.identifier for a in read(out).activities]
    assert identifiers[:1] == ["XM-DAC-7-PPR-4000123"] or "XM-DAC-7-PPR-4000123" in identifiers
    year = tmp_path / "2023.xml"
    _command("export-iati", "--office", "MEX", "--year", "2023", "--output", str(year))
    periods = {
        p.start.year
        for a in read(year).activities
        for r in a.results
        for i in r.indicators
        for p in i.periods
    }
    assert periods == {2023}


def test_the_commands_refuse_with_one_line(offices: Offices, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(document(result(), version="2.01"))
    with pytest.raises(CommandError, match="nothing was imported"):
        _command("import-iati", str(bad))
    with pytest.raises(CommandError, match="no office ZZZ"):
        _command("import-iati", str(FULL), "--office", "ZZZ")
    with pytest.raises(CommandError, match="has no plan"):
        _command("export-iati", "--office", "KAZ", "--output", str(tmp_path / "k.xml"))


def test_the_job_imports_with_progress_and_leaves_the_report(offices: Offices) -> None:
    job = jobs.import_job_start(
        actor=offices.elena, office=offices.mexico, content=FULL.read_bytes(), file_name="full.xml"
    )
    runner.execute(job.pk)
    job.refresh_from_db()
    assert (job.state, job.done, job.total) == ("done", 2, 2)
    with default_storage.open(job.result_name) as stored:
        report = stored.read().decode()
    assert "line 69" in report and "imported." in report
    assert Outcome.objects.filter(plan=offices.plan, code="D_1.1").exists()
    assert not default_storage.exists(job.parameters["upload"])


def test_only_the_offices_editors_start_the_job(offices: Offices) -> None:
    for person in (offices.vic, offices.kai, offices.world.rita):
        with pytest.raises(NotPermitted):
            jobs.import_job_start(
                actor=person, office=offices.mexico, content=b"<x/>", file_name="x.xml"
            )


def test_the_api_starts_the_import_and_gives_a_plan_as_xml(offices: Offices) -> None:
    client = signed_in(offices.elena)
    upload = SimpleUploadedFile("full.xml", FULL.read_bytes(), content_type="application/xml")
    answer = client.post(
        "/api/v1/results/iati/imports/",
        {"office": offices.mexico.pk, "file": upload, "dry_run": "true"},
    )
    assert answer.status_code == 202
    job = Job.objects.get(pk=answer.json()["id"])
    assert job.kind == "results.import_iati" and job.parameters["dry_run"] is True
    runner.execute(job.pk)
    assert not IatiActivity.objects.exists()  # a dry run
    xml = signed_in(offices.vic).get(f"/api/v1/results/plans/{offices.plan.pk}/iati/?year=2022")
    assert xml.status_code == 200 and xml["Content-Type"] == "application/xml"
    assert b"XM-DAC-41146-MEX_D_2.2" in xml.content
    assert (
        signed_in(offices.kai).get(f"/api/v1/results/plans/{offices.plan.pk}/iati/").status_code
        == 404
    )
