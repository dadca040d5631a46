"""The instruments' API: the list and the XLSForm download; outsiders find no network."""

from __future__ import annotations

import pytest

from cometa.network.survey.xlsform import xform
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def _client(person):  # type: ignore[no-untyped-def]
    return signed_in(person)


def test_the_list_and_the_xlsform(net, forms):
    base = f"/api/v1/network/networks/{net.network.pk}/instruments/"
    answer = _client(net.vera).get(base)
    assert answer.status_code == 200
    rows = {row["code"]: row for row in answer.json()["results"]}
    assert rows["cometa-followup"]["rounds"] == ["fu3", "fu6", "fu12"]
    fields = {q["name"]: q["field"] for q in rows["cometa-followup"]["questions"]}
    assert fields["work_status"] == "outcome.work_status"
    pk = rows["cometa-baseline"]["id"]
    download = _client(net.quim).get(f"{base}{pk}/xlsform/")
    assert download.status_code == 200
    assert 'filename="cometa-baseline-v1.xlsx"' in download["Content-Disposition"]
    assert 'id="cometa-baseline"' in xform(download.content)


def test_outsiders_and_other_networks_find_nothing(net, forms, world):
    base = f"/api/v1/network/networks/{net.network.pk}/instruments/"
    assert _client(world.oscar).get(base).status_code == 404
    pk = forms["cometa-exit"].pk
    assert _client(world.oscar).get(f"{base}{pk}/xlsform/").status_code == 404
    assert _client(net.vera).get(f"{base}999999/xlsform/").status_code == 404
