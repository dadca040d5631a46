from __future__ import annotations

import io

import pytest
from django.http import Http404
from openpyxl import load_workbook

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.network.models import Attendance, Enrolment, FollowUpTask, Participant
from cometa.network.services.exporting import network_export
from cometa.network.services.importing import network_import
from tests.network.services.test_importing import ENROLMENTS, GOOD

MARKS = (
    "participant,cohort,held_on,status\n"
    "k-1,CMX-24A,2024-03-01,present\n"
    "k-2,CMX-24A,2024-03-01,late\n"
)
ANSWERS = (
    "participant,cohort,round,responded_on,work_status,income_band,has_business,in_education\n"
    "k-1,CMX-24A,fu3,2024-11-29,self_employed,above_lpi,yes,no\n"
)


def _load(net):
    for kind, text in (
        ("participants", GOOD.replace("María José", "=HYPERLINK(1)")),
        (
            "enrolments",
            ENROLMENTS + "k-1,CMX-24A,2024-02-05,CMX-24A mentor,completed,2024-08-30,\n"
            "k-2,CMX-24A,2024-02-06,,dropped_out,2024-03-02,care_child;transport\n",
        ),
        ("attendance", MARKS),
        ("followups", ANSWERS),
    ):
        assert network_import(
            actor=net.pablo, member=net.cemex, kind=kind, content=text.encode()
        ).written


def _state():
    return [
        list(model.objects.order_by("pk").values())
        for model in (Participant, Enrolment, Attendance, FollowUpTask)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("actor", ["pablo", "system"])
def test_an_export_imports_back_unchanged(net, fmt, actor):
    _load(net)
    before = _state()
    who = SYSTEM if actor == "system" else getattr(net, actor)
    for kind in ("participants", "enrolments", "attendance", "followups"):
        content = network_export(
            actor=who, network=net.network, kind=kind, fmt=fmt, member=net.cemex
        )
        report = network_import(actor=net.pablo, member=net.cemex, kind=kind, content=content)
        assert report.errors == [], kind
        assert report.counts.created == report.counts.changed == 0, kind
        assert report.counts.unchanged > 0, kind
    assert _state() == before


@pytest.mark.django_db
def test_identities_go_only_to_those_who_read_them_and_the_read_is_audited(net):
    _load(net)
    mine = network_export(
        actor=net.pablo, network=net.network, kind="participants", fmt="csv"
    ).decode("utf-8-sig")
    assert "Núñez" in mine and "k-1" in mine and "'=HYPERLINK(1)" in mine
    assert AuditEntry.objects.filter(action="network.identity.read", actor=net.pablo).exists()
    for person in (net.bea, net.vera):
        theirs = network_export(actor=person, network=net.network, kind="participants", fmt="csv")
        text = theirs.decode("utf-8-sig")
        assert "Núñez" not in text and "k-1" not in text and "+52" not in text
        # the viewer sees her record by its code; the backbone only with her consent
        shown = Participant.objects.get(source_id="k-1").code in text
        assert shown == (person == net.vera)
    system = network_export(actor=SYSTEM, network=net.network, kind="participants", fmt="xlsx")
    cells = [
        c
        for row in load_workbook(io.BytesIO(system))["participants"].iter_rows(values_only=True)
        for c in row
    ]
    assert "Núñez" not in cells and "k-1" not in cells
    exports = AuditEntry.objects.filter(action="network.export")
    assert [e.changes["identities"] for e in exports.order_by("seq")] == [True, False, False, False]


@pytest.mark.django_db
def test_another_partner_exports_none_of_her_rows_and_not_her_member(net):
    _load(net)
    for kind in ("participants", "enrolments", "attendance", "followups"):
        content = network_export(actor=net.quim, network=net.network, kind=kind, fmt="csv")
        assert len(content.decode("utf-8-sig").splitlines()) == 1, kind
    with pytest.raises(Http404):
        network_export(
            actor=net.quim, network=net.network, kind="participants", fmt="csv", member=net.cemex
        )
