"""REST API of partner requests, the partner link, customers and the Contact conversation."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from companies.api import CompanyRefSerializer
from companies.models import Company
from partners import selectors, services
from partners.models import Invitation, PartnerLink
from rainbow_admin.api.errors import parse_uuid
from rainbow_admin.api.fields import one_of
from rainbow_admin.api.input import validated
from rainbow_admin.api.pagination import PageNumberPagination, paginated
from rainbow_admin.errors import NotFound
from rainbow_admin.permissions import SCOPES, require_manage


class PartnerCompanySerializer(CompanyRefSerializer):
    country = serializers.CharField(source="country.code")


class PersonRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()


class InvitationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    direction = serializers.ChoiceField(choices=["request", "offer"])
    status = one_of(Invitation.Status.choices)
    scopes = serializers.ListField(child=serializers.ChoiceField(choices=list(SCOPES)))
    scopes_until = serializers.DateTimeField(allow_null=True)
    from_company = CompanyRefSerializer()
    to_company = CompanyRefSerializer(
        source="shown_to_company",
        allow_null=True,
        help_text="The company that answers. For the reseller that sent an offer: null until "
        "that company accepts or declines (it knows the address, `to_email`, and no more).",
    )
    to_email = serializers.CharField(
        help_text="An offer's address (an administrator's, or one without an account); empty "
        "for a request."
    )
    to_company_name = serializers.CharField(
        help_text="The company name the reseller suggested in an offer (for a sign-up)."
    )
    replaces = CompanyRefSerializer(
        allow_null=True,
        help_text="For the company a pending offer reached: the partner an accept would "
        "replace; null otherwise and always null for the sender.",
    )
    message = serializers.CharField()
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    sent_count = serializers.IntegerField()
    last_sent_at = serializers.DateTimeField()
    email_status = serializers.ChoiceField(choices=["queued", "sent", "failed"])
    email_failure = serializers.ChoiceField(
        choices=["no_recipient", "delivery_failed"], allow_null=True
    )
    created_by = PersonRefSerializer(allow_null=True)
    responded_at = serializers.DateTimeField(allow_null=True)


class InvitationInputSerializer(serializers.Serializer):
    to_company = serializers.UUIDField()
    message = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")


@extend_schema_serializer(component_name="PartnerLink")  # not ``Partner``: it has a ``partner``
class PartnerSerializer(serializers.Serializer):
    partner = PartnerCompanySerializer(allow_null=True)
    since = serializers.DateTimeField(allow_null=True)
    scopes = serializers.ListField(child=serializers.ChoiceField(choices=list(SCOPES)))
    scopes_until = serializers.DateTimeField(allow_null=True)
    pending_invitation = InvitationSerializer(allow_null=True)


class ScopesInputSerializer(serializers.Serializer):
    scopes = serializers.ListField(
        child=serializers.ChoiceField(choices=list(SCOPES)), allow_empty=True, required=False
    )
    scopes_until = serializers.DateTimeField(allow_null=True, required=False)

    def validate(self, attrs: dict) -> dict:
        if not attrs:
            raise serializers.ValidationError(
                {"scopes": ["Give scopes, scopes_until or both."]}, code="required"
            )
        return attrs


class CustomerOfferInputSerializer(serializers.Serializer):
    email = serializers.CharField(max_length=254)
    company_name = serializers.CharField(
        required=False, allow_blank=True, max_length=150, default=""
    )
    message = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")
    scopes = serializers.ListField(
        child=serializers.ChoiceField(choices=list(SCOPES)), allow_empty=True, required=False
    )
    scopes_until = serializers.DateTimeField(allow_null=True, required=False, default=None)


class CustomerOfferSerializer(serializers.Serializer):
    """The answer to an offer: what was asked, and the pending offer as the reseller sees it
    (resend and cancel it with its id), the same whether the address has an account."""

    email = serializers.CharField(source="to_email")
    company_name = serializers.CharField(source="to_company_name")
    message = serializers.CharField()
    scopes = serializers.ListField(child=serializers.CharField())
    scopes_until = serializers.DateTimeField(allow_null=True)
    invitation = InvitationSerializer(source="*")


class CustomerSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="company.id")
    name = serializers.CharField(source="company.name")
    kind = one_of(Company.Kind.choices, serializers.CharField(source="company.kind"))
    country = serializers.CharField(source="company.country.code")
    since = serializers.DateTimeField()
    scopes = serializers.ListField(child=serializers.ChoiceField(choices=list(SCOPES)))
    scopes_until = serializers.DateTimeField(allow_null=True)


class MessageAuthorSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="author_id", allow_null=True)
    name = serializers.CharField(source="author_name")
    company = CompanyRefSerializer(source="author_company")


class MessageSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    text = serializers.CharField()
    author = MessageAuthorSerializer(source="*")
    created_at = serializers.DateTimeField()


class MessageInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=5000)


def _partner_body(panel: dict) -> dict:
    link: PartnerLink | None = panel["link"]
    return PartnerSerializer(
        {
            "partner": link.partner if link else None,
            "since": link.since if link else None,
            "scopes": link.scopes if link else [],
            "scopes_until": link.scopes_until if link else None,
            "pending_invitation": panel["pending"],
        }
    ).data


class InvitationsView(APIView):
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "direction",
                enum=["issued", "received"],
                default="issued",
                description="The invitations the company sent (issued) or received.",
            ),
            OpenApiParameter(
                "status", enum=["pending", "accepted", "declined", "cancelled", "expired"]
            ),
            OpenApiParameter(
                "kind",
                enum=["request", "offer"],
                description="Customers' requests or resellers' offers (the `direction` field).",
            ),
        ],
        responses=InvitationSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        invitations = selectors.invitations_list(
            actor=request.user,
            direction=request.query_params.get("direction", "issued"),
            status=request.query_params.get("status") or None,
            kind=request.query_params.get("kind") or None,
        )
        return paginated(request, invitations, InvitationSerializer, self)

    @extend_schema(request=InvitationInputSerializer, responses={201: InvitationSerializer})
    def post(self, request: Request) -> Response:
        company = request.user.company
        if company is None:
            raise NotFound(_("Not found."), code="not_found")
        require_manage(request.user, company)
        data = validated(InvitationInputSerializer, request)
        invitation = services.invitation_send(
            actor=request.user, to_company_id=data["to_company"], message=data["message"]
        )
        invitation = selectors.invitation_get(actor=request.user, invitation_id=invitation.pk)
        return Response(InvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)


class InvitationDetailView(APIView):
    @extend_schema(responses=InvitationSerializer)
    def get(self, request: Request, invitation_id: str) -> Response:
        invitation = selectors.invitation_get(
            actor=request.user, invitation_id=parse_uuid(invitation_id)
        )
        return Response(InvitationSerializer(invitation).data)


class InvitationActionView(APIView):
    """``POST /invitations/{id}/<action>/``: resend, cancel, accept or decline."""

    action_name = ""
    ACTIONS = {
        "resend": services.invitation_resend,
        "cancel": services.invitation_cancel,
        "accept": services.invitation_accept,
        "decline": services.invitation_decline,
    }

    @extend_schema(request=None, responses=InvitationSerializer)
    def post(self, request: Request, invitation_id: str) -> Response:
        invitation_pk = parse_uuid(invitation_id)
        self.ACTIONS[self.action_name](actor=request.user, invitation_id=invitation_pk)
        invitation = selectors.invitation_get(actor=request.user, invitation_id=invitation_pk)
        return Response(InvitationSerializer(invitation).data)


class PartnerView(APIView):
    partial_update_body = False  # ``scopes`` is the whole change

    @extend_schema(responses=PartnerSerializer)
    def get(self, request: Request) -> Response:
        return Response(_partner_body(selectors.partner_get(actor=request.user)))

    @extend_schema(request=ScopesInputSerializer, responses=PartnerSerializer)
    def patch(self, request: Request) -> Response:
        company = _own_company(request)
        require_manage(request.user, company)
        data = validated(ScopesInputSerializer, request)
        with transaction.atomic():  # both or neither
            if "scopes" in data:
                services.partner_link_set_scopes(
                    actor=request.user, company=company, scopes=data["scopes"]
                )
            if "scopes_until" in data:
                services.partner_link_set_scopes_until(
                    actor=request.user, company=company, scopes_until=data["scopes_until"]
                )
        return Response(_partner_body(selectors.partner_get(actor=request.user)))

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request) -> Response:
        services.partner_link_end(actor=request.user, company=_own_company(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class CustomerOffersView(APIView):
    """``POST /customer-offers/``: a reseller's admin offers to manage a company."""

    @extend_schema(
        request=CustomerOfferInputSerializer,
        responses={201: CustomerOfferSerializer, 409: None, 429: None},
    )
    def post(self, request: Request) -> Response:
        company = _own_company(request)
        require_manage(request.user, company)
        data = validated(CustomerOfferInputSerializer, request)
        invitation = services.customer_offer_send(actor=request.user, **data)
        invitation = selectors.invitation_get(actor=request.user, invitation_id=invitation.pk)
        return Response(CustomerOfferSerializer(invitation).data, status=status.HTTP_201_CREATED)


