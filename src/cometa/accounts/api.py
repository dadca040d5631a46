"""REST endpoints for accounts. Each handler validates with a serializer, then calls one
service or selector."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cometa.accounts import access, second_factor, services, tokens
from cometa.accounts.acting import person_of
from cometa.accounts.middleware import SECOND_FACTOR_AT
from cometa.accounts.models import ApiToken, AuditEntry, Membership, Organisation, Person
from cometa.accounts.models.organisations import OrganisationKind
from cometa.accounts.roles import Role
from cometa.accounts.selectors import audit_filter
from cometa.core.api.fields import IdField
from cometa.core.clients import client_address
from cometa.core.errors import ValidationFailed
from cometa.core.ids import parse_id


class OrganisationSerializer(serializers.ModelSerializer[Organisation]):
    parent: Any = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = Organisation
        fields = ["id", "name", "short_name", "kind", "parent", "country", "region", "is_active"]


class OrganisationWriteSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=200)
    short_name = serializers.CharField(max_length=40, required=False, allow_blank=True)
    kind = serializers.ChoiceField(choices=OrganisationKind.choices)
    parent: Any = IdField(required=False, allow_null=True)
    country = serializers.CharField(max_length=3, required=False, allow_blank=True)
    region = serializers.CharField(max_length=80, required=False, allow_blank=True)


class OrganisationUpdateSerializer(OrganisationWriteSerializer):
    name: Any = serializers.CharField(max_length=200, required=False)
    kind: Any = serializers.ChoiceField(choices=OrganisationKind.choices, required=False)
    is_active = serializers.BooleanField(required=False)


class PersonSummarySerializer(serializers.ModelSerializer[Person]):
    class Meta:
        model = Person
        fields = ["id", "full_name", "email"]


class MembershipSerializer(serializers.ModelSerializer[Membership]):
    person = PersonSummarySerializer(read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "organisation", "person", "role", "title"]


class MembershipCreateSerializer(serializers.Serializer[Any]):
    organisation = IdField()
    email = serializers.EmailField()
    role = serializers.ChoiceField(choices=Role.choices)
    title = serializers.CharField(max_length=120, required=False, allow_blank=True)


class MembershipUpdateSerializer(serializers.Serializer[Any]):
    role = serializers.ChoiceField(choices=Role.choices)


class MeSerializer(serializers.ModelSerializer[Person]):
    memberships = MembershipSerializer(many=True, read_only=True)

    class Meta:
        model = Person
        fields = ["id", "email", "full_name", "language", "is_platform_admin", "memberships"]


class TokenSerializer(serializers.ModelSerializer[ApiToken]):
    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "created_at", "expires_at", "revoked_at", "last_used_at"]


class TokenCreateSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=80)
    days = serializers.IntegerField(min_value=1, max_value=365, default=90)
    code = serializers.CharField(
        max_length=8,
        required=False,
        allow_blank=True,
        help_text="The current second-factor code. Needed by people who have a second factor "
        "(or whose role needs one) unless their session checked one in the last 15 minutes; "
        "always needed when the request comes with a token.",
    )


class IssuedTokenSerializer(TokenSerializer):
    secret = serializers.CharField(read_only=True)

    class Meta(TokenSerializer.Meta):
        fields = [*TokenSerializer.Meta.fields, "secret"]


class AuditEntrySerializer(serializers.ModelSerializer[AuditEntry]):
    class Meta:
        model = AuditEntry
        fields = [
            "seq",
            "at",
            "actor_label",
            "action",
            "object_type",
            "object_id",
            "object_repr",
            "organisation_id",
            "changes",
            "hash",
        ]


def _valid(serializer_class: type[serializers.Serializer[Any]], request: Request, **kw: Any) -> Any:
    serializer = serializer_class(data=request.data, **kw)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class OrganisationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Organisation]
):
    serializer_class = OrganisationSerializer
    lookup_value_regex = r"\d+"

    def get_queryset(self) -> QuerySet[Organisation]:
        rows = access.organisations_for(person_of(self.request))
        query = self.request.query_params.get("q", "").strip()
        if query:
            rows = rows.filter(Q(name__icontains=query) | Q(country__iexact=query))
        return rows

    def get_object(self) -> Organisation:
        return access.organisation_get(person_of(self.request), self.kwargs["pk"])

    @extend_schema(
        parameters=[OpenApiParameter("q", str, description="Search by name or country code")]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(request=OrganisationWriteSerializer, responses={201: OrganisationSerializer})
    def create(self, request: Request) -> Response:
        data = _valid(OrganisationWriteSerializer, request)
        parent_id = data.pop("parent", None)
        parent = access.organisation_get(person_of(request), parent_id) if parent_id else None
        organisation = services.organisation_create(actor=person_of(request), parent=parent, **data)
        return Response(OrganisationSerializer(organisation).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=OrganisationUpdateSerializer, responses={200: OrganisationSerializer})
    def partial_update(self, request: Request, pk: str) -> Response:
        organisation = self.get_object()
        data = _valid(OrganisationUpdateSerializer, request)
        if "parent" in data:
            parent_id = data.pop("parent")
            data["parent"] = (
                access.organisation_get(person_of(request), parent_id) if parent_id else None
            )
        organisation = services.organisation_update(
            actor=person_of(request), organisation=organisation, **data
        )
        return Response(OrganisationSerializer(organisation).data)


class MembershipViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Membership]
):
    serializer_class = MembershipSerializer
    lookup_value_regex = r"\d+"

    def get_queryset(self) -> QuerySet[Membership]:
        visible = access.organisations_for(person_of(self.request))
        rows = Membership.objects.filter(organisation__in=visible).select_related("person")
        organisation = self.request.query_params.get("organisation")
        if organisation:
            rows = rows.filter(organisation_id=parse_id(organisation, field="organisation"))
        return rows.order_by("id")

    def get_object(self) -> Membership:
        return access.membership_get(person_of(self.request), self.kwargs["pk"])

    @extend_schema(
        parameters=[OpenApiParameter("organisation", int, description="Only this organisation")]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(request=MembershipCreateSerializer, responses={201: MembershipSerializer})
    def create(self, request: Request) -> Response:
        data = _valid(MembershipCreateSerializer, request)
        organisation = access.organisation_get(person_of(request), data["organisation"])
        person = Person.objects.filter(email__iexact=data["email"], is_active=True).first()
        if person is None:
            raise ValidationFailed({"email": [_("No active account has this e-mail address.")]})
        membership = services.membership_add(
            actor=person_of(request),
            organisation=organisation,
            person=person,
            role=data["role"],
            title=data.get("title", ""),
        )
        return Response(MembershipSerializer(membership).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=MembershipUpdateSerializer, responses={200: MembershipSerializer})
    def partial_update(self, request: Request, pk: str) -> Response:
        membership = self.get_object()
        data = _valid(MembershipUpdateSerializer, request)
        membership = services.membership_change_role(
            actor=person_of(request), membership=membership, role=data["role"]
        )
        return Response(MembershipSerializer(membership).data)

    def destroy(self, request: Request, pk: str) -> Response:
        services.membership_remove(actor=person_of(request), membership=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(APIView):
    @extend_schema(responses=MeSerializer)
    def get(self, request: Request) -> Response:
        return Response(MeSerializer(person_of(request)).data)


class TokenViewSet(mixins.ListModelMixin, viewsets.GenericViewSet[ApiToken]):
    serializer_class = TokenSerializer
    queryset = ApiToken.objects.none()  # for the schema; rows come from get_queryset
    lookup_value_regex = r"\d+"

    def get_queryset(self) -> QuerySet[ApiToken]:
        return ApiToken.objects.filter(person=person_of(self.request)).order_by(
            "-created_at", "-id"
        )

    @extend_schema(request=TokenCreateSerializer, responses={201: IssuedTokenSerializer})
    def create(self, request: Request) -> Response:
        data = _valid(TokenCreateSerializer, request)
        person = person_of(request)
        via = request.auth if isinstance(request.auth, ApiToken) else None
        checked = second_factor.checked_at(
            person=person,
            code=data.pop("code", ""),
            address=client_address(request),
            session_at=None if via else request.session.get(SECOND_FACTOR_AT),
        )
        issued = tokens.token_create(actor=person, second_factor_at=checked, via=via, **data)
        body = TokenSerializer(issued.token).data | {"secret": issued.secret}
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    def destroy(self, request: Request, pk: str) -> Response:
        token = self.get_queryset().filter(pk=pk).first() if pk.isdigit() else None
        if token is None:
            raise Http404
        tokens.token_revoke(actor=person_of(request), token=token)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AuditViewSet(mixins.ListModelMixin, viewsets.GenericViewSet[AuditEntry]):
    serializer_class = AuditEntrySerializer

    def get_queryset(self) -> QuerySet[AuditEntry]:
        rows = access.audit_entries_for(person_of(self.request))
        params = self.request.query_params
        return audit_filter(
            rows,
            q=params.get("q", ""),
            action=params.get("action", ""),
            object_type=params.get("object_type", ""),
            actor=params.get("actor", ""),
        )

    @extend_schema(
        parameters=[
            OpenApiParameter(name, str, description=f"Filter by {name}")
            for name in ("q", "action", "object_type", "actor")
        ]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if not person_of(request).is_platform_admin:
            raise Http404
        return super().list(request, *args, **kwargs)
