from django.contrib.auth import views as auth_views
from django.urls import path

from companies import views
from companies.forms import ResetPasswordSetForm
from companies.two_factor import views as two_factor_views

urlpatterns = [
    path("accounts/login/", views.SignInView.as_view(), name="login"),
    path("accounts/login/code/", two_factor_views.sign_in_code, name="sign_in_code"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/sign-up/", views.sign_up, name="sign_up"),
    path("accounts/activate/<str:uidb64>/<str:token>/", views.activate, name="activate"),
    path("accounts/password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="companies/password_reset_sent.html"
        ),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="companies/password_reset_confirm.html",
            form_class=ResetPasswordSetForm,
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="companies/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("language/", views.language_switch, name="language_switch"),
    path("company/", views.company_settings, name="company"),
    path("members/", views.members, name="members"),
    path("members/<uuid:member_id>/role/", views.member_role, name="member_role"),
    path("members/<uuid:member_id>/deactivate/", views.member_deactivate, name="member_deactivate"),
    path("profile/", views.profile, name="profile"),
    path("profile/two-factor/", two_factor_views.two_factor, name="two_factor"),
    path("profile/tokens/<uuid:token_id>/revoke/", views.token_revoke, name="token_revoke"),
]
