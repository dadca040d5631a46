"""A large import as a background job: the file kept, the same service run by the
worker as the person who asked, progress recorded, the error report as the result."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage

from cometa.core.errors import NotPermitted
from cometa.core.jobs import runner
from cometa.network import import_jobs
from cometa.network.models import Participant
from tests.network.services.test_importing import GOOD


@pytest.fixture(autouse=True)
def own_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _run(net, text, **kw):
    job = import_jobs.import_job_start(
        actor=kw.pop("actor", net.pablo),
        member=net.cemex,
        kind="participants",
        content=text.encode("cp1252"),
        **kw,
    )
    runner.execute(job.pk)
    job.refresh_from_db()
    with default_storage.open(job.result_name) as stored:
        report = stored.read().decode("utf-8-sig")
    return job, report


@pytest.mark.django_db
def test_the_job_imports_with_progress_and_removes_the_upload(net):
    job, report = _run(net, GOOD)
    assert (job.state, job.done, job.total) == ("done", 2, 2)
    assert "2 rows: 2 new" in report
    assert Participant.objects.count() == 2
    assert not default_storage.exists(job.parameters["upload"])


@pytest.mark.django_db
def test_the_job_reports_every_error_and_writes_nothing(net):
    job, report = _run(net, GOOD + "kobo,k-3,2024-02-05,,Núñez,,2024-02-05,2020,,1\n")
    assert job.state == "done"
    assert "4,given_names," in report and "4,birth_year,2020," in report
    assert not Participant.objects.exists()


@pytest.mark.django_db
def test_only_the_members_editors_may_start_it(net):
    for person in (net.vera, net.quim, net.bea):
        with pytest.raises(NotPermitted):
            import_jobs.import_job_start(
                actor=person, member=net.cemex, kind="participants", content=GOOD.encode()
            )


@pytest.mark.django_db
def test_a_person_who_lost_the_right_before_the_worker_came_gets_a_failed_job(net):
    job = import_jobs.import_job_start(
        actor=net.sofia, member=net.cemex, kind="participants", content=GOOD.encode()
    )
    net.sofia.memberships.all().delete()
    runner.execute(job.pk)
    job.refresh_from_db()
    assert job.state == "failed" and not Participant.objects.exists()
