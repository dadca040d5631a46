"""The files page: templates to download, an import started as a background job (dry run
or real) whose page lists every error with its row, column, value and why, and exports
in the template's shape for what the person may read."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from cometa.accounts.models import AuditEntry
from cometa.core.jobs import runner
from cometa.core.jobs.models import Job
from cometa.network.models import Participant
from tests.conftest import signed_in
from tests.network.services.test_importing import GOOD
from tests.network.story import NAME, PSY_MARKERS

BAD = GOOD + "kobo,k-3,2024-02-05,,Núñez,,2024-02-05,2020,,1\n"


@pytest.fixture(autouse=True)
def own_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _base(net) -> str:  # type: ignore[no-untyped-def]
    return f"/network/{net.network.pk}/files/"


def _upload(net, person, text: str, dry_run: bool):  # type: ignore[no-untyped-def]
    data = {"member": net.cemex.pk, "kind": "participants",
            "file": SimpleUploadedFile("mujeres.csv", text.encode("cp1252"))}  # fmt: skip
    if dry_run:
        data["dry_run"] = "on"
    return signed_in(person).post(_base(net) + "import/", data)


def test_templates_come_in_both_formats_for_anyone_inside(net):
    for person in (net.vera, net.bea):
        csv_file = signed_in(person).get(_base(net) + "participants/template/?format=csv")
        assert csv_file.status_code == 200 and csv_file["Content-Type"].startswith("text/csv")
        assert b"given_names" in csv_file.content
    xlsx = signed_in(net.vera).get(_base(net) + "attendance/template/?format=xlsx")
    book = load_workbook(io.BytesIO(xlsx.content))
    assert "instructions" in book.sheetnames
    assert signed_in(net.vera).get(_base(net) + "nonsense/template/").status_code == 404


def test_a_dry_run_lists_every_error_and_writes_nothing(net):
    response = _upload(net, net.pablo, BAD, dry_run=True)
    assert response.status_code == 302
    job = Job.objects.get()
    runner.execute(job.pk)
    page = signed_in(net.pablo).get(response["Location"]).content.decode()
    assert "given_names" in page and "birth_year" in page and "2020" in page
    assert "<td>4</td>" in page
    assert not Participant.objects.exists()


def test_a_real_import_writes_the_rows(net):
    response = _upload(net, net.pablo, GOOD, dry_run=False)
    runner.execute(Job.objects.get().pk)
    page = signed_in(net.pablo).get(response["Location"]).content.decode()
    assert "2 new" in page and "The file was imported." in page
    assert Participant.objects.filter(member=net.cemex).count() == 2


def test_only_the_members_editors_import(net):
    assert _upload(net, net.vera, GOOD, dry_run=True).status_code == 403
    assert _upload(net, net.bea, GOOD, dry_run=True).status_code == 403
    # ProMéxico's coordinator cannot name CEMEX as the member: not among its choices
    assert _upload(net, net.quim, GOOD, dry_run=True).status_code == 400
    assert not Job.objects.exists()


def test_another_persons_import_is_not_found(net):
    response = _upload(net, net.pablo, GOOD, dry_run=True)
    for person in (net.sofia, net.quim, net.bea):
        assert signed_in(person).get(response["Location"]).status_code == 404


def test_exports_are_scoped_pseudonymous_for_the_backbone_and_audited(net, story):
    mine = signed_in(net.pablo).get(_base(net) + "participants/export/?format=csv")
    assert mine.status_code == 200
    text = mine.content.decode("utf-8-sig")
    assert story.woman.code in text and NAME in text and story.other.code not in text
    backbone = signed_in(net.bea).get(_base(net) + "participants/export/?format=csv")
    shown = backbone.content.decode("utf-8-sig")
    assert story.woman.code in shown and NAME not in shown
    for kind in ("participants", "enrolments", "attendance", "followups"):
        for person in (net.pablo, net.vera, net.bea, net.quim):
            body = signed_in(person).get(_base(net) + f"{kind}/export/?format=csv").content
            assert not any(marker.encode() in body for marker in PSY_MARKERS)
    assert AuditEntry.objects.filter(action="network.export").count() >= 2
    other = f"{_base(net)}participants/export/?member={net.promexico.pk}"
    assert signed_in(net.pablo).get(other).status_code == 404
