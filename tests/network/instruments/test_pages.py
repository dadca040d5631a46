"""The instruments page and its XLSForm download; outsiders find no network."""

from __future__ import annotations

import pytest

from cometa.network.survey.xlsform import xform
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_the_page_lists_instruments_and_their_questions(net, forms, world):
    url = f"/network/{net.network.pk}/instruments/"
    page = signed_in(net.vera).get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Co-Meta follow-up survey" in html and "outcome.work_status" in html
    pk = forms["cometa-followup"].pk
    download = signed_in(net.bea).get(f"{url}{pk}/xlsform/")
    assert download.status_code == 200 and 'id="cometa-followup"' in xform(download.content)
    assert signed_in(world.oscar).get(url).status_code == 404
    assert signed_in(world.oscar).get(f"{url}{pk}/xlsform/").status_code == 404
    home = signed_in(net.vera).get(f"/network/{net.network.pk}/").content.decode()
    assert url in home
