from __future__ import annotations

import io

from cometa.scorecards.records.evidence import evidence_upload
from tests.conftest import signed_in


def _upload(world, assessment, *, shared: bool):
    return evidence_upload(
        actor=world.aisha,
        assessment=assessment,
        file=io.BytesIO(b"Minutes of the gender theme group\n"),
        filename="minutes.txt",
        title="GTG minutes",
        indicator_code="5.1",
        shared=shared,
    )


def test_shared_evidence_downloads_for_members_of_other_teams(world, assessment):
    shared = _upload(world, assessment, shared=True)
    response = signed_in(world.oscar).get(f"/scorecards/evidence/{shared.pk}/download/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content]) == (
        b"Minutes of the gender theme group\n"
    )
    assert response.headers["Content-Disposition"].startswith("attachment")


def test_unshared_evidence_stays_hidden_from_other_teams(world, assessment):
    private = _upload(world, assessment, shared=False)
    assert (
        signed_in(world.oscar).get(f"/scorecards/evidence/{private.pk}/download/").status_code
        == 404
    )
    assert (
        signed_in(world.sara).get(f"/scorecards/evidence/{private.pk}/download/").status_code == 200
    )


def test_an_altered_or_missing_file_is_served_neither_by_the_page_nor_the_api(world, assessment):
    from django.core.files.storage import default_storage

    from cometa.scorecards.records.evidence import storage_name

    item = _upload(world, assessment, shared=False)
    page = f"/scorecards/evidence/{item.pk}/download/"
    api = f"/api/v1/scorecards/assessments/{assessment.pk}/evidence/{item.pk}/download/"
    with default_storage.open(storage_name(item.stored_name), "wb") as stored:
        stored.write(b"Minutes of the gender theme group, rewritten\n")
    assert signed_in(world.sara).get(page).status_code == 404
    assert signed_in(world.sara).get(api).json()["error"]["code"] == "damaged_file"
    default_storage.delete(storage_name(item.stored_name))
    assert signed_in(world.sara).get(page).status_code == 404
    # a row that had a file whose file is gone is damaged, not "a link or a name"
    assert signed_in(world.sara).get(api).json()["error"]["code"] == "damaged_file"
