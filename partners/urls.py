from django.urls import path

from partners import views

urlpatterns = [
    path("partner/define/", views.partner_define, name="partner_define"),
    path("partner/directory/", views.partner_directory, name="partner_directory"),
    path("partner/scopes/", views.partner_scopes, name="partner_scopes"),
    path("partner/remove/", views.partner_remove, name="partner_remove"),
    path("partner/scopes/until/", views.partner_scopes_until, name="partner_scopes_until"),
    path("partner/scopes/extend/", views.partner_scopes_extend, name="partner_scopes_extend"),
    path("partner/offer/<str:token>/", views.offer_sign_up, name="offer_sign_up"),
    path("partner/messages/", views.partner_messages, name="partner_messages"),
    path("notifications/issued/", views.issued_requests, name="issued_requests"),
    path("notifications/received/", views.received_requests, name="received_requests"),
    path(
        "partner/requests/<uuid:invitation_id>/", views.invitation_detail, name="invitation_detail"
    ),
    path(
        "partner/requests/<uuid:invitation_id>/<str:action>/",
        views.invitation_action,
        name="invitation_action",
    ),
    path("partner/open/", views.invitation_landing_resume, name="invitation_landing_resume"),
    path("partner/open/<str:token>/", views.invitation_landing, name="invitation_landing"),
    path("customers/", views.customers, name="customers"),
    path("customers/offer/", views.customer_offer, name="customer_offer"),
    path("customers/<uuid:company_id>/", views.customer_detail, name="customer_detail"),
    path(
        "customers/<uuid:company_id>/messages/", views.customer_messages, name="customer_messages"
    ),
    path("customers/<uuid:company_id>/end/", views.customer_end, name="customer_end"),
]
