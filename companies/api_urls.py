from django.urls import path

from companies import api

urlpatterns = [
    path("auth/token/", api.TokenView.as_view(), name="api-token"),
    path("me/", api.MeView.as_view(), name="api-me"),
    path("companies/", api.CompanyCreateView.as_view(), name="api-companies"),
    path("companies/<str:company_id>/", api.CompanyDetailView.as_view(), name="api-company"),
    path("companies/<str:company_id>/members/", api.MembersView.as_view(), name="api-members"),
]
