from django.urls import path

from partners import api

urlpatterns = [
    path("invitations/", api.InvitationsView.as_view(), name="api-invitations"),
    path(
        "invitations/<str:invitation_id>/",
        api.InvitationDetailView.as_view(),
        name="api-invitation",
    ),
    *[
        path(
            f"invitations/<str:invitation_id>/{action}/",
            api.InvitationActionView.as_view(action_name=action),
            name=f"api-invitation-{action}",
        )
        for action in ("resend", "cancel", "accept", "decline")
    ],
    path("partner/", api.PartnerView.as_view(), name="api-partner"),
    path("partner/messages/", api.PartnerMessagesView.as_view(), name="api-partner-messages"),
    path("customers/", api.CustomersView.as_view(), name="api-customers"),
    path("customers/<str:company_id>/", api.CustomerDetailView.as_view(), name="api-customer"),
    path(
        "customers/<str:company_id>/messages/",
        api.CustomerMessagesView.as_view(),
        name="api-customer-messages",
    ),
]
