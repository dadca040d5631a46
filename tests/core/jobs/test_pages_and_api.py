"""The job's page, its result, its cancel button and its API: the person who asked and
platform administrators see the job; anyone else gets 404."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage

from cometa.core.jobs import runner, services
from tests.conftest import signed_in
from tests.core.jobs.conftest import BOOM, COUNT


@pytest.fixture
def done_job(world):
    job = services.start_job(actor=world.sara, kind=COUNT, parameters={"steps": 2})
    runner.execute(job.pk)
    job.refresh_from_db()
    return job


def test_the_page_shows_progress_and_polls_while_the_job_runs(world):
    job = services.start_job(actor=world.sara, kind=COUNT, parameters={})
    page = signed_in(world.sara).get(f"/jobs/{job.pk}/")
    assert page.status_code == 200
    assert b'data-state="queued"' in page.content and b'hx-trigger="every 2s"' in page.content
    fragment = signed_in(world.sara).get(f"/jobs/{job.pk}/", headers={"HX-Request": "true"})
    assert fragment.content.lstrip().startswith(b'<section id="job-status"')


def test_a_finished_job_offers_its_result_and_stops_polling(world, done_job):
    page = signed_in(world.sara).get(f"/jobs/{done_job.pk}/")
    assert b"hx-trigger" not in page.content
    assert f"/jobs/{done_job.pk}/result/".encode() in page.content
    result = signed_in(world.sara).get(f"/jobs/{done_job.pk}/result/")
    content = b"".join(result.streaming_content)  # type: ignore[attr-defined]
    assert result.status_code == 200 and content == b"2 by Sara"
    assert 'filename="count_result.txt"' in result.headers["Content-Disposition"]


def test_a_result_file_gone_from_the_storage_answers_404(world, done_job):
    default_storage.delete(done_job.result_name)
    answer = signed_in(world.sara).get(f"/jobs/{done_job.pk}/result/")
    assert answer.status_code == 404  # not a server error: the page says the file is gone


def test_a_failed_job_shows_its_reason_and_has_no_result(world):
    job = services.start_job(actor=world.sara, kind=BOOM, parameters={})
    runner.execute(job.pk)
    page = signed_in(world.sara).get(f"/jobs/{job.pk}/")
    assert b"RuntimeError: the disk is full at step 2" in page.content
    assert signed_in(world.sara).get(f"/jobs/{job.pk}/result/").status_code == 404


@pytest.mark.parametrize("path", ["/jobs/{}/", "/jobs/{}/result/", "/api/v1/jobs/{}/"])
def test_another_person_gets_404_and_an_administrator_sees_it(world, done_job, path):
    assert signed_in(world.oscar).get(path.format(done_job.pk)).status_code == 404
    assert signed_in(world.aisha).get(path.format(done_job.pk)).status_code == 404
    seen = signed_in(world.ada).get(path.format(done_job.pk))
    assert seen.status_code == 200
    if seen.streaming:  # a file answer: read it, which closes the file
        b"".join(seen.streaming_content)  # type: ignore[attr-defined]
    assert signed_in(world.sara).get(path.format(999999)).status_code == 404


def test_cancel_from_the_page(world):
    job = services.start_job(actor=world.sara, kind=COUNT, parameters={})
    assert signed_in(world.oscar).post(f"/jobs/{job.pk}/cancel/").status_code == 404
    answer = signed_in(world.sara).post(f"/jobs/{job.pk}/cancel/")
    assert answer.status_code == 302
    job.refresh_from_db()
    assert job.state == "cancelled"


def test_the_api_gives_state_progress_and_the_result_address(world, done_job):
    body = signed_in(world.sara).get(f"/api/v1/jobs/{done_job.pk}/").json()
    assert body["state"] == "done" and body["kind"] == COUNT
    assert body["progress"] == {"done": 2, "total": 2, "message": "counted 2"}
    assert body["result_url"] == f"https://testserver/jobs/{done_job.pk}/result/"
    assert body["url"] == f"https://testserver/api/v1/jobs/{done_job.pk}/"
    assert body["requested_by"] == "sara@example.org"


def test_the_api_has_no_result_address_before_the_end(world):
    job = services.start_job(actor=world.sara, kind=COUNT, parameters={})
    body = signed_in(world.sara).get(f"/api/v1/jobs/{job.pk}/").json()
    assert body["state"] == "queued" and body["result_url"] is None
