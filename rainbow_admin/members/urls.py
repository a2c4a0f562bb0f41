from django.urls import path

from rainbow_admin.members import views

urlpatterns = [
    path("members/import/", views.member_import_new, name="member_import_new"),
    path("members/imports/<uuid:member_import_id>/", views.member_import, name="member_import"),
    path(
        "members/imports/<uuid:member_import_id>/result.csv",
        views.member_import_result,
        name="member_import_result",
    ),
]
