"""The pages that run the network, for the browser tests (axe-core, a phone's width):
the network of ``network_pages`` plus a session with attendance taken, a module of the
baseline training, and a meeting with a decision UNCT Kazakhstan follows up. Aisha
coordinates the partner; Ada, a platform administrator, acts as the backbone (the
onboarding, programme and training forms are hers)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.urls import reverse

from cometa.accounts.acting import SYSTEM
from cometa.network.models import Cohort, Enrolment, Staff
from cometa.network.services import delivery, network
from tests.browser.conftest import SitePage
from tests.browser.network_pages import DAY, _built
from tests.conftest import World


def _running(world: World) -> dict[str, Any]:
    if not hasattr(world, "_network_running"):
        net, woman = _built(world)
        cohort = Cohort.objects.get(network=net)
        session = delivery.session_create(actor=SYSTEM, cohort=cohort, held_on=date(2024, 3, 1))
        enrolment = Enrolment.objects.get(participant=woman)
        delivery.attendance_record(actor=SYSTEM, session=session, marks={enrolment.pk: "present"})
        delivery.training_module_create(
            actor=SYSTEM, network=net, code="gender", name="Gender perspective",
            refresher_months=12,
        )  # fmt: skip
        meeting = network.meeting_record(
            actor=SYSTEM, network=net, kind="partners", held_on=DAY,
            title="Monthly partner meeting", attendees=[woman.member],
        )  # fmt: skip
        network.decision_add(actor=SYSTEM, meeting=meeting, text="Share the intake form",
                             owner=woman.member, due_on=date(2024, 3, 1))  # fmt: skip
        world._network_running = {  # type: ignore[attr-defined]
            "network": net, "member": woman.member, "site": cohort.site, "cohort": cohort,
            "session": session, "meeting": meeting,
            "staff": Staff.objects.get(member=woman.member, role="mentor"),
        }  # fmt: skip
    return world._network_running  # type: ignore[attr-defined,no-any-return]


def _path(name: str, *keys: str) -> Callable[[World], str]:
    def path(world: World) -> str:
        found = _running(world)
        return reverse(name, args=[found["network"].pk, *(found[key].pk for key in keys)])

    return path


RUNNING_PAGES = [
    SitePage("network-membership", "aisha", _path("network:membership", "member"), "Periods"),
    SitePage(
        "network-membership-backbone", "ada", _path("network:membership", "member"), "Onboarding"
    ),
    SitePage("network-member-join", "ada", _path("network:member-join"), "Add a member"),
    SitePage("network-exit-surveys", "ada", _path("network:exit-surveys"), "Exit surveys"),
    SitePage("network-meeting-new", "aisha", _path("network:meeting-new"), "Record a meeting"),
    SitePage(
        "network-meeting", "aisha", _path("network:meeting", "meeting"), "Decisions and follow-ups"
    ),
    SitePage(
        "network-meeting-backbone", "ada", _path("network:meeting", "meeting"), "Add a decision"
    ),
    SitePage("network-sites", "aisha", _path("network:sites"), "Add a centre"),
    SitePage("network-site", "aisha", _path("network:site", "site"), "Open a cohort"),
    SitePage("network-programmes", "ada", _path("network:programmes"), "Add a programme"),
    SitePage("network-cohort", "aisha", _path("network:cohort", "cohort"), "Add a session"),
    SitePage(
        "network-attendance",
        "aisha",
        _path("network:attendance", "session"),
        "Tick every woman who attended",
    ),
    SitePage("network-staff", "aisha", _path("network:staff"), "Add a staff member"),
    SitePage("network-staff-backbone", "ada", _path("network:staff"), "Mentor load"),
    SitePage(
        "network-staff-member", "aisha", _path("network:staff-member", "staff"), "Record training"
    ),
    SitePage("network-training", "ada", _path("network:training"), "Add a module"),
]
