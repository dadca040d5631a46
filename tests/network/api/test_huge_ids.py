"""Ids too large for the database are "not found", not a server error (SQLite refuses
integers past 2**63)."""

from __future__ import annotations

import pytest

from tests.conftest import make_person, signed_in

HUGE = "4422981985866208836036386095104"


@pytest.mark.parametrize(
    "path",
    [
        f"networks/{HUGE}/participants/",
        "networks/{net}/participants/" + HUGE + "/",
        "networks/{net}/enrolments/" + HUGE + "/",
        "networks/{net}/followups/" + HUGE + "/attempts/",
    ],
)
@pytest.mark.parametrize("who", ["bea", "admin"])
def test_a_huge_id_is_not_found(net, path, who):
    url = "/api/v1/network/" + path.replace("{net}", str(net.network.pk))
    person = make_person("root@example.org", "Root", admin=True) if who == "admin" else net.bea
    client = signed_in(person)
    response = client.post(url, {}) if "attempts" in url else client.get(url)
    assert response.status_code == 404
