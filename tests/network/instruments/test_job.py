"""A large file of survey responses runs as a background job, like the other kinds."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage

from cometa.core.errors import ValidationFailed
from cometa.core.jobs import runner
from cometa.network import import_jobs
from cometa.network.models import SurveyResponse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_storage(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_job_imports_responses_through_the_instrument(net, forms):
    ana = net.register(net.cemex)
    text = f"participant,collected_on,work_status,_uuid\n{ana.code},2025-03-01,employed,u-1\n"
    job = import_jobs.import_job_start(
        actor=net.pablo,
        member=net.cemex,
        kind="responses",
        content=text.encode(),
        instrument=forms["cometa-exit"],
    )
    runner.execute(job.pk)
    job.refresh_from_db()
    with default_storage.open(job.result_name) as stored:
        assert "1 rows: 1 new" in stored.read().decode("utf-8-sig")
    assert SurveyResponse.objects.get().source_id == "u-1"


def test_a_job_of_responses_needs_an_instrument_of_the_network(net, forms):
    with pytest.raises(ValidationFailed):
        import_jobs.import_job_start(
            actor=net.pablo, member=net.cemex, kind="responses", content=b"participant\n"
        )
