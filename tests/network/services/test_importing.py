from __future__ import annotations

from datetime import date

import pytest

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.core.errors import NotPermitted
from cometa.network.models import Attendance, Enrolment, FollowUpTask, Identity, Participant
from cometa.network.services.importing import network_import

HEADER = (
    "source_system,source_id,registered_on,given_names,family_names,phone,"
    "consent_take_part,birth_year,education,wg_see\n"
)
GOOD = (
    HEADER
    + "kobo,k-1,2024-02-05,María José,Núñez,'+52 33 1,2024-02-05,1982,primary,1\n"
    + "kobo,k-2,2024-02-06,Lucía,Peña,,2024-02-06,1990,,2\n"
)


def _import(net, text, kind="participants", encoding="utf-8", **kw):
    return network_import(
        actor=kw.pop("actor", net.pablo),
        member=kw.pop("member", net.cemex),
        kind=kind,
        content=text.encode(encoding),
        **kw,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_participants_are_imported_with_their_accents(net, encoding):
    report = _import(net, GOOD, encoding=encoding)
    assert report.errors == [] and report.written
    assert (report.counts.created, report.rows) == (2, 2)
    her = Participant.objects.get(source_system="kobo", source_id="k-1")
    assert (her.member, her.birth_year, her.education, her.wg_see) == (
        net.cemex,
        1982,
        "primary",
        1,
    )
    assert Identity.objects.get(participant=her).family_names == "Núñez"
    assert Identity.objects.get(participant=her).phone == "+52 33 1"
    assert set(her.consents.values_list("purpose", flat=True)) == {"take_part"}


BAD_ROWS = [
    # (row, column, value in the file) -> the row must be reported at that column
    ("kobo,k-3,2024-02-05,,Núñez,,2024-02-05,1982,,1", "given_names"),
    ("kobo,k-3,2024-02-05,Ana,,,2024-02-06,1982,,1", "consent_take_part"),
    ("kobo,k-3,2024-02-05,Ana,,,,1982,,1", "consent_take_part"),
    ("kobo,k-3,2024-02-05,Ana,,,2024-02-05,2020,,1", "birth_year"),
    ("kobo,k-3,2024-02-05,Ana,,,2024-02-05,1982,primaria,1", "education"),
    ("kobo,k-3,2024-02-05,Ana,,,2024-02-05,1982,,7", "wg_see"),
    ("kobo,k-3,05.02.2024,Ana,,,2024-02-05,1982,,1", "registered_on"),
    ("kobo,k-1,2024-02-05,Ana,,,2024-02-05,1982,,1", "source_id"),  # twice in the file
]


@pytest.mark.django_db
@pytest.mark.parametrize("line,column", BAD_ROWS)
def test_a_bad_row_is_reported_where_it_is_and_nothing_is_written(net, line, column):
    report = _import(net, GOOD + line + "\n")
    assert [(e.row, e.column) for e in report.errors] == [(4, column)]
    assert report.errors[0].message
    assert not report.written
    assert not Participant.objects.exists()


@pytest.mark.django_db
def test_every_error_of_every_row_is_reported(net):
    text = GOOD + "".join(line + "\n" for line, _ in BAD_ROWS[:6])
    report = _import(net, text)
    assert [e.row for e in report.errors] == [4, 5, 6, 7, 8, 9]
    assert not Participant.objects.exists()


@pytest.mark.django_db
def test_a_dry_run_reports_the_same_and_writes_nothing(net):
    text = GOOD + BAD_ROWS[0][0] + "\n"
    assert _import(net, text, dry_run=True).errors == _import(net, text).errors
    clean = _import(net, GOOD, dry_run=True)
    assert (clean.errors, clean.counts.created, clean.written) == ([], 2, False)
    assert not Participant.objects.exists()


@pytest.mark.django_db
def test_importing_the_same_file_again_changes_nothing(net):
    _import(net, GOOD)
    before = list(Participant.objects.values().order_by("pk"))
    again = _import(net, GOOD)
    assert again.errors == [] and (again.counts.created, again.counts.unchanged) == (0, 2)
    assert list(Participant.objects.values().order_by("pk")) == before


@pytest.mark.django_db
def test_a_changed_value_of_an_imported_row_is_an_error_not_a_silent_update(net):
    _import(net, GOOD)
    report = _import(net, GOOD.replace("1982,primary", "1983,primary"))
    assert [(e.row, e.column, e.value) for e in report.errors] == [(2, "birth_year", "1983")]
    assert Participant.objects.get(source_id="k-1").birth_year == 1982


@pytest.mark.django_db
def test_the_same_source_id_at_another_partner_is_another_woman(net):
    _import(net, GOOD)
    report = _import(net, GOOD, actor=net.quim, member=net.promexico)
    assert report.counts.created == 2
    assert Participant.objects.filter(source_id="k-1").count() == 2


@pytest.mark.django_db
def test_another_partners_code_is_not_found(net):
    hers = net.register(net.promexico)
    text = (
        HEADER.replace("source_id,", "source_id,code,")
        + f"kobo,k-9,{hers.code},2024-02-05,Ana,,,2024-02-05,,,\n"
    )
    report = _import(net, text)
    assert [(e.column, e.message) for e in report.errors] == [
        ("code", "No participant of your organisation has this code.")
    ]


@pytest.mark.django_db
def test_only_the_members_editors_import_into_it(net):
    for person, member in ((net.vera, net.cemex), (net.quim, net.cemex), (net.bea, net.cemex)):
        with pytest.raises(NotPermitted):
            _import(net, GOOD, actor=person, member=member)
    assert not Participant.objects.exists()


@pytest.mark.django_db
def test_one_audit_entry_per_import_with_counts_and_digest_and_no_names(net):
    _import(net, GOOD)
    _import(net, GOOD, dry_run=True)
    entries = AuditEntry.objects.filter(action__startswith="network.import").order_by("seq")
    assert [e.action for e in entries] == ["network.import", "network.import.checked"]
    assert entries[0].changes["created"] == 2 and len(entries[0].changes["sha256"]) == 64
    assert not AuditEntry.objects.filter(action="network.participant.register").exists()
    assert "Núñez" not in str(list(AuditEntry.objects.values_list("changes", "object_repr")))


@pytest.mark.django_db
def test_progress_is_reported(net):
    told = []
    _import(net, GOOD, progress=lambda done, total, message: told.append((done, total)))
    assert told[-1] == (2, 2)


ENROLMENTS = "participant,cohort,enrolled_on,mentor,status,status_on,exit_reasons\n"


@pytest.mark.django_db
def test_enrolments_go_through_the_states_and_re_import_changes_nothing(net):
    _import(net, GOOD)
    text = ENROLMENTS + (
        "k-1,CMX-24A,2024-02-05,CMX-24A mentor,completed,2024-08-30,\n"
        "k-2,CMX-24A,2024-02-06,,dropped_out,2024-03-01,care_child;transport\n"
    )
    report = _import(net, text, kind="enrolments")
    assert report.errors == [] and report.counts.created == 2
    done = Enrolment.objects.get(participant__source_id="k-1")
    assert (done.status, done.mentor, done.exited_on) == (
        "completed",
        net.mentor_a,
        date(2024, 8, 30),
    )
    gone = Enrolment.objects.get(participant__source_id="k-2")
    assert list(gone.exit.reasons.order_by("-first", "code").values_list("code", flat=True)) == [
        "care_child",
        "transport",
    ]
    assert FollowUpTask.objects.count() == 6
    again = _import(net, text, kind="enrolments")
    assert again.errors == [] and again.counts.unchanged == 2


@pytest.mark.django_db
def test_enrolment_rows_the_services_refuse_are_errors_on_their_columns(net):
    _import(net, GOOD)
    theirs = net.register(net.promexico)
    text = ENROLMENTS + (
        "k-1,CMX-24A,2024-02-05,,dropped_out,2024-03-01,\n"  # no reason
        f"{theirs.code},CMX-24A,2024-02-05,,,,\n"  # another partner's woman
        "k-2,PMX-24A,2024-02-05,,,,\n"  # another partner's cohort
        "k-2,CMX-24A,2024-02-05,Nobody,,,\n"
    )
    report = _import(net, text, kind="enrolments")
    assert [(e.row, e.column) for e in report.errors] == [
        (2, "status"),
        (3, "participant"),
        (4, "cohort"),
        (5, "mentor"),
    ]
    assert not Enrolment.objects.exists()


@pytest.mark.django_db
def test_attendance_and_followups_are_imported_once(net):
    _import(net, GOOD)
    _import(net, ENROLMENTS + "k-1,CMX-24A,2024-02-05,,completed,2024-08-30,\n", kind="enrolments")
    marks = "participant,cohort,held_on,status\nk-1,CMX-24A,2024-03-01,present\n"
    assert _import(net, marks, kind="attendance").counts.created == 1
    assert _import(net, marks, kind="attendance").counts.unchanged == 1
    assert Attendance.objects.get().status == "present"
    late = _import(net, marks.replace("present", "late"), kind="attendance")
    assert late.counts.changed == 1 and Attendance.objects.get().status == "late"
    answers = (
        "participant,cohort,round,responded_on,work_status,income_band,has_business,in_education\n"
        "k-1,CMX-24A,fu3,2024-11-29,self_employed,above_lpi,yes,no\n"
    )
    assert _import(net, answers, kind="followups").counts.changed == 1
    task = FollowUpTask.objects.get(round="fu3")
    assert (task.status, task.work_status, task.has_business) == (
        "completed",
        "self_employed",
        True,
    )
    assert _import(net, answers, kind="followups").counts.unchanged == 1
    other = _import(net, answers.replace("2024-11-29", "2024-12-01"), kind="followups")
    assert [(e.column, e.message) for e in other.errors] == [
        ("responded_on", "This follow-up is closed.")
    ]


@pytest.mark.django_db
def test_attendance_of_a_woman_not_in_the_cohort_is_an_error(net):
    _import(net, GOOD)
    report = _import(
        net,
        "participant,cohort,held_on,status\nk-1,CMX-24A,2024-03-01,present\n",
        kind="attendance",
    )
    assert [(e.row, e.column) for e in report.errors] == [(2, "participant")]
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_the_system_imports_for_a_member(net):
    report = _import(net, GOOD, actor=SYSTEM)
    assert report.written and Participant.objects.get(source_id="k-1").created_by is None


@pytest.mark.django_db
def test_an_error_after_the_first_thousand_rows_undoes_the_rows_before_it(net):
    many = "".join(f"kobo,m-{i},2024-02-05,Ana,,,2024-02-05,1982,,1\n" for i in range(1001))
    report = _import(net, HEADER + many + "kobo,m-x,2024-02-05,,,,2024-02-05,1982,,1\n")
    assert [(e.row, e.column) for e in report.errors] == [(1003, "given_names")]
    assert report.rows == 1002 and not report.written
    assert not Participant.objects.exists()
    assert not Identity.objects.exists()


@pytest.mark.django_db
def test_another_partners_source_id_is_not_found_on_any_kind(net):
    _import(net, GOOD, actor=net.quim, member=net.promexico)  # k-1 and k-2 are hers
    files = {
        "enrolments": ENROLMENTS + "k-1,CMX-24A,2024-02-05,,,,\n",
        "attendance": "participant,cohort,held_on,status\nk-1,CMX-24A,2024-03-01,present\n",
        "followups": "participant,cohort,round,responded_on\nk-1,CMX-24A,fu3,2024-11-29\n",
    }
    for kind, text in files.items():
        report = _import(net, text, kind=kind)
        assert [(e.row, e.column, e.value) for e in report.errors] == [(2, "participant", "k-1")]
        assert report.errors[0].message == "No participant of your organisation has this id."
    assert not Enrolment.objects.exists()
