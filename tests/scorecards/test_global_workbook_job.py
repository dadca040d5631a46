"""The global view's workbook as a background job: asked from the page (to the job's
page) and the API (202 with the job's address), refused to people who may not see the
global view, and built by the worker as the same workbook as the direct download."""

from __future__ import annotations

import io

import pytest
from django.core.files.storage import default_storage
from openpyxl import load_workbook

from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.core.jobs import runner
from cometa.core.jobs import services as jobs
from cometa.core.jobs.models import Job
from cometa.scorecards.reporting import global_jobs
from tests.conftest import signed_in
from tests.scorecards import test_global_view

armenia, built = test_global_view.armenia, test_global_view.built  # its fixtures, shared

PAGE = "/scorecards/global/workbook/"
API = "/api/v1/scorecards/global/workbook/"


@pytest.fixture(autouse=True)
def own_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_page_asks_for_a_job_and_sends_to_its_page(built):
    answer = signed_in(built.rita).post(PAGE + "?region=ECA&year_from=2021")
    job = Job.objects.get()
    assert answer.status_code == 302 and answer.headers["Location"] == f"/jobs/{job.pk}/"
    assert (job.kind, job.requested_by) == (global_jobs.KIND, built.rita)
    assert job.parameters == {"region": "ECA", "year_from": "2021", "language": "en"}


def test_the_api_answers_202_with_the_job_s_address(built):
    answer = signed_in(built.ada).post(
        API, {"region": "ECA", "language": "es"}, content_type="application/json"
    )
    job = Job.objects.get()
    assert answer.status_code == 202
    assert answer.headers["Location"] == f"/api/v1/jobs/{job.pk}/"
    assert answer.json()["state"] == "queued" and job.parameters["language"] == "es"
    followed = signed_in(built.ada).get(answer.headers["Location"]).json()
    assert followed["id"] == job.pk


@pytest.mark.parametrize("name", ["sara", "oscar"])
def test_people_who_do_not_see_the_global_view_are_told_there_is_nothing(built, name):
    person = getattr(built, name)
    assert signed_in(person).post(PAGE).status_code == 404
    assert signed_in(person).post(API, {}, content_type="application/json").status_code == 404
    with pytest.raises(NotPermitted):
        jobs.start_job(actor=person, kind=global_jobs.KIND, parameters={})
    assert not Job.objects.exists()


@pytest.mark.parametrize(
    ("parameters", "field"),
    [
        ({"framework": "nothing"}, "framework"),
        ({"region": "Mars"}, "region"),
        ({"year_from": "20x"}, "year_from"),
        ({"year_from": "2023", "year_to": "2021"}, "year_to"),
    ],
)
def test_parameters_that_make_no_sense_are_refused_naming_the_field(built, parameters, field):
    with pytest.raises(ValidationFailed) as refused:
        jobs.start_job(actor=built.rita, kind=global_jobs.KIND, parameters=parameters)
    assert refused.value.field == field


def test_the_job_builds_the_same_workbook_as_the_direct_download(built):
    job = jobs.start_job(
        actor=built.rita, kind=global_jobs.KIND, parameters={"region": "ECA", "language": "en"}
    )
    runner.execute(job.pk)
    job.refresh_from_db()
    assert (job.state, job.done, job.total, job.error) == ("done", 3, 3, "")
    assert job.result_label == "cometa-global-unct-swap-ECA.xlsx"
    with default_storage.open(job.result_name) as stored:
        from_job = load_workbook(io.BytesIO(stored.read()), read_only=True)
    direct = signed_in(built.rita).get("/scorecards/global/export.xlsx", {"region": "ECA"})
    from_page = load_workbook(io.BytesIO(direct.content), read_only=True)
    assert from_job.sheetnames == from_page.sheetnames
    for name in from_job.sheetnames:
        assert list(from_job[name].values) == list(from_page[name].values), name


def test_a_person_who_lost_the_right_before_the_worker_came_gets_a_failed_job(built):
    job = jobs.start_job(actor=built.rita, kind=global_jobs.KIND, parameters={})
    built.rita.memberships.all().delete()
    runner.execute(job.pk)
    job.refresh_from_db()
    assert job.state == "failed" and "reviewers" in job.error and not job.result_name
