from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import MultiPartParser

from rainbow_admin.api.routes import api_routes
from telephony.api import cloud, pbx


class AnyAccept(DefaultContentNegotiation):
    """Answers that are files (``audio/wav``) whatever ``Accept`` says, as a browser's <audio>
    asks; DRF renders only their errors, in JSON (DRF's "ignore client content negotiation")."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


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
# The prompts: POST uploads a WAV file (multipart), GET answers it as ``audio/wav`` whatever the
# client accepts (errors stay JSON).
UPLOAD = {"parser_classes": [MultiPartParser], "content_negotiation_class": AnyAccept}

urlpatterns = api_routes(
    ("companies/<str:company_id>/pbxs/", pbx.CompanyPbxsView, "api-pbxs"),
    ("pbxs/<str:pbx_id>/", pbx.PbxView, "api-pbx"),
    *pbx.Lines.routes("lines", "api-lines", "api-line"),
    (
        "pbxs/<str:pbx_id>/welcome-services/<str:item_id>/greetings/<str:which>/",
        cloud.WelcomeServices.as_view({"post": "greeting", "get": "greeting_audio"}, **UPLOAD),
        "api-welcome-greeting",
    ),
    (
        "pbxs/<str:pbx_id>/auto-attendants/<str:item_id>/prompt/",
        cloud.AutoAttendants.as_view({"post": "prompt", "get": "prompt_audio"}, **UPLOAD),
        "api-attendant-prompt",
    ),
    *[
        row
        for route, resource in CLOUD
        for row in resource.routes(route, f"api-{route}", f"api-{route}-item")
    ],
)
