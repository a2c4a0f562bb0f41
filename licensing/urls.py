from django.urls import path

from licensing import views

urlpatterns = [
    path("licenses/", views.licenses, name="licenses"),
    path(
        "licenses/<uuid:subscription_id>/candidates/",
        views.license_candidates,
        name="license_candidates",
    ),
    path("licenses/<uuid:subscription_id>/assign/", views.license_assign, name="license_assign"),
    path(
        "licenses/<uuid:subscription_id>/unassign/",
        views.license_unassign,
        name="license_unassign",
    ),
    path("licenses/<uuid:subscription_id>/default/", views.license_default, name="license_default"),
    path(
        "customers/<uuid:company_id>/subscriptions/",
        views.customer_subscriptions,
        name="customer_subscriptions",
    ),
    path(
        "customers/<uuid:company_id>/subscriptions/<uuid:subscription_id>/quantity/",
        views.customer_subscription_quantity,
        name="customer_subscription_quantity",
    ),
    path(
        "customers/<uuid:company_id>/subscriptions/<uuid:subscription_id>/terminate/",
        views.customer_subscription_terminate,
        name="customer_subscription_terminate",
    ),
]
