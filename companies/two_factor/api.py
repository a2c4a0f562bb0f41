"""``/api/v1/me/two-factor/``: the signed-in person's own second step (DESIGN.md)."""

from __future__ import annotations

from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from companies.two_factor import services
from rainbow_admin.api.input import validated


class CodeSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=32)


class TwoFactorStatusSerializer(serializers.Serializer):
    enabled = serializers.BooleanField()
    methods = serializers.ListField(child=serializers.CharField())
    recovery_codes_left = serializers.IntegerField()
    required = serializers.BooleanField()


RecoveryCodesSerializer = inline_serializer(
    "NewRecoveryCodes", {"recovery_codes": serializers.ListField(child=serializers.CharField())}
)


def _secret(response: Response) -> Response:
    add_never_cache_headers(response)
    return response


class TwoFactorView(APIView):
    @extend_schema(responses=TwoFactorStatusSerializer)
    def get(self, request: Request) -> Response:
        return Response(TwoFactorStatusSerializer(services.two_factor_status(request.user)).data)

    @extend_schema(
        request=CodeSerializer,
        responses={204: None},
        description="Body `{code}`: a current code or an unused recovery code. Refused (409 "
        "`two_factor_required`) while the company's policy requires two-factor.",
    )
    def delete(self, request: Request) -> Response:
        data = validated(CodeSerializer, request)
        services.two_factor_disable(user=request.user, code=data["code"], request=request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TotpView(APIView):
    @extend_schema(
        request=None,
        responses={
            201: inline_serializer(
                "TotpSecret",
                {"secret": serializers.CharField(), "otpauth_url": serializers.CharField()},
            )
        },
    )
    def post(self, request: Request) -> Response:
        device, secret = services.totp_begin(user=request.user)
        return _secret(
            Response(
                {"secret": secret, "otpauth_url": device.config_url},
                status=status.HTTP_201_CREATED,
            )
        )


class TotpConfirmView(APIView):
    @extend_schema(request=CodeSerializer, responses=RecoveryCodesSerializer)
    def post(self, request: Request) -> Response:
        data = validated(CodeSerializer, request)
        codes = services.totp_confirm(user=request.user, code=data["code"], request=request)
        return _secret(Response({"recovery_codes": codes}))


class RecoveryCodesView(APIView):
    @extend_schema(request=CodeSerializer, responses=RecoveryCodesSerializer)
    def post(self, request: Request) -> Response:
        data = validated(CodeSerializer, request)
        codes = services.recovery_codes_regenerate(
            user=request.user, code=data["code"], request=request
        )
        return _secret(Response({"recovery_codes": codes}))
