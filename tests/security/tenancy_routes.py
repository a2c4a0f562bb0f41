"""Every page and API endpoint that takes an id, found from the URL configuration and the schema.

Pages come from walking ``django.urls.get_resolver()`` (patterns with converters), API paths from
``drf_spectacular``'s ``SchemaGenerator`` (paths with ``{...}`` parameters, with their methods).
Each parameter is mapped to the victim's object of the right kind (``item_id`` by the resource in
front of it). A parameter the mapping does not know is reported by ``unmapped()`` and fails
``test_every_route_with_an_id_is_mapped``: a new endpoint is covered or listed here consciously.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

LICENSING = "licensing"
TELEPHONY = "telephony"

# Parameter name -> kind of victim object (World.ids key) or a literal value.
PARAMS = {
    "company_id": "company",
    "pbx_id": "pbx",
    "line_id": "line",
    "subscription_id": "subscription",
    "user_id": "assigned_user",
    "member_id": "member",
    "invitation_id": "invitation",
    "notification_id": "notification",
    "token_id": "token",
    "import_id": "device_import",
    "member_import_id": "member_import",
    "group_id": "hunt_group",
    "service_id": "welcome_service",
    "attendant_id": "auto_attendant",
    "uidb64": "uidb64",
    "webhook_id": "webhook",
    "delivery_id": "webhook_delivery",
}
# ``item_id`` names the object of the resource in front of it.
ITEMS = {
    "devices": "device",
    "device-imports": "device_import",
    "member-imports": "member_import",
    "public-numbers": "public_number",
    "hunt-groups": "hunt_group",
    "welcome-services": "welcome_service",
    "auto-attendants": "auto_attendant",
    "emergency-numbers": "emergency_number",
}
# Parameters that are not ids of the victim: every value the view knows is tried.
LITERALS = {
    "which": ["open", "closed"],
    "action": ["resend", "cancel", "accept", "decline"],
    # Capability links: another person's uidb64 with a forged token, a forged invitation token.
    "token": ["forged-0123456789abcdef"],
    # The operators' email preview (admin site): a kind of email and a language, no object.
    "kind": ["partner_invitation"],
    "language": ["de"],
}
# Django admin (operators only): ``object_id`` is the victim's object of the model in the path.
ADMIN_MODELS = {
    "companies/company": "company",
    "companies/user": "member",
    "companies/apitoken": "token",
    "partners/invitation": "invitation",
    "partners/partnerlink": "link",
    "partners/partnermessage": "partner_message",
    "licensing/offer": "offer",
    "licensing/subscription": "subscription",
    "licensing/licenseassignment": "assignment",
    "telephony/pbx": "pbx",
    "telephony/line": "line",
    "telephony/device": "device",
    "telephony/deviceimport": "device_import",
    "telephony/publicnumber": "public_number",
    "telephony/huntgroup": "hunt_group",
    "telephony/welcomeservice": "welcome_service",
    "telephony/autoattendant": "auto_attendant",
    "telephony/emergencynumber": "emergency_number",
    "notifications/outboundemail": "email",
    "notifications/notification": "notification",
    "notifications/activityrecord": "activity",
    "webhooks/endpoint": "webhook",
    "auth/group": None,  # no group is the victim's: the page is tried with a made-up id
}
# Patterns whose named groups are not object ids, consciously left out (with the reason).
NOT_ID_ROUTES = {
    "admin/^(?P<app_label>auth|companies|partners|licensing|telephony|notifications|webhooks)/$": (
        "an app label of the operators' admin, not an object"
    ),
    "admin/(?P<url>.*)$": "the admin's catch-all redirect, not an object",
}
UNSAFE = ("post", "put", "patch", "delete")
PAGE_METHODS = ("get", "post")


@dataclass(frozen=True)
class Route:
    kind: str  # "api" or "page"
    template: str  # "/api/v1/pbxs/{pbx_id}/" or "/telephony/pbxs/{pbx_id}/"
    methods: tuple[str, ...]

    @property
    def params(self) -> list[str]:
        return re.findall(r"{(\w+)}", self.template)

    @property
    def scope(self) -> str | None:
        if re.search(r"pbx|telephony", self.template):
            return TELEPHONY
        if re.search(r"subscription|licenses", self.template):
            return LICENSING
        return None

    @property
    def is_admin_site(self) -> bool:
        return self.template.startswith("/admin/")

    def kinds(self) -> dict[str, str | None]:
        """Each id parameter -> kind of victim object (``None`` when none fits)."""
        kinds: dict[str, str | None] = {}
        for param in self.params:
            if param in LITERALS:
                continue
            if param == "item_id":
                resource = self.template.split("/{item_id}")[0].rsplit("/", 1)[-1]
                kinds[param] = ITEMS[resource]
            elif self.template.startswith("/admin/r/"):  # view on site: the victim company
                kinds[param] = {"content_type_id": "company_type", "object_id": "company"}[param]
            elif param == "object_id" and self.is_admin_site:
                model = "/".join(self.template.split("/")[2:4])
                kinds[param] = ADMIN_MODELS[model]
            elif param == "id" and self.template.startswith("/admin/companies/user/"):
                kinds[param] = "member"
            else:
                kinds[param] = PARAMS[param]
        return kinds

    def variants(self) -> list[dict[str, str]]:
        """Values of the literal parameters, one dict per variant."""
        out: list[dict[str, str]] = [{}]
        for param in self.params:
            if param in LITERALS:
                out = [{**v, param: value} for v in out for value in LITERALS[param]]
        return out


def _route_of(prefix: str, pattern) -> tuple[str, list[str]] | None:
    if isinstance(pattern, RoutePattern):
        route = str(pattern)
        return route, list(pattern.converters)
    if isinstance(pattern, RegexPattern):
        return str(pattern), list(pattern.regex.groupindex)
    return None


def _walk(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        part = str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + part)
        elif isinstance(entry, URLPattern):
            groups = (
                list(entry.pattern.converters)
                if isinstance(entry.pattern, RoutePattern)
                else list(entry.pattern.regex.groupindex)
            )
            yield prefix + part, groups


def page_routes() -> tuple[list[Route], list[str]]:
    """Pages taking kwargs (API routes excepted: the schema lists them), and the regex leftovers."""
    routes, leftovers = [], []
    for raw, groups in _walk(get_resolver()):
        if not groups or raw.startswith("api/"):
            continue
        if raw in NOT_ID_ROUTES:
            continue
        if "(?P<" in raw or raw.startswith("^"):
            leftovers.append(raw)
            continue
        template = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", raw)
        routes.append(Route("page", template, PAGE_METHODS))
    return routes, leftovers


def api_url_routes_with_ids() -> set[str]:
    """API routes of the URL configuration taking kwargs (each must be in the schema)."""
    return {
        "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", raw)
        for raw, groups in _walk(get_resolver())
        if groups and raw.startswith("api/")
    }


def api_routes() -> list[Route]:
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    routes = []
    for path, item in schema["paths"].items():
        if "{" not in path:
            continue
        methods = tuple(m for m in ("get", "post", "put", "patch", "delete") if m in item)
        routes.append(Route("api", path, methods))
    return routes


def all_routes() -> list[Route]:
    pages, _leftovers = page_routes()
    return sorted(api_routes() + pages, key=lambda r: (r.kind, r.template))


def unmapped(routes: list[Route]) -> list[str]:
    """Routes with an id the mapping does not know (must stay empty)."""
    problems = []
    for route in routes:
        try:
            route.kinds()
        except KeyError as missing:
            problems.append(f"{route.template}: parameter {missing} is not mapped")
    _pages, leftovers = page_routes()
    problems += [f"{raw}: regex route with groups, not mapped" for raw in leftovers]
    schema_paths = {r.template for r in routes if r.kind == "api"}
    problems += [
        f"{path}: API route with an id missing from the schema"
        for path in sorted(api_url_routes_with_ids() - schema_paths)
    ]
    return problems
