from rest_framework.parsers import MultiPartParser

from rainbow_admin.api.routes import api_routes
from telephony.api import cloud, pbx

# A Cloud PBX's resources: a list at ``pbxs/<pbx_id>/<route>/`` (name ``api-<route>``) and an
# item below it (``api-<route>-item``).
CLOUD = [
    ("devices", cloud.Devices),
    ("device-imports", cloud.DeviceImports),
    ("public-numbers", cloud.PublicNumbers),
    ("hunt-groups", cloud.HuntGroups),
    ("welcome-services", cloud.WelcomeServices),
    ("auto-attendants", cloud.AutoAttendants),
    ("emergency-numbers", cloud.EmergencyNumbers),
]
UPLOAD = {"parser_classes": [MultiPartParser]}

urlpatterns = api_routes(
    ("companies/<str:company_id>/pbxs/", pbx.CompanyPbxsView, "api-pbxs"),
    ("pbxs/<str:pbx_id>/", pbx.PbxView, "api-pbx"),
    *pbx.Lines.routes("lines", "api-lines", "api-line"),
    (
        "pbxs/<str:pbx_id>/welcome-services/<str:item_id>/greetings/<str:which>/",
        cloud.WelcomeServices.as_view({"post": "greeting"}, **UPLOAD),
        "api-welcome-greeting",
    ),
    (
        "pbxs/<str:pbx_id>/auto-attendants/<str:item_id>/prompt/",
        cloud.AutoAttendants.as_view({"post": "prompt"}, **UPLOAD),
        "api-attendant-prompt",
    ),
    *[
        row
        for route, resource in CLOUD
        for row in resource.routes(route, f"api-{route}", f"api-{route}-item")
    ],
)