def _own_company(request: Request) -> Company:
    if request.user.company is None:
        raise NotFound(_("Not found."), code="not_found")
    return request.user.company


class CustomersView(APIView):
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    @extend_schema(responses=CustomerSerializer(many=True))
    def get(self, request: Request) -> Response:
        return paginated(
            request, selectors.customers_list(actor=request.user), CustomerSerializer, self
        )


class CustomerDetailView(APIView):
    @extend_schema(responses=CustomerSerializer)
    def get(self, request: Request, company_id: str) -> Response:
        link = selectors.customer_get(actor=request.user, company_id=parse_uuid(company_id))
        return Response(CustomerSerializer(link).data)


class _ConversationView(APIView):
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    def conversation_sides(self, request: Request, **kwargs) -> tuple[Company, Company]:
        raise NotImplementedError

    @extend_schema(responses=MessageSerializer(many=True))
    def get(self, request: Request, **kwargs) -> Response:
        company, partner = self.conversation_sides(request, **kwargs)
        messages = selectors.conversation(company=company, partner=partner)
        return paginated(request, messages, MessageSerializer, self)

    @extend_schema(request=MessageInputSerializer, responses={201: MessageSerializer})
    def post(self, request: Request, **kwargs) -> Response:
        company, _partner = self.conversation_sides(request, **kwargs)
        data = validated(MessageInputSerializer, request)
        message = services.partner_message_post(actor=request.user, company=company, **data)
        return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)


class PartnerMessagesView(_ConversationView):
    """The conversation of my company with its partner (my company's admins)."""

    def conversation_sides(self, request: Request, **kwargs) -> tuple[Company, Company]:
        company = _own_company(request)
        require_manage(request.user, company)
        link = selectors.active_link(company_id=company.pk)
        if link is None:
            from rainbow_admin.errors import Conflict

            raise Conflict(_("Your company has no partner."), code="no_partner")
        return company, link.partner


class CustomerMessagesView(_ConversationView):
    """The conversation with one of my customers (my company's admins)."""

    def conversation_sides(self, request: Request, **kwargs) -> tuple[Company, Company]:
        link = selectors.customer_get(
            actor=request.user, company_id=parse_uuid(kwargs["company_id"])
        )
        return link.company, link.partner
