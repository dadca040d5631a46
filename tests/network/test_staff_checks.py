"""Staff named on a record must be the right kind of staff of the right member: another
member's instructor on a session, an instructor recorded as a mentor, or a platform account
from another organisation as a staff member were all accepted before."""

from __future__ import annotations

from datetime import date

import pytest

from cometa.core.errors import ValidationFailed
from cometa.network.models import MentoringContact, Session, Staff
from cometa.network.services import delivery, progress
from tests.conftest import make_person


def _instructor(net, member):  # type: ignore[no-untyped-def]
    return Staff.objects.get(member=member, role="instructor")


def _enrolment(net):  # type: ignore[no-untyped-def]
    woman = net.register(net.cemex)
    return progress.enrol(
        actor=net.pablo, participant=woman, cohort=net.cohort_a, enrolled_on=date(2024, 2, 6)
    )


def test_a_session_taught_by_another_member_s_instructor_is_refused(net):
    with pytest.raises(ValidationFailed) as refused:
        delivery.session_create(
            actor=net.pablo,
            cohort=net.cohort_a,
            held_on=date(2024, 3, 1),
            instructor=_instructor(net, net.promexico),
        )
    assert list(refused.value.errors) == ["instructor"]
    assert not Session.objects.exists()


def test_a_session_taught_by_a_mentor_is_refused(net):
    with pytest.raises(ValidationFailed) as refused:
        delivery.session_create(
            actor=net.pablo, cohort=net.cohort_a, held_on=date(2024, 3, 1), instructor=net.mentor_a
        )
    assert list(refused.value.errors) == ["instructor"]


def test_a_session_by_the_member_s_own_instructor_is_kept(net):
    session = delivery.session_create(
        actor=net.pablo,
        cohort=net.cohort_a,
        held_on=date(2024, 3, 1),
        instructor=_instructor(net, net.cemex),
    )
    assert session.instructor.member == net.cemex


def test_a_cohort_taught_by_a_mentor_is_refused(net):
    with pytest.raises(ValidationFailed) as refused:
        delivery.cohort_create(
            actor=net.pablo,
            site=net.cohort_a.site,
            pathway=net.cohort_a.pathway,
            code="CMX-24B",
            starts_on=date(2024, 9, 2),
            ends_on=date(2024, 12, 20),
            capacity=20,
            instructor=net.mentor_a,
        )
    assert list(refused.value.errors) == ["instructor"]


def test_mentoring_recorded_by_an_instructor_is_refused(net):
    with pytest.raises(ValidationFailed) as refused:
        progress.mentoring_contact_record(
            actor=net.pablo,
            enrolment=_enrolment(net),
            mentor=_instructor(net, net.cemex),
            contacted_on=date(2024, 3, 1),
            mode="in_person",
        )
    assert list(refused.value.errors) == ["mentor"]
    assert not MentoringContact.objects.exists()


def test_a_staff_account_must_belong_to_the_member(net):
    outsider = make_person("ximena@example.org", "Ximena")
    with pytest.raises(ValidationFailed) as refused:
        delivery.staff_create(
            actor=net.pablo, member=net.cemex, name="Ximena", role="mentor", person=outsider
        )
    assert list(refused.value.errors) == ["person"]
    quims_account = delivery.staff_create  # another member's coordinator is no better
    with pytest.raises(ValidationFailed):
        quims_account(actor=net.pablo, member=net.cemex, name="Q", role="mentor", person=net.quim)
    kept = delivery.staff_create(
        actor=net.pablo, member=net.cemex, name="Sofía", role="psychologist", person=net.sofia
    )
    assert kept.person == net.sofia
