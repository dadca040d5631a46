"""A Kobo or ODK export of survey answers uploaded on the files page or through the API:
the import job reads it through the chosen instrument; without one, the form and the API
name the missing field; another network's instrument is not found."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cometa.core.jobs import runner
from cometa.core.jobs.models import Job
from cometa.network.models import SurveyResponse
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_storage(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"


def _export(net) -> bytes:  # type: ignore[no-untyped-def]
    ana = net.register(net.cemex)
    return (
        f"participant,collected_on,work_status,_uuid\n{ana.code},2025-03-01,employed,u-7\n".encode()
    )


def _body(net, content: bytes, **extra: object) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {"member": net.cemex.pk, "kind": "responses",
            "file": SimpleUploadedFile("kobo.csv", content), **extra}  # fmt: skip


def test_the_files_page_imports_a_kobo_export_through_its_instrument(net, forms):
    exit_form = forms["cometa-exit"]
    page = signed_in(net.pablo).get(f"/network/{net.network.pk}/files/").content.decode()
    assert "Survey responses" in page and f"cometa-exit v{exit_form.version}" in page
    response = signed_in(net.pablo).post(
        f"/network/{net.network.pk}/files/import/",
        _body(net, _export(net), instrument=exit_form.pk),
    )
    assert response.status_code == 302
    job = Job.objects.get()
    assert job.parameters["instrument"] == exit_form.pk
    runner.execute(job.pk)
    assert SurveyResponse.objects.get().source_id == "u-7"


def test_the_page_asks_for_the_instrument(net, forms):
    response = signed_in(net.pablo).post(
        f"/network/{net.network.pk}/files/import/", _body(net, _export(net))
    )
    assert response.status_code == 400
    assert "Choose the instrument these answers were collected with." in response.content.decode()
    assert not Job.objects.exists()


def test_the_api_imports_responses_and_names_a_missing_instrument(net, forms):
    url = f"/api/v1/network/networks/{net.network.pk}/imports/"
    client = signed_in(net.pablo)
    missing = client.post(url, _body(net, _export(net)))
    assert missing.status_code == 400 and "instrument" in missing.json()["error"]["fields"]
    unknown = client.post(url, _body(net, b"participant\n", instrument=999_999))
    assert unknown.status_code == 404
    started = client.post(url, _body(net, _export(net), instrument=forms["cometa-exit"].pk))
    assert started.status_code == 202
    runner.execute(Job.objects.get().pk)
    assert SurveyResponse.objects.get().source_id == "u-7"
