from rainbow_admin.api.routes import api_routes
from telephony.api import cloud, pbx

# A Cloud PBX's resources: a list at ``pbxs/<pbx_id>/<route>/`` (name ``api-<route>``) and an
# item below it (``api-<route>-item``).
CLOUD = [
    ("devices", cloud.DevicesView, cloud.DeviceView),
    ("device-imports", cloud.DeviceImportsView, cloud.DeviceImportView),
    ("public-numbers", cloud.NumbersView, cloud.NumberView),
    ("hunt-groups", cloud.HuntGroupsView, cloud.HuntGroupView),
    ("welcome-services", cloud.WelcomeServicesView, cloud.WelcomeServiceView),
    ("auto-attendants", cloud.AttendantsView, cloud.AttendantView),
    ("emergency-numbers", cloud.EmergencyNumbersView, cloud.EmergencyNumberView),
]

urlpatterns = api_routes(
    ("companies/<str:company_id>/pbxs/", pbx.CompanyPbxsView, "api-pbxs"),
    ("pbxs/<str:pbx_id>/", pbx.PbxView, "api-pbx"),
    ("pbxs/<str:pbx_id>/lines/", pbx.LinesView, "api-lines"),
    ("pbxs/<str:pbx_id>/lines/<str:line_id>/", pbx.LineView, "api-line"),
    (
        "pbxs/<str:pbx_id>/welcome-services/<str:item_id>/greetings/<str:which>/",
        cloud.WelcomeGreetingView,
        "api-welcome-greeting",
    ),
    (
        "pbxs/<str:pbx_id>/auto-attendants/<str:item_id>/prompt/",
        cloud.AttendantPromptView,
        "api-attendant-prompt",
    ),
    *[
        row
        for route, list_view, item_view in CLOUD
        for row in (
            (f"pbxs/<str:pbx_id>/{route}/", list_view, f"api-{route}"),
            (f"pbxs/<str:pbx_id>/{route}/<str:item_id>/", item_view, f"api-{route}-item"),
        )
    ],
)
