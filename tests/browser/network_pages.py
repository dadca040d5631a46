"""The network's pages a person can reach, and the data they show: UNCT Kazakhstan is a
partner of a small network (Aisha coordinates it); one of its women completed her cohort,
so she has changes of state, a mentoring contact and follow-ups on the worklist. Made on
first need and kept on the test's world."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.urls import reverse
from playwright.sync_api import expect

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.network.models import Network, Participant
from cometa.network.services import delivery, network, participants, progress
from tests.browser.conftest import SitePage, Ui
from tests.conftest import World

DAY = date(2024, 2, 5)


def _built(world: World) -> tuple[Network, Participant]:
    if not hasattr(world, "_network"):
        backbone = accounts.organisation_create(actor=SYSTEM, name="ProSociedad", kind="backbone")
        net = network.network_create(actor=SYSTEM, name="Co-Meta", backbone=backbone)
        member = network.member_join(
            actor=SYSTEM, network=net, organisation=world.unct, starts_on=DAY
        )
        programme = delivery.programme_create(
            actor=SYSTEM, network=net, code="sce", name="Second Chance",
            pathways={"employment": "Employment"},
        )  # fmt: skip
        site = delivery.site_create(
            actor=SYSTEM, member=member, name="Centro Comunitario", kind="community_centre",
            state_code="14", municipality_code="14120", urbanisation="U",
        )  # fmt: skip
        mentor = delivery.staff_create(actor=SYSTEM, member=member, name="Lucía", role="mentor")
        cohort = delivery.cohort_create(
            actor=SYSTEM, site=site, pathway=programme.pathways.get(), code="CC-24A",
            starts_on=DAY, ends_on=date(2024, 8, 30), capacity=25,
        )  # fmt: skip
        woman = participants.participant_register(
            actor=SYSTEM, member=member, registered_on=DAY,
            identity={"given_names": "María José", "family_names": "Núñez", "phone": "+52 33 1"},
            consents={"take_part": DAY, "share_backbone": DAY}, profile={"birth_year": 1984},
        )  # fmt: skip
        enrolment = progress.enrol(
            actor=SYSTEM, participant=woman, cohort=cohort, enrolled_on=DAY, mentor=mentor
        )
        progress.enrolment_change(actor=SYSTEM, enrolment=enrolment, to_status="active", on=DAY)
        progress.mentoring_contact_record(
            actor=SYSTEM, enrolment=enrolment, mentor=mentor, contacted_on=date(2024, 3, 1),
            mode="phone", next_step="Visit the market together",
        )  # fmt: skip
        progress.enrolment_change(
            actor=SYSTEM, enrolment=enrolment, to_status="completed", on=date(2024, 8, 30)
        )
        world._network = (net, woman)  # type: ignore[attr-defined]
    return world._network  # type: ignore[attr-defined,no-any-return]


def _path(name: str, her: bool = False) -> Callable[[World], str]:
    def path(world: World) -> str:
        net, woman = _built(world)
        return reverse(name, args=[net.pk, woman.code] if her else [net.pk])

    return path


def _member(world: World) -> str:
    net, woman = _built(world)
    return reverse("network:member", args=[net.pk, woman.member_id])


def _list(world: World) -> str:
    _built(world)
    return reverse("network:networks")


def _open_everything(ui: Ui, world: Any) -> None:
    """Opens the folded forms, which axe-core does not check while they are closed."""
    for summary in ui.page.locator("details > summary").all():
        summary.click()
    expect(ui.page.locator("details:not([open])")).to_have_count(0)


NETWORK_PAGES = [
    SitePage("network-list", "aisha", _list, "Shared measurement"),
    SitePage("network-home", "aisha", _path("network:network"), "Cohorts"),
    SitePage("network-participants", "aisha", _path("network:participants"), "Participants"),
    SitePage(
        "network-participant",
        "aisha",
        _path("network:participant", her=True),
        "Enrolments",
        then=_open_everything,
    ),
    SitePage(
        "network-remove",
        "aisha",
        _path("network:participant-remove", her=True),
        "Remove the record",
    ),
    SitePage("network-member", "aisha", _member, "Change the shared page"),
    SitePage("network-meetings", "aisha", _path("network:meetings"), "Meetings"),
    SitePage(
        "network-register", "aisha", _path("network:participant-new"), "Register a participant"
    ),
    SitePage(
        "network-worklist",
        "aisha",
        _path("network:worklist"),
        "Follow-up worklist",
        then=_open_everything,
    ),
]
