from django.urls import path

from telephony.api import cloud, pbx

CLOUD = [
    ("devices", cloud.DevicesView, cloud.DeviceView),
    ("device-imports", cloud.DeviceImportsView, cloud.DeviceImportView),
    ("public-numbers", cloud.NumbersView, cloud.NumberView),
    ("hunt-groups", cloud.HuntGroupsView, cloud.HuntGroupView),
    ("welcome-services", cloud.WelcomeServicesView, cloud.WelcomeServiceView),
    ("auto-attendants", cloud.AttendantsView, cloud.AttendantView),
    ("emergency-numbers", cloud.EmergencyNumbersView, cloud.EmergencyNumberView),
]

urlpatterns = [
    path("companies/<str:company_id>/pbxs/", pbx.CompanyPbxsView.as_view(), name="api-pbxs"),
    path("pbxs/<str:pbx_id>/", pbx.PbxView.as_view(), name="api-pbx"),
    path("pbxs/<str:pbx_id>/lines/", pbx.LinesView.as_view(), name="api-lines"),
    path("pbxs/<str:pbx_id>/lines/<str:line_id>/", pbx.LineView.as_view(), name="api-line"),
]
urlpatterns += [
    path(
        "pbxs/<str:pbx_id>/welcome-services/<str:item_id>/greetings/<str:which>/",
        cloud.WelcomeGreetingView.as_view(),
        name="api-welcome-greeting",
    ),
    path(
        "pbxs/<str:pbx_id>/auto-attendants/<str:item_id>/prompt/",
        cloud.AttendantPromptView.as_view(),
        name="api-attendant-prompt",
    ),
]
for route, list_view, item_view in CLOUD:
    urlpatterns += [
        path(f"pbxs/<str:pbx_id>/{route}/", list_view.as_view(), name=f"api-{route}"),
        path(
            f"pbxs/<str:pbx_id>/{route}/<str:item_id>/",
            item_view.as_view(),
            name=f"api-{route}-item",
        ),
    ]
