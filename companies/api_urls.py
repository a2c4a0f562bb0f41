from companies import api
from companies.models import Company
from companies.two_factor import api as two_factor_api
from rainbow_admin.api.routes import api_routes

urlpatterns = api_routes(
    ("auth/token/", api.TokenView, "api-token"),
    ("me/", api.MeView, "api-me"),
    ("me/two-factor/", two_factor_api.TwoFactorView, "api-two-factor"),
    ("me/two-factor/totp/", two_factor_api.TotpView, "api-two-factor-totp"),
    ("me/two-factor/totp/confirm/", two_factor_api.TotpConfirmView, "api-two-factor-confirm"),
    (
        "me/two-factor/recovery-codes/",
        two_factor_api.RecoveryCodesView,
        "api-two-factor-recovery-codes",
    ),
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
