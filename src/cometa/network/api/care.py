"""API of the care of a woman in the network: mentoring contacts and graduation (her
cohort's partner), consents by purpose and a transfer to another member (her partner's
editors), psychosocial flags (raised by her partner's editors or the designated people;
read, referred and moved by the designated people only, 404 for everyone else). The
same selectors and services as the pages: another partner's woman answers 404 on every
path, the backbone records nothing here."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from cometa.accounts.acting import person_of
from cometa.core.api.inputs import valid as _valid
from cometa.network import selectors, selectors_network
from cometa.network.access import may_edit_member, may_read_psychosocial
from cometa.network.api import serializers_care as s
from cometa.network.api.views import TAGS, _InNetwork
from cometa.network.codes import StaffRole
from cometa.network.models import Enrolment, Participant
from cometa.network.services import participants, progress, psychosocial
from cometa.network.services.common import invalid


class _Editable(_InNetwork):
    """Her enrolment or her record, for her partner's editors (403 for the others who see
    her, 404 for those who do not)."""

    def enrolment(self) -> Enrolment:
        found = selectors.enrolment_get(
            person_of(self.request), self.network(), self.kwargs["enrolment_pk"]
        )
        if not may_edit_member(person_of(self.request), found.member):
            raise PermissionDenied
        return found

    def her(self) -> Participant:
        found = selectors.participant_get(
            person_of(self.request), self.network(), self.kwargs["code"]
        )
        if not may_edit_member(person_of(self.request), found.member):
            raise PermissionDenied
        return found


class MentoringView(_Editable):
    serializer_class = s.NetworkCareMentoringSerializer

    @extend_schema(tags=TAGS, summary="Her mentoring contacts in this enrolment")
    def get(self, request: Request, pk: int, enrolment_pk: int) -> Response:
        rows = self.enrolment().mentoring.order_by("contacted_on", "pk")
        return Response(s.NetworkCareMentoringSerializer(rows, many=True).data)

    @extend_schema(
        tags=TAGS,
        summary="Record a mentoring contact (by a mentor of her partner)",
        responses={201: s.NetworkCareMentoringSerializer},
    )
    def post(self, request: Request, pk: int, enrolment_pk: int) -> Response:
        enrolment, person = self.enrolment(), person_of(request)
        data = dict(_valid(s.NetworkCareMentoringSerializer, request.data))
        mentor = (
            selectors_network.staff_for(person, self.network())
            .filter(member=enrolment.member, role=StaffRole.MENTOR, is_active=True)
            .filter(pk=data.pop("mentor_id"))
            .first()
        )
        if mentor is None:
            raise invalid("mentor", _("No such mentor of her partner."))
        done = progress.mentoring_contact_record(
            actor=person, enrolment=enrolment, mentor=mentor, **data
        )
        return Response(s.NetworkCareMentoringSerializer(done).data, status=status.HTTP_201_CREATED)


class GraduationView(_Editable):
    serializer_class = s.NetworkCareAssessmentSerializer

    @extend_schema(tags=TAGS, summary="Her graduation assessments, criterion by criterion")
    def get(self, request: Request, pk: int, enrolment_pk: int) -> Response:
        rows = self.enrolment().assessments.prefetch_related("results__criterion")
        return Response(
            s.NetworkCareAssessmentSerializer(rows.order_by("assessed_on", "pk"), many=True).data
        )

    @extend_schema(
        tags=TAGS,
        summary="Judge graduation criterion by criterion (409 unless active or completed)",
        request=s.NetworkCareAssessInputSerializer,
        responses={201: s.NetworkCareAssessmentSerializer},
    )
    def post(self, request: Request, pk: int, enrolment_pk: int) -> Response:
        enrolment = self.enrolment()
        data = _valid(s.NetworkCareAssessInputSerializer, request.data)
        done = progress.graduation_assess(actor=person_of(request), enrolment=enrolment, **data)
        return Response(
            s.NetworkCareAssessmentSerializer(done).data, status=status.HTTP_201_CREATED
        )


class ConsentListView(_Editable):
    serializer_class = s.NetworkCareConsentRowSerializer

    @extend_schema(tags=TAGS, summary="Her consents by purpose, withdrawn ones included")
    def get(self, request: Request, pk: int, code: str) -> Response:
        rows = self.her().consents.order_by("given_on", "pk")
        return Response(s.NetworkCareConsentRowSerializer(rows, many=True).data)

    @extend_schema(
        tags=TAGS,
        summary="Record her consent to a purpose",
        responses={201: s.NetworkCareConsentRowSerializer},
    )
    def post(self, request: Request, pk: int, code: str) -> Response:
        her = self.her()
        data = _valid(s.NetworkCareConsentRowSerializer, request.data)
        done = participants.consent_record(actor=person_of(request), participant=her, **data)
        return Response(
            s.NetworkCareConsentRowSerializer(done).data, status=status.HTTP_201_CREATED
        )


class ConsentWithdrawView(_Editable):
    serializer_class = s.NetworkCareWithdrawSerializer

    @extend_schema(
        tags=TAGS,
        summary="Withdraw one of her consents (taking part: her pending follow-ups stop)",
        request=s.NetworkCareWithdrawSerializer,
        responses={200: s.NetworkCareConsentRowSerializer},
    )
    def post(self, request: Request, pk: int, code: str, consent_pk: int) -> Response:
        consent = generics.get_object_or_404(self.her().consents.all(), pk=consent_pk)
        data = _valid(s.NetworkCareWithdrawSerializer, request.data)
        done = participants.consent_withdraw(actor=person_of(request), consent=consent, **data)
        return Response(s.NetworkCareConsentRowSerializer(done).data)


class TransferView(_Editable):
    serializer_class = s.NetworkCareTransferSerializer

    @extend_schema(
        tags=TAGS,
        summary="Pass her record to another member (her consent, or an audited override)",
        request=s.NetworkCareTransferSerializer,
        responses={200: s.NetworkCareTransferDoneSerializer},
    )
    def post(self, request: Request, pk: int, code: str) -> Response:
        her, person = self.her(), person_of(request)
        data = dict(_valid(s.NetworkCareTransferSerializer, request.data))
        members = selectors_network.members_for(person, self.network()).exclude(pk=her.member_id)
        data["to_member"] = members.filter(pk=data["to_member"]).first()
        if data["to_member"] is None:
            raise invalid("to_member", _("No such other member of the network."))
        done = participants.participant_transfer(actor=person, participant=her, **data)
        return Response(s.NetworkCareTransferDoneSerializer(done).data)


class FlagListView(_InNetwork):
    serializer_class = s.NetworkCareFlagRaiseSerializer

    def _her(self) -> Participant:
        person = person_of(self.request)
        her = selectors.participant_get(person, self.network(), self.kwargs["code"])
        if not (may_edit_member(person, her.member) or may_read_psychosocial(person, her.member)):
            raise PermissionDenied
        return her

    @extend_schema(
        tags=TAGS,
        summary="Her psychosocial flags: for the designated people; an empty list for the "
        "others, whether or not there are any",
        responses={200: s.NetworkCareFlagSerializer(many=True)},
    )
    def get(self, request: Request, pk: int, code: str) -> Response:
        found = selectors.flags_for(person_of(request), self._her())
        return Response(s.NetworkCareFlagSerializer(found, many=True).data)

    @extend_schema(
        tags=TAGS,
        summary="Raise a psychosocial flag (answers its id, not its content)",
        responses={201: s.NetworkCareFlagRaiseSerializer},
    )
    def post(self, request: Request, pk: int, code: str) -> Response:
        her = self._her()
        data = _valid(s.NetworkCareFlagRaiseSerializer, request.data)
        done = psychosocial.flag_raise(actor=person_of(request), participant=her, **data)
        return Response(s.NetworkCareFlagRaiseSerializer(done).data, status=status.HTTP_201_CREATED)


class FlagDetailView(_InNetwork):
    serializer_class = s.NetworkCareFlagSerializer

    @extend_schema(tags=TAGS, summary="One flag with its referrals (designated people only)")
    def get(self, request: Request, pk: int, flag_pk: int) -> Response:
        flag = selectors.flag_read(person_of(request), self.network(), flag_pk)
        return Response(s.NetworkCareFlagSerializer(flag).data)


class FlagReferView(_InNetwork):
    serializer_class = s.NetworkCareReferralSerializer

    @extend_schema(
        tags=TAGS, summary="Refer her to a service (designated people only)",
        responses={201: s.NetworkCareReferralSerializer},
    )  # fmt: skip
    def post(self, request: Request, pk: int, flag_pk: int) -> Response:
        person = person_of(request)
        flag = selectors.flag_get(person, self.network(), flag_pk)
        data = _valid(s.NetworkCareReferralSerializer, request.data)
        done = psychosocial.referral_add(actor=person, flag=flag, **data)
        return Response(s.NetworkCareReferralSerializer(done).data, status=status.HTTP_201_CREATED)


class FlagMoveView(_InNetwork):
    serializer_class = s.NetworkCareFlagMoveSerializer

    @extend_schema(
        tags=TAGS,
        summary="Move a flag to its next status (designated people only; 409 for a step "
        "its status does not allow)",
        request=s.NetworkCareFlagMoveSerializer,
        responses={200: s.NetworkCareFlagSerializer},
    )
    def post(self, request: Request, pk: int, flag_pk: int) -> Response:
        person = person_of(request)
        flag = selectors.flag_get(person, self.network(), flag_pk)
        data = _valid(s.NetworkCareFlagMoveSerializer, request.data)
        done = psychosocial.flag_move(actor=person, flag=flag, **data)
        return Response(s.NetworkCareFlagSerializer(done).data)
