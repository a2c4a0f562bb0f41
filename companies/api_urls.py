from django.urls import path

from companies import api
from companies.models import Company

urlpatterns = [
    path("auth/token/", api.TokenView.as_view(), name="api-token"),
    path("me/", api.MeView.as_view(), name="api-me"),
    path("companies/", api.CompanyCreateView.as_view(), name="api-companies"),
    path("companies/<str:company_id>/", api.CompanyDetailView.as_view(), name="api-company"),
    path("companies/<str:company_id>/members/", api.MembersView.as_view(), name="api-members"),
    path(
        "resellers/",
        api.DirectoryView.as_view(kind=Company.Kind.RESELLER),
        name="api-resellers",
    ),
    path(
        "distributors/",
        api.DirectoryView.as_view(kind=Company.Kind.DISTRIBUTOR),
        name="api-distributors",
    ),
]
