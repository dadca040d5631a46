"""The comparison and reach pages: read from the stored run (and say when it was
computed), a partner compares only its own centres and never sees a peer named, the
comparison comes as PDF and Word, the reach page lists every group of the seed, and only
the backbone's coordinators set reference shares (audited)."""

from __future__ import annotations

import pytest

from cometa.accounts.models import AuditEntry
from cometa.network.comparison.peers import compare
from cometa.network.models import NetworkReference, Site
from cometa.network.selectors_compare import site_comparison
from tests.conftest import signed_in
from tests.network.compare_world import compared_network

pytestmark = pytest.mark.django_db


@pytest.fixture
def made():
    return compared_network()


def _url(made, tail=""):
    return f"/network/{made['network'].pk}/{tail}"


def test_a_partner_compares_its_own_centre_and_sees_no_peer_named(made):
    site, staff = made["site"], made["staff"]
    assert Site.objects.filter(network=made["network"]).count() >= 6  # five peers at least
    others = Site.objects.filter(network=made["network"]).exclude(member=site.member)
    assert others.exists()
    client = signed_in(staff)
    listing = client.get(_url(made, "compare/")).content.decode()
    assert site.name in listing and not any(o.name in listing for o in others)
    page = client.get(_url(made, f"compare/{site.pk}/"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "against its peers" in text and "Values computed on" in text
    assert not any(other.name in text for other in others)
    for other in others:
        assert client.get(_url(made, f"compare/{other.pk}/")).status_code == 404
    for run in ("abc", "999999", str(made["run"].pk)):
        status = client.get(_url(made, f"compare/{site.pk}/?run={run}")).status_code
        assert status == (200 if run == str(made["run"].pk) else 404), run
    assert signed_in(made["outsider"]).get(_url(made, f"compare/{site.pk}/")).status_code == 404


def test_the_page_shows_what_the_comparison_of_the_stored_run_finds(made):
    site = made["site"]
    found = site_comparison(made["coordinator"], made["run"], site).comparison
    assert found.rows and any(row.compared_with.enough for row in found.rows)
    text = signed_in(made["coordinator"]).get(_url(made, f"compare/{site.pk}/")).content.decode()
    for row in found.rows:
        if row.compared_with.enough:
            assert f"{row.compared_with.median}%" in text
    for row in found.successes:
        assert row.code in text
    assert "Successes to share" in text
    again = compare(site.pk, {site.pk: {}}, {})
    assert again.rows[0].standing.value == "unknown"  # no peers: nothing claimed


def test_the_comparison_comes_as_pdf_and_word(made):
    client = signed_in(made["staff"])
    base = _url(made, f"compare/{made['site'].pk}/")
    pdf = client.get(base + "pdf/?lang=es")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf["Content-Disposition"].endswith('-es.pdf"')
    docx = client.get(base + "docx/")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")


def test_without_a_run_the_pages_say_so(made):
    made["run"].delete()
    client = signed_in(made["coordinator"])
    for tail in ("compare/", f"compare/{made['site'].pk}/", "reach/"):
        text = client.get(_url(made, tail)).content.decode()
        assert "No indicator values are stored" in text, tail
    assert client.get(_url(made, f"compare/{made['site'].pk}/pdf/")).status_code == 302


def test_the_reach_page_lists_every_group_and_the_gap_to_the_reference(made):
    client = signed_in(made["coordinator"])
    text = client.get(_url(made, "reach/")).content.decode()
    for words in ("Returning migrants", "Women facing severe domestic violence",
                  "Geographically isolated women", "Rural women", "not set"):  # fmt: skip
        assert words in text
    made_ref = client.post(_url(made, "reach/references/"),
                           {"group": "rural", "share": "42.5", "source": "INEGI 2020",
                            "year": "2020"})  # fmt: skip
    assert made_ref.status_code == 302
    reference = NetworkReference.objects.get(network=made["network"], group="rural")
    assert str(reference.share) == "42.5"
    assert AuditEntry.objects.filter(action="network.reference.set").count() == 1
    text = client.get(_url(made, "reach/")).content.decode()
    assert "42.5% (INEGI 2020, 2020)" in text
    cleared = client.post(_url(made, "reach/references/"), {"group": "rural", "clear": "1"})
    assert cleared.status_code == 302
    assert not NetworkReference.objects.filter(network=made["network"]).exists()


def test_only_the_backbones_coordinators_set_references(made):
    staff = signed_in(made["staff"])
    assert staff.get(_url(made, "reach/")).status_code == 200
    assert staff.get(_url(made, "reach/references/")).status_code == 403
    posted = staff.post(_url(made, "reach/references/"),
                        {"group": "rural", "share": "10", "source": "x"})  # fmt: skip
    assert posted.status_code == 403 and not NetworkReference.objects.exists()
    coordinator = signed_in(made["coordinator"])
    bad = coordinator.post(_url(made, "reach/references/"),
                           {"group": "violence", "share": "101", "source": ""})  # fmt: skip
    assert bad.status_code == 200 and not NetworkReference.objects.exists()
    assert signed_in(made["outsider"]).get(_url(made, "reach/")).status_code == 404
