from companies import api
from companies.models import Company
from rainbow_admin.api.routes import api_routes

urlpatterns = api_routes(
    ("auth/token/", api.TokenView, "api-token"),
    ("me/", api.MeView, "api-me"),
    ("companies/", api.CompanyCreateView, "api-companies"),
    ("companies/<str:company_id>/", api.CompanyDetailView, "api-company"),
    ("companies/<str:company_id>/members/", api.MembersView, "api-members"),
    ("resellers/", api.DirectoryView.as_view(kind=Company.Kind.RESELLER), "api-resellers"),
    (
        "distributors/",
        api.DirectoryView.as_view(kind=Company.Kind.DISTRIBUTOR),
        "api-distributors",
    ),
)
