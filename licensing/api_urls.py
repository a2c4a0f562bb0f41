from licensing import api
from rainbow_admin.api.routes import api_routes

urlpatterns = api_routes(
    ("offers/", api.OffersView, "api-offers"),
    (
        "companies/<str:company_id>/subscriptions/",
        api.CompanySubscriptionsView,
        "api-company-subscriptions",
    ),
    ("subscriptions/<str:subscription_id>/", api.SubscriptionDetailView, "api-subscription"),
    (
        "subscriptions/<str:subscription_id>/default/",
        api.SubscriptionDefaultView,
        "api-subscription-default",
    ),
    (
        "subscriptions/<str:subscription_id>/assignments/",
        api.AssignmentsView,
        "api-assignments",
    ),
    (
        "subscriptions/<str:subscription_id>/assignments/<str:user_id>/",
        api.AssignmentDetailView,
        "api-assignment",
    ),
)
