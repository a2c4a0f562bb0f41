from partners import api
from rainbow_admin.api.routes import api_routes

urlpatterns = api_routes(
    ("invitations/", api.InvitationsView, "api-invitations"),
    ("invitations/<str:invitation_id>/", api.InvitationDetailView, "api-invitation"),
    *[
        (
            f"invitations/<str:invitation_id>/{action}/",
            api.InvitationActionView.as_view(action_name=action),
            f"api-invitation-{action}",
        )
        for action in ("resend", "cancel", "accept", "decline")
    ],
    ("partner/", api.PartnerView, "api-partner"),
    ("customer-offers/", api.CustomerOffersView, "api-customer-offers"),
    ("partner/messages/", api.PartnerMessagesView, "api-partner-messages"),
    ("customers/", api.CustomersView, "api-customers"),
    ("customers/<str:company_id>/", api.CustomerDetailView, "api-customer"),
    ("customers/<str:company_id>/messages/", api.CustomerMessagesView, "api-customer-messages"),
)
