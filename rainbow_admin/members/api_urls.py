from django.urls import path

from rainbow_admin.members import api

urlpatterns = [
    path(
        "companies/<str:company_id>/member-imports/",
        api.MemberImportsView.as_view(),
        name="api-member-imports",
    ),
    path(
        "companies/<str:company_id>/members.csv",
        api.MembersExportView.as_view(),
        name="api-members-csv",
    ),
    path("member-imports/<str:item_id>/", api.MemberImportView.as_view(), name="api-member-import"),
]
