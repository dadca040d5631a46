"""The disclosure page: read by everyone in the network, thresholds set by the backbone's
coordinators within the floor's bounds, each change audited, refusals on the form."""

from __future__ import annotations

import pytest

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.network.services.disclosure import thresholds_set
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_a_partner_reads_why_cells_are_hidden_without_a_form(net):
    page = signed_in(net.pablo).get(f"/network/{net.network.pk}/disclosure/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "fewer than 5 women" in text and "<form" not in text.split("thresholds-h")[1]


def test_the_backbone_coordinator_sets_thresholds_and_the_change_is_audited(net):
    url = f"/network/{net.network.pk}/disclosure/"
    answer = signed_in(net.bea).post(url, {"inside": 7, "strict": 12})
    assert answer.status_code == 302
    net.network.refresh_from_db()
    assert (net.network.cell_threshold, net.network.cell_threshold_strict) == (7, 12)
    entry = AuditEntry.objects.get(action="network.thresholds")
    assert entry.changes == {"inside": [5, 7], "strict": [10, 12]}


@pytest.mark.parametrize(
    ("inside", "strict", "field"), [(2, 10, "inside"), (6, 5, "strict"), (5, 101, "strict")]
)
def test_what_the_floor_refuses_is_shown_on_the_field(net, inside, strict, field):
    answer = signed_in(net.bea).post(
        f"/network/{net.network.pk}/disclosure/", {"inside": inside, "strict": strict}
    )
    assert answer.status_code == 400
    assert answer.context["form"].errors.get(field)
    net.network.refresh_from_db()
    assert (net.network.cell_threshold, net.network.cell_threshold_strict) == (5, 10)


def test_the_service_refuses_partners_and_changes_nothing_when_equal(net):
    with pytest.raises(NotPermitted):
        thresholds_set(actor=net.pablo, network=net.network, inside=6, strict=10)
    with pytest.raises(ValidationFailed) as refused:
        thresholds_set(actor=SYSTEM, network=net.network, inside=5, strict=4)
    assert "strict" in refused.value.errors
    thresholds_set(actor=SYSTEM, network=net.network, inside=5, strict=10)
    assert not AuditEntry.objects.filter(action="network.thresholds").exists()
