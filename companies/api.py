"""REST API of companies and people."""

from __future__ import annotations

from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from companies import selectors, services
from companies.models import Company, User
from companies.text import email_normalise
from rainbow_admin.api.errors import parse_uuid
from rainbow_admin.api.fields import one_of
from rainbow_admin.api.input import validated
from rainbow_admin.api.pagination import PageNumberPagination, paginated
from rainbow_admin.permissions import require_manage


class CompanyRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    kind = one_of(Company.Kind.choices)


class CompanySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    kind = one_of(Company.Kind.choices)
    country = serializers.CharField(source="country.code")
    address = serializers.CharField()
    postal_code = serializers.CharField()
    city = serializers.CharField()
    language = one_of(Company.Language.choices)
    timezone = serializers.CharField()
    phone = serializers.CharField(help_text="E.164, e.g. +493012345678; empty when not given")
    website = serializers.CharField()
    contact_email = serializers.CharField()
    require_two_factor = serializers.ChoiceField(choices=Company.TwoFactorPolicy.choices)
    created_at = serializers.DateTimeField()


class CompanyUpdateSerializer(serializers.Serializer):
    """Types only: the rules (``companies.services.company_update``) are the page's as well."""

    name = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    country = serializers.CharField(required=False, allow_blank=True)
    language = one_of(
        Company.Language.choices, serializers.CharField(required=False, allow_blank=True)
    )
    timezone = serializers.CharField(required=False, allow_blank=True)
    address = serializers.CharField(required=False, allow_blank=True)
    postal_code = serializers.CharField(required=False, allow_blank=True)
    city = serializers.CharField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True)
    website = serializers.CharField(required=False, allow_blank=True)
    contact_email = serializers.CharField(required=False, allow_blank=True)
    require_two_factor = serializers.ChoiceField(
        choices=Company.TwoFactorPolicy.choices, required=False
    )
    kind = one_of(
        Company.Kind.choices,
        serializers.CharField(required=False, help_text="read-only: refused if it differs"),
    )


class UserSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    email = serializers.EmailField()
    name = serializers.CharField()
    role = one_of(User.Role.choices)
    language = one_of(User.Language.choices)
    status = one_of(["active", "invited", "deactivated"])


class MeSerializer(UserSerializer):
    company = CompanyRefSerializer(allow_null=True)
    is_operator = serializers.BooleanField()


class TokenInputSerializer(serializers.Serializer):
    email = serializers.CharField()
    password = serializers.CharField(trim_whitespace=False)
    # With two-factor on: a code of the authenticator app, or an unused recovery code.
    otp = serializers.CharField(required=False, allow_blank=True, max_length=32)


class CompanyInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    kind = serializers.ChoiceField(choices=Company.Kind.choices)
    country = serializers.CharField(max_length=2)


class NormalisedEmailField(serializers.EmailField):
    """An address in its stored form (NFKC, case-folded) before it is validated."""

    def to_internal_value(self, data):
        return super().to_internal_value(email_normalise(data) if isinstance(data, str) else data)


class MemberInputSerializer(serializers.Serializer):
    email = NormalisedEmailField()
    name = serializers.CharField(max_length=150)
    role = serializers.ChoiceField(choices=User.Role.choices, default=User.Role.MEMBER)
    # Without it, the company's language.
    language = serializers.ChoiceField(choices=User.Language.choices, required=False)
    password = serializers.CharField(required=False, trim_whitespace=False, write_only=True)


class TokenView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        request=TokenInputSerializer,
        responses={
            201: inline_serializer(
                "Token",
                {"token": serializers.CharField(), "expires_at": serializers.DateTimeField()},
            )
        },
        auth=[],
    )
    def post(self, request: Request) -> Response:
        data = validated(TokenInputSerializer, request)
        token, raw = services.api_token_for_credentials(
            email=data["email"], password=data["password"], otp=data.get("otp"), request=request
        )
        response = Response(
            {"token": raw, "expires_at": token.expires_at}, status=status.HTTP_201_CREATED
        )
        add_never_cache_headers(response)  # a secret: kept by no browser or proxy
        return response


class MeView(APIView):
    @extend_schema(responses=MeSerializer)
    def get(self, request: Request) -> Response:
        user = request.user
        return Response(
            MeSerializer(
                {
                    "id": user.id,
                    "email": user.email,
                    "name": user.name,
                    "role": user.role,
                    "language": user.language,
                    "status": user.status,
                    "company": user.company,
                    "is_operator": user.is_operator,
                }
            ).data
        )


class CompanyCreateView(APIView):
    @extend_schema(request=CompanyInputSerializer, responses={201: CompanySerializer})
    def post(self, request: Request) -> Response:
        data = validated(CompanyInputSerializer, request)
        company = services.company_create(actor=request.user, **data)
        return Response(CompanySerializer(company).data, status=status.HTTP_201_CREATED)


class CompanyDetailView(APIView):
    @extend_schema(responses=CompanySerializer)
    def get(self, request: Request, company_id: str) -> Response:
        company = selectors.company_get(actor=request.user, company_id=parse_uuid(company_id))
        return Response(CompanySerializer(company).data)

    @extend_schema(request=CompanyUpdateSerializer, responses=CompanySerializer)
    def patch(self, request: Request, company_id: str) -> Response:
        company = selectors.company_get(actor=request.user, company_id=parse_uuid(company_id))
        # Permission before validation: a member learns nothing from the body's errors.
        require_manage(request.user, company)
        data = validated(CompanyUpdateSerializer, request)
        company = services.company_update(actor=request.user, company=company, data=data)
        return Response(CompanySerializer(company).data)


class MembersView(APIView):
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    @extend_schema(responses=UserSerializer(many=True))
    def get(self, request: Request, company_id: str) -> Response:
        company = selectors.company_get(actor=request.user, company_id=parse_uuid(company_id))
        members = selectors.members_list(actor=request.user, company=company)
        return paginated(request, members, UserSerializer, self)

    @extend_schema(request=MemberInputSerializer, responses={201: UserSerializer})
    def post(self, request: Request, company_id: str) -> Response:
        company = selectors.company_get(actor=request.user, company_id=parse_uuid(company_id))
        # Permission before validation: a member learns nothing from the body's errors.
        require_manage(request.user, company)
        data = validated(MemberInputSerializer, request)
        user = services.member_add(actor=request.user, company=company, **data)
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


class DirectoryEntrySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    city = serializers.CharField()
    country = serializers.CharField(source="country.code")


class DirectoryView(APIView):
    """`GET /resellers/?search=` and `/distributors/?search=`: at most 20, best first; company
    admins and operators, 2 characters at least, throttled per person."""

    kind = Company.Kind.RESELLER

    @extend_schema(
        parameters=[
            OpenApiParameter("search", str, description="part of the name, 2 characters at least")
        ],
        responses=DirectoryEntrySerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        companies = selectors.directory_search_for(
            actor=request.user, kind=self.kind, text=request.query_params.get("search", "")
        )
        return Response(DirectoryEntrySerializer(companies, many=True).data)
