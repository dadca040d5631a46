"""One read path for an assessment's records: the same access rule and the same digest
check for the pages and the API."""

from __future__ import annotations

import io

import pytest
from django.core.files.storage import default_storage
from django.http import Http404

from cometa.scorecards.records import evidence, selectors
from tests.conftest import signed_in

TEXT = b"Minutes of the gender theme group\n"


def _upload(world, assessment):
    return evidence.evidence_upload(
        actor=world.aisha,
        assessment=assessment,
        file=io.BytesIO(TEXT),
        filename="minutes.txt",
        title="GTG minutes",
        indicator_code="5.1",
    )


def _web(person, item):
    return signed_in(person).get(f"/scorecards/evidence/{item.pk}/download/")


def _api(person, item):
    url = f"/api/v1/scorecards/assessments/{item.assessment_id}/evidence/{item.pk}/download/"
    return signed_in(person).get(url)


@pytest.mark.parametrize("download", [_web, _api], ids=["web", "api"])
def test_an_altered_file_is_never_served(world, assessment, download):
    item = _upload(world, assessment)
    assert download(world.sara, item).status_code == 200
    with default_storage.open(evidence.storage_name(item.stored_name), "wb") as stored:
        stored.write(TEXT.replace(b"gender", b"GENDER"))  # same size, other content
    response = download(world.sara, item)
    assert response.status_code == 404
    assert b"GENDER" not in response.content


@pytest.mark.parametrize("download", [_web, _api], ids=["web", "api"])
def test_a_missing_file_is_a_404(world, assessment, download):
    item = _upload(world, assessment)
    assert default_storage.exists(evidence.storage_name(item.stored_name))
    default_storage.delete(evidence.storage_name(item.stored_name))
    assert download(world.sara, item).status_code == 404


def test_a_row_is_seen_when_its_assessment_is(world, assessment):
    item = _upload(world, assessment)
    assert selectors.evidence_get(world.sara, item.pk).pk == item.pk
    assert selectors.evidence_get(world.sara, item.pk, assessment=assessment.pk).pk == item.pk
    with pytest.raises(Http404):
        selectors.evidence_get(world.oscar, item.pk)  # another team's member
    with pytest.raises(Http404):
        selectors.evidence_get(world.sara, item.pk, assessment=assessment.pk + 1000)
    with pytest.raises(Http404):
        selectors.evidence_get(world.sara, "not-a-number")
