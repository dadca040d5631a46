"""A session's attendance sheet: one tick per woman, one POST, no JavaScript needed, big
touch targets for a facilitator's phone. The cohort's member's staff read the sheet (its
editors with the women's names, each showing audited); the backbone reads how many
attended; anyone else finds no such session."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from cometa.accounts.acting import person_of
from cometa.accounts.models import Person
from cometa.core.errors import ServiceError
from cometa.network import selectors, selectors_delivery, selectors_network
from cometa.network.access import may_edit_member, reach
from cometa.network.codes import AttendanceStatus
from cometa.network.models import Network, Session
from cometa.network.services import delivery
from cometa.network.web.saving import allowed_or_403
from cometa.network.web.sheet import ATTENDED, marks_from_ticks, parse_ids


def _rows(person: Person, network: Network, session: Session) -> list[dict[str, object]]:
    visible = selectors.enrolments_for(person, network)
    enrolments = list(selectors_delivery.sheet_enrolments(visible, session))
    identities = selectors.identities_for(person, [e.participant for e in enrolments])
    marks = selectors_delivery.attendance_marks(session)
    labels = dict(AttendanceStatus.choices)
    return [
        {
            "enrolment": e,
            "identity": identities.get(e.participant_id),
            "mark": labels.get(marks.get(e.pk, ""), ""),
            "attended": marks.get(e.pk) in ATTENDED,
        }
        for e in enrolments
    ]


def _save(request: HttpRequest, person: Person, network: Network, session: Session) -> bool:
    visible = selectors.enrolments_for(person, network)
    on_sheet = set(
        selectors_delivery.sheet_enrolments(visible, session).values_list("pk", flat=True)
    )
    listed = parse_ids(request.POST.getlist("listed")) & on_sheet
    before = selectors_delivery.attendance_marks(session)
    marks = marks_from_ticks(listed, parse_ids(request.POST.getlist("attended")), before)
    try:
        delivery.attendance_record(actor=person, session=session, marks=marks)
    except ServiceError as error:
        if error.status == 403:
            raise
        messages.error(request, error.message)
        return False
    present = sum(1 for mark in marks.values() if mark in ATTENDED)
    text = ngettext(
        "Attendance saved: %(present)s of %(count)s attended.",
        "Attendance saved: %(present)s of %(count)s attended.",
        len(marks),
    )
    messages.success(request, text % {"present": present, "count": len(marks)})
    return True


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    person = person_of(request)
    network = selectors_network.network_get(person, pk)
    session = selectors_delivery.session_get(person, network, session_pk)
    cohort = session.cohort
    editable = may_edit_member(person, cohort.member)
    if request.method == "POST":
        allowed_or_403(editable)
        if _save(request, person, network, session):
            return redirect("network:attendance", pk, session.pk)
    staff_of_member = cohort.member_id in reach(person, network).member_ids
    counts = selectors_delivery.attendance_counts(session)
    context = {
        "network": network,
        "session": session,
        "cohort": cohort,
        "editable": editable,
        "rows": _rows(person, network, session) if staff_of_member else None,
        "counts": [(label, counts.get(code, 0)) for code, label in AttendanceStatus.choices],
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "network/attendance.html", context, status=status)
