from django.urls import path

from telephony.api import pbx

urlpatterns = [
    path("companies/<str:company_id>/pbxs/", pbx.CompanyPbxsView.as_view(), name="api-pbxs"),
    path("pbxs/<str:pbx_id>/", pbx.PbxView.as_view(), name="api-pbx"),
    path("pbxs/<str:pbx_id>/lines/", pbx.LinesView.as_view(), name="api-lines"),
    path("pbxs/<str:pbx_id>/lines/<str:line_id>/", pbx.LineView.as_view(), name="api-line"),
]
