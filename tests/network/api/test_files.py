"""The API of the network's files: templates, exports (scoped, audited) and imports
started as background jobs (202 and the job; the result lists every error)."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from cometa.core.jobs import runner
from cometa.core.jobs.models import Job
from cometa.network.models import Participant
from tests.conftest import signed_in
from tests.network.services.test_importing import GOOD
from tests.network.story import NAME


@pytest.fixture(autouse=True)
def own_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _url(net, path: str) -> str:  # type: ignore[no-untyped-def]
    return f"/api/v1/network/networks/{net.network.pk}/{path}"


def _import(net, person, text: str, **extra):  # type: ignore[no-untyped-def]
    body = {"member": net.cemex.pk, "kind": "participants",
            "file": SimpleUploadedFile("f.csv", text.encode()), **extra}  # fmt: skip
    return signed_in(person).post(_url(net, "imports/"), body)


def test_a_template_and_an_unknown_kind(net):
    answer = signed_in(net.vera).get(_url(net, "files/followups/template/?file_format=csv"))
    assert answer.status_code == 200 and b"round" in answer.content
    assert signed_in(net.vera).get(_url(net, "files/x/template/")).status_code == 404
    bad = signed_in(net.vera).get(_url(net, "files/followups/template/?file_format=pdf"))
    assert bad.status_code == 400


def test_an_import_answers_202_with_the_job_and_its_report(net):
    answer = _import(net, net.pablo, GOOD + "kobo,k-3,2024-02-05,,,,2024-02-05,2020,,1\n",
                     dry_run="false")  # fmt: skip
    assert answer.status_code == 202
    job = Job.objects.get(pk=answer.json()["id"])
    assert answer["Location"].endswith(f"/jobs/{job.pk}/")
    runner.execute(job.pk)
    job.refresh_from_db()
    with default_storage.open(job.result_name) as stored:
        report = stored.read().decode("utf-8-sig")
    assert "4,given_names," in report and "4,birth_year,2020," in report
    assert not Participant.objects.exists()


def test_only_the_members_editors_import_through_the_api(net):
    assert _import(net, net.vera, GOOD).status_code == 403
    assert _import(net, net.quim, GOOD).status_code == 403
    assert _import(net, net.bea, GOOD).status_code == 403
    assert not Job.objects.exists()


def test_exports_through_the_api_are_scoped(net, story):
    mine = signed_in(net.pablo).get(_url(net, "files/participants/export/?file_format=csv"))
    text = mine.content.decode("utf-8-sig")
    assert story.woman.code in text and NAME in text and story.other.code not in text
    theirs = _url(net, f"files/participants/export/?member={net.promexico.pk}")
    assert signed_in(net.pablo).get(theirs).status_code == 404
    backbone = signed_in(net.bea).get(_url(net, "files/participants/export/")).content
    assert NAME.encode() not in backbone
