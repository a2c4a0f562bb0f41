"""Each telephony page twice: for the company (``/telephony/…``, names ``telephony…``) and for
its partner (``/customers/<id>/telephony/…``, names ``customer_telephony…``)."""

from django.urls import path

from telephony.views import cloud, features, pbx

PAGES = [
    ("", pbx.index, "telephony"),
    ("pbxs/<uuid:pbx_id>/", pbx.pbx_detail, "telephony_pbx"),
    ("pbxs/<uuid:pbx_id>/devices/", cloud.devices, "telephony_devices"),
    (
        "pbxs/<uuid:pbx_id>/devices/imports/<uuid:import_id>/",
        cloud.device_import,
        "telephony_device_import",
    ),
    ("pbxs/<uuid:pbx_id>/numbers/", cloud.numbers, "telephony_numbers"),
    ("pbxs/<uuid:pbx_id>/hunt-groups/", features.hunt_groups, "telephony_hunt_groups"),
    (
        "pbxs/<uuid:pbx_id>/hunt-groups/<uuid:group_id>/",
        features.hunt_group_detail,
        "telephony_hunt_group_detail",
    ),
    ("pbxs/<uuid:pbx_id>/welcome/", features.welcome_services, "telephony_welcome"),
    (
        "pbxs/<uuid:pbx_id>/welcome/<uuid:service_id>/",
        features.welcome_detail,
        "telephony_welcome_detail",
    ),
    ("pbxs/<uuid:pbx_id>/attendants/", features.attendants, "telephony_attendants"),
    (
        "pbxs/<uuid:pbx_id>/attendants/<uuid:attendant_id>/",
        features.attendant_detail,
        "telephony_attendant_detail",
    ),
    ("pbxs/<uuid:pbx_id>/emergency/", cloud.emergency, "telephony_emergency"),
]

urlpatterns = [path(f"telephony/{route}", view, name=name) for route, view, name in PAGES] + [
    path(f"customers/<uuid:company_id>/telephony/{route}", view, name=f"customer_{name}")
    for route, view, name in PAGES
]
