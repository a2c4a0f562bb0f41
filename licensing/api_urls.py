from django.urls import path

from licensing import api

urlpatterns = [
    path("offers/", api.OffersView.as_view(), name="api-offers"),
    path(
        "companies/<str:company_id>/subscriptions/",
        api.CompanySubscriptionsView.as_view(),
        name="api-company-subscriptions",
    ),
    path(
        "subscriptions/<str:subscription_id>/",
        api.SubscriptionDetailView.as_view(),
        name="api-subscription",
    ),
    path(
        "subscriptions/<str:subscription_id>/default/",
        api.SubscriptionDefaultView.as_view(),
        name="api-subscription-default",
    ),
    path(
        "subscriptions/<str:subscription_id>/assignments/",
        api.AssignmentsView.as_view(),
        name="api-assignments",
    ),
    path(
        "subscriptions/<str:subscription_id>/assignments/<str:user_id>/",
        api.AssignmentDetailView.as_view(),
        name="api-assignment",
    ),
]
