"""The summary and description of each operation of the OpenAPI document (``AutoSchema``).

One table, so the document reads as one text: who may call an operation, what it does and the
rules a client must know (limits, idempotency, the statuses with a meaning of their own). The
error answers themselves are declared by ``schema.add_error_responses``. An operation not in the
table takes the first line of its docstring, else a summary made from its method and path.
"""

from __future__ import annotations

# Who may act on a company's telephony, and what the Cloud PBX resources have in common.
_TELEPHONY = (
    "For the company's admins, its partner's admins holding the `telephony` scope and operators "
    "(a member gets 403; anyone who may not see the company 404)."
)
_CLOUD = (
    _TELEPHONY + " A Cloud PBX resource: on another kind of PBX the answer is 409 `cloud_pbx_only`."
)
_PAGES = " Answered in pages (`count`, `next`, `previous`, `results`; `page`, `page_size`)."
_ADMINS = "For the company's admins and operators (a member gets 403)."
_WEBHOOKS = (
    "For the admins of the endpoint's company (anyone else gets 404; a caller without a "
    "company, the operator, 403 `no_company`)."
)

OPERATIONS: dict[tuple[str, str], tuple[str, str]] = {
    # --- companies: sign-in, me, companies, people ----------------------------------------
    ("post", "/api/v1/auth/token/"): (
        "Sign in: get an API token",
        "Anyone. Answers 201 `{token, expires_at}`; send it as `Authorization: Bearer <token>`. "
        "Bad credentials are a 400, the same whether the email exists or not. With two-factor "
        "on, `otp` is needed: without it 400 `otp_required`, wrong 400 `otp_invalid` (an unused "
        "recovery code works once). Sign-in failures are limited per address and per client "
        "(429 with `Retry-After`). Each call makes a new token; a person holds a limited number "
        "of usable tokens (the oldest is revoked).",
    ),
    ("get", "/api/v1/me/"): (
        "Who I am",
        "Any signed-in caller: the person and their company (`company` is null for an "
        "operator, who belongs to none).",
    ),
    ("get", "/api/v1/me/two-factor/"): (
        "My two-factor state",
        "Any signed-in caller: whether two-factor is on, its methods, the recovery codes left "
        "and whether the company's policy requires it.",
    ),
    ("delete", "/api/v1/me/two-factor/"): (
        "Turn my two-factor off",
        "Body `{code}`: a current code or an unused recovery code (400 `otp_invalid` "
        "otherwise; wrong codes count on the sign-in limit, 429 with `Retry-After`). Refused "
        "with 409 `two_factor_required` while the company's policy requires two-factor.",
    ),
    ("post", "/api/v1/me/two-factor/totp/"): (
        "Start setting up an authenticator app",
        "Any signed-in caller: 201 `{secret, otpauth_url}` (RFC 6238: SHA-1, 6 digits, 30 s). "
        "Not active until confirmed with a code; calling again replaces the pending secret.",
    ),
    ("post", "/api/v1/me/two-factor/totp/confirm/"): (
        "Confirm the authenticator app",
        "Body `{code}` from the app: turns two-factor on and answers the 10 single-use "
        "recovery codes (shown once). 400 `otp_invalid` for a wrong code; wrong codes count "
        "on the sign-in limit (429 with `Retry-After`).",
    ),
    ("post", "/api/v1/me/two-factor/recovery-codes/"): (
        "Make new recovery codes",
        "Body `{code}` (a current code): 10 new single-use recovery codes, shown once; the old "
        "ones stop working. 409 when two-factor is off; wrong codes count on the sign-in limit "
        "(429 with `Retry-After`).",
    ),
    ("post", "/api/v1/companies/"): (
        "Create a company",
        "Operators only (others 403). `kind`: customer, reseller or distributor.",
    ),
    ("get", "/api/v1/companies/{company_id}/"): (
        "Get a company",
        "Its members, its partner's admins and operators (anyone else 404).",
    ),
    ("patch", "/api/v1/companies/{company_id}/"): (
        "Change a company's settings",
        _ADMINS + " Every field is optional (an empty body changes nothing); `kind` cannot "
        "change. `require_two_factor`: none, admins or everyone.",
    ),
    ("get", "/api/v1/companies/{company_id}/members/"): (
        "List a company's people",
        _ADMINS + _PAGES,
    ),
    ("post", "/api/v1/companies/{company_id}/members/"): (
        "Add a person",
        _ADMINS + " The new person gets an activation email; `password` (no email) is taken "
        "from operators only. 400 `email_taken` when a member of the company uses the address, "
        "`email_unavailable` when someone else does. Adding people is limited per company "
        "(429 with `Retry-After`; operators are not limited).",
    ),
    ("get", "/api/v1/companies/{company_id}/members.csv"): (
        "Export a company's people (CSV)",
        _ADMINS + " Columns `email,name,role,language,active,licenses,extension`.",
    ),
    ("post", "/api/v1/companies/{company_id}/member-imports/"): (
        "Import people from a CSV",
        _ADMINS + " `content`: a header line with `email` and `name`, optional `role`, "
        "`language`, `offer` and `extension`; comma, semicolon or tab separated. Answers 202 "
        "at once: the worker imports it; poll `GET /member-imports/{id}/` for its progress. "
        "Valid rows are created, each bad row reported with its number and field. Imports are "
        "limited per company and day (429 with `Retry-After`; operators are not limited).",
    ),
    ("get", "/api/v1/member-imports/{item_id}/"): (
        "Follow a people import",
        "The admins of its company and operators: status (queued, running, finished, "
        "failed), counts and the rows refused.",
    ),
    ("get", "/api/v1/activity/"): (
        "My company's activity",
        "The caller's company admins: who did what in the company, newest first." + _PAGES,
    ),
    # --- partners ---------------------------------------------------------------------------
    ("get", "/api/v1/resellers/"): (
        "Find resellers by name",
        "Company admins and operators: at most 20 `{id, name, country}` whose name contains "
        "`search` (2 characters at least), case- and accent-insensitive, names starting with "
        "it first. Limited per person (429 with `Retry-After`).",
    ),
    ("get", "/api/v1/distributors/"): (
        "Find distributors by name",
        "As `GET /resellers/`, for distributors.",
    ),
    ("get", "/api/v1/invitations/"): (
        "List my company's partner requests",
        "The caller's company admins: the requests and offers it sent (`direction=issued`, the "
        "default) or received, newest first; `kind` and `status` narrow them." + _PAGES,
    ),
    ("post", "/api/v1/invitations/"): (
        "Ask a reseller to be our partner",
        "The caller's company admins: 201 invitation, emailed to the reseller's admins. 400 "
        "for a bad target, 409 when one is already pending or it is already the partner. "
        "Sending is limited per company (429 with `Retry-After`).",
    ),
    ("get", "/api/v1/invitations/{invitation_id}/"): (
        "Get a partner request",
        "The admins of either side (anyone else 404).",
    ),
    ("post", "/api/v1/invitations/{invitation_id}/resend/"): (
        "Send a partner request again",
        "The sender's admins: emails it again; an expired request is pending again. 409 "
        "unless pending or expired; a pause between sends and a limited number of sends a "
        "day (429 with `Retry-After`).",
    ),
    ("post", "/api/v1/invitations/{invitation_id}/cancel/"): (
        "Withdraw a partner request",
        "The sender's admins. 409 unless pending.",
    ),
    ("post", "/api/v1/invitations/{invitation_id}/accept/"): (
        "Accept a partner request",
        "The target's admins: links the companies with the scopes asked for (an existing "
        "partner link ends). 409 unless pending (expired, already answered or withdrawn).",
    ),
    ("post", "/api/v1/invitations/{invitation_id}/decline/"): (
        "Decline a partner request",
        "The target's admins. 409 unless pending.",
    ),
    ("get", "/api/v1/partner/"): (
        "My company's partner",
        "Members of a company: its partner (null if none), since when, the scopes it holds "
        "and until when, and a pending request. 404 for a caller without a company.",
    ),
    ("patch", "/api/v1/partner/"): (
        "Change my partner's scopes",
        "The company's admins: `scopes`, `scopes_until` or both (400 `required` for neither). "
        "409 without a partner; 404 for a caller without a company.",
    ),
    ("delete", "/api/v1/partner/"): (
        "End the partner link",
        "The company's admins: the partner loses its access at once. 409 without a partner; "
        "404 for a caller without a company.",
    ),
    ("get", "/api/v1/partner/messages/"): (
        "Read the conversation with my partner",
        "The company's admins, newest last. 409 without a partner; 404 for a caller without a "
        "company." + _PAGES,
    ),
    ("post", "/api/v1/partner/messages/"): (
        "Write to my partner",
        "The company's admins: the partner's admins are told. 409 without a partner; 404 for "
        "a caller without a company; limited per person (429 with `Retry-After`).",
    ),
    ("get", "/api/v1/customers/"): (
        "List my customers",
        "A partner's admins: the companies whose partner is the caller's, with since and "
        "scopes." + _PAGES,
    ),
    ("get", "/api/v1/customers/{company_id}/"): (
        "Get one of my customers",
        "A partner's admins (404 for a company that is not its customer).",
    ),
    ("get", "/api/v1/customers/{company_id}/messages/"): (
        "Read the conversation with a customer",
        "A partner's admins (404 for a company that is not its customer)." + _PAGES,
    ),
    ("post", "/api/v1/customers/{company_id}/messages/"): (
        "Write to a customer",
        "A partner's admins: the customer's admins are told. Limited per person (429 with "
        "`Retry-After`).",
    ),
    ("post", "/api/v1/customer-offers/"): (
        "Offer to manage a company",
        "A reseller's admins, by the email of one of the company's admins: an existing "
        "customer's admins get a request to accept or decline; an address without an account "
        "gets a sign-up link. The answer is the same either way (it never tells whether the "
        "address has an account). `scopes_until` makes the scopes time-bound. Limited per "
        "reseller, per hour and per day (429 with `Retry-After`).",
    ),
    # --- licensing ---------------------------------------------------------------------------
    ("get", "/api/v1/offers/"): (
        "List the licence offers",
        "Any signed-in caller: the catalogue.",
    ),
    ("get", "/api/v1/companies/{company_id}/subscriptions/"): (
        "List a company's subscriptions",
        "Its members, its partner's admins and operators." + _PAGES,
    ),
    ("post", "/api/v1/companies/{company_id}/subscriptions/"): (
        "Subscribe a company to licences",
        "The company's partner holding the `licensing` scope and operators (others 403): 201 "
        "subscription of `quantity` licences of `offer`.",
    ),
    ("get", "/api/v1/subscriptions/{subscription_id}/"): (
        "Get a subscription",
        "Its company's members, its partner's admins and operators.",
    ),
    ("patch", "/api/v1/subscriptions/{subscription_id}/"): (
        "Change a subscription",
        "The partner holding the `licensing` scope and operators: `quantity` (409 below the "
        "licences assigned; annual plans only grow), `purchase_order`. An empty body changes "
        "nothing.",
    ),
    ("delete", "/api/v1/subscriptions/{subscription_id}/"): (
        "Terminate a subscription",
        "The partner holding the `licensing` scope and operators. 409 while licences are "
        "assigned or when already terminated.",
    ),
    ("post", "/api/v1/subscriptions/{subscription_id}/default/"): (
        "Make it the default subscription",
        "The company's admins: new members get a seat of it. Idempotent; 409 unless active.",
    ),
    ("get", "/api/v1/subscriptions/{subscription_id}/assignments/"): (
        "List who holds a subscription's licences",
        "The company's admins and operators." + _PAGES,
    ),
    ("post", "/api/v1/subscriptions/{subscription_id}/assignments/"): (
        "Give licences to people",
        "The company's admins and operators: all or nothing. 400 for someone who is not a "
        "member, 409 past the quantity or against an offer's exclusivity.",
    ),
    ("delete", "/api/v1/subscriptions/{subscription_id}/assignments/{user_id}/"): (
        "Take a licence back",
        "The company's admins and operators. 404 when the person holds none of it.",
    ),
    # --- telephony -----------------------------------------------------------------------
    ("get", "/api/v1/companies/{company_id}/pbxs/"): (
        "List a company's PBXs",
        _TELEPHONY + _PAGES,
    ),
    ("post", "/api/v1/companies/{company_id}/pbxs/"): (
        "Declare a PBX",
        "The company's partner holding the `telephony` scope and operators (the company's "
        "admins 403 `partner_scope_required`). Kinds: cloud_pbx, omnipcx_enterprise, "
        "oxo_connect, third_party; a Cloud PBX takes an extension plan.",
    ),
    ("get", "/api/v1/pbxs/{pbx_id}/"): ("Get a PBX", _TELEPHONY),
    ("patch", "/api/v1/pbxs/{pbx_id}/"): (
        "Change a PBX",
        "The company's partner holding the `telephony` scope and operators. An empty body "
        "changes nothing.",
    ),
    ("delete", "/api/v1/pbxs/{pbx_id}/"): (
        "Remove a PBX",
        "The company's partner holding the `telephony` scope and operators: with its lines "
        "and configuration.",
    ),
    ("get", "/api/v1/pbxs/{pbx_id}/lines/"): ("List a PBX's lines", _TELEPHONY + _PAGES),
    ("post", "/api/v1/pbxs/{pbx_id}/lines/"): (
        "Give a person a line",
        _TELEPHONY + " `user` is a member of the company; the extension must fit the PBX's "
        "plan and be free (400 `extension_taken`).",
    ),
    ("get", "/api/v1/pbxs/{pbx_id}/lines/{line_id}/"): ("Get a line", _TELEPHONY),
    ("patch", "/api/v1/pbxs/{pbx_id}/lines/{line_id}/"): (
        "Change a line",
        _TELEPHONY + " An empty body changes nothing.",
    ),
    ("delete", "/api/v1/pbxs/{pbx_id}/lines/{line_id}/"): ("Remove a line", _TELEPHONY),
    ("get", "/api/v1/pbxs/{pbx_id}/devices/"): ("List devices", _CLOUD + _PAGES),
    ("post", "/api/v1/pbxs/{pbx_id}/devices/"): (
        "Add a device",
        _CLOUD + " A desk phone or SIP device by its MAC address, a DECT handset by its IPEI; "
        "unique on the PBX; optionally given to a member's `line`.",
    ),
    ("get", "/api/v1/pbxs/{pbx_id}/devices/{item_id}/"): ("Get a device", _CLOUD),
    ("patch", "/api/v1/pbxs/{pbx_id}/devices/{item_id}/"): (
        "Give a device to a line",
        _CLOUD + " `line` is required: a line of the PBX, or null for nobody.",
    ),
    ("delete", "/api/v1/pbxs/{pbx_id}/devices/{item_id}/"): ("Remove a device", _CLOUD),
    ("post", "/api/v1/pbxs/{pbx_id}/device-imports/"): (
        "Import devices from a CSV",
        _CLOUD + " Answers 201 at once; the worker imports it: poll the import for its "
        "progress. Rows that pass are added, the others reported with their error.",
    ),
    ("get", "/api/v1/pbxs/{pbx_id}/device-imports/{item_id}/"): (
        "Follow a device import",
        _CLOUD,
    ),
    ("get", "/api/v1/pbxs/{pbx_id}/public-numbers/"): ("List public numbers", _CLOUD + _PAGES),
    ("post", "/api/v1/pbxs/{pbx_id}/public-numbers/"): (
        "Add public numbers",
        _CLOUD + " One number (E.164), or `count` consecutive numbers from `number`: all or "
        "none (400 `range_overlap` when one is on the PBX already); the PBX's first number "
        "becomes the company number. Answers the numbers added, `{count, results}` (not a "
        "page).",
    ),
    ("get", "/api/v1/pbxs/{pbx_id}/public-numbers/{item_id}/"): ("Get a public number", _CLOUD),
    ("patch", "/api/v1/pbxs/{pbx_id}/public-numbers/{item_id}/"): (
        "Route a public number",
        _CLOUD + " `destination` member (`target`: the person's user id), hunt_group, "
        "auto_attendant or welcome_service (`target`: its id), or empty for none. The "
        "`target.id` read back is what this takes.",
    ),
    ("delete", "/api/v1/pbxs/{pbx_id}/public-numbers/{item_id}/"): (
        "Remove a public number",
        _CLOUD,
    ),
    ("get", "/api/v1/pbxs/{pbx_id}/hunt-groups/"): ("List hunt groups", _CLOUD + _PAGES),
    ("post", "/api/v1/pbxs/{pbx_id}/hunt-groups/"): (
        "Create a hunt group",
        _CLOUD + " `members`: user ids of people with a line on the PBX, in ringing order.",
    ),
    ("get", "/api/v1/pbxs/{pbx_id}/hunt-groups/{item_id}/"): ("Get a hunt group", _CLOUD),
    ("patch", "/api/v1/pbxs/{pbx_id}/hunt-groups/{item_id}/"): (
        "Change a hunt group",
        _CLOUD + " `members`, when given, replaces the list. An empty body changes nothing.",
    ),
    ("delete", "/api/v1/pbxs/{pbx_id}/hunt-groups/{item_id}/"): ("Remove a hunt group", _CLOUD),
    ("get", "/api/v1/pbxs/{pbx_id}/welcome-services/"): (
        "List Welcome Services",
        _CLOUD + _PAGES,
    ),
    ("post", "/api/v1/pbxs/{pbx_id}/welcome-services/"): (
        "Create a Welcome Service",
        _CLOUD + " `name` is required. Open and closed destinations: a member or a hunt "
        "group each; `hours` per weekday and `exceptions` per date, in the PBX's time zone.",
    ),
    ("get", "/api/v1/pbxs/{pbx_id}/welcome-services/{item_id}/"): (
        "Get a Welcome Service",
        _CLOUD,
    ),
    ("patch", "/api/v1/pbxs/{pbx_id}/welcome-services/{item_id}/"): (
        "Change a Welcome Service",
        _CLOUD + " `hours` and `exceptions`, when given, replace the lists. An empty body "
        "changes nothing.",
    ),
    ("delete", "/api/v1/pbxs/{pbx_id}/welcome-services/{item_id}/"): (
        "Remove a Welcome Service",
        _CLOUD,
    ),
    ("get", "/api/v1/pbxs/{pbx_id}/welcome-services/{item_id}/greetings/{which}/"): (
        "Hear a Welcome Service greeting",
        "The greeting played while open or closed, as uploaded (`audio/wav`); `Range` is "
        "answered with 206, `If-None-Match` with 304. The company's members, its partner "
        "holding the `telephony` scope and operators (404 for anyone else, and when there is "
        "none).",
    ),
    ("post", "/api/v1/pbxs/{pbx_id}/welcome-services/{item_id}/greetings/{which}/"): (
        "Upload a Welcome Service greeting",
        _CLOUD + " A WAV file in the multipart field `file`; replaces the one there was.",
    ),
    ("get", "/api/v1/pbxs/{pbx_id}/auto-attendants/"): (
        "List Automated Attendants",
        _CLOUD + _PAGES,
    ),
    ("post", "/api/v1/pbxs/{pbx_id}/auto-attendants/"): (
        "Create an Automated Attendant",
        _CLOUD + ' `name` is required. `keys`: one digit per menu (`menu` "" is the root, '
        '"1" the sub-menu of key 1), leading to a member, a hunt group or a sub-menu.',
    ),
    ("get", "/api/v1/pbxs/{pbx_id}/auto-attendants/{item_id}/"): (
        "Get an Automated Attendant",
        _CLOUD,
    ),
    ("patch", "/api/v1/pbxs/{pbx_id}/auto-attendants/{item_id}/"): (
        "Change an Automated Attendant",
        _CLOUD + " `keys`, when given, replaces the menu. An empty body changes nothing.",
    ),
    ("delete", "/api/v1/pbxs/{pbx_id}/auto-attendants/{item_id}/"): (
        "Remove an Automated Attendant",
        _CLOUD,
    ),
    ("get", "/api/v1/pbxs/{pbx_id}/auto-attendants/{item_id}/prompt/"): (
        "Hear an Automated Attendant's prompt",
        "The menu prompt as uploaded (`audio/wav`); `Range` is answered with 206, "
        "`If-None-Match` with 304. The company's members, its partner holding the `telephony` "
        "scope and operators (404 for anyone else, and when there is none).",
    ),
    ("post", "/api/v1/pbxs/{pbx_id}/auto-attendants/{item_id}/prompt/"): (
        "Upload an Automated Attendant's prompt",
        _CLOUD + " A WAV file in the multipart field `file`; replaces the one there was.",
    ),
    ("get", "/api/v1/pbxs/{pbx_id}/emergency-numbers/"): (
        "List emergency numbers",
        _CLOUD + _PAGES,
    ),
    ("post", "/api/v1/pbxs/{pbx_id}/emergency-numbers/"): ("Add an emergency number", _CLOUD),
    ("get", "/api/v1/pbxs/{pbx_id}/emergency-numbers/{item_id}/"): (
        "Get an emergency number",
        _CLOUD,
    ),
    ("patch", "/api/v1/pbxs/{pbx_id}/emergency-numbers/{item_id}/"): (
        "Change an emergency number",
        _CLOUD + " An empty body changes nothing.",
    ),
    ("delete", "/api/v1/pbxs/{pbx_id}/emergency-numbers/{item_id}/"): (
        "Remove an emergency number",
        _CLOUD,
    ),
    # --- notifications -----------------------------------------------------------------------
    ("get", "/api/v1/notifications/"): (
        "My notifications",
        "Any signed-in caller: the in-portal notifications, newest first." + _PAGES,
    ),
    ("post", "/api/v1/notifications/{notification_id}/read/"): (
        "Mark a notification read",
        "Its recipient (anyone else 404). Idempotent.",
    ),
    ("post", "/api/v1/notifications/read-all/"): (
        "Mark all my notifications read",
        "Any signed-in caller. Idempotent.",
    ),
    # --- webhooks --------------------------------------------------------------------------
    ("get", "/api/v1/webhooks/"): ("List my company's webhook endpoints", _WEBHOOKS + _PAGES),
    ("post", "/api/v1/webhooks/"): (
        "Add a webhook endpoint",
        _WEBHOOKS + ' `events`: event types (see the document\'s `webhooks`), `["*"]` for '
        "all. The answer holds the signing `secret`, shown only here. Outside development the "
        "URL must be https and must not resolve to a private address.",
    ),
    ("get", "/api/v1/webhooks/{webhook_id}/"): ("Get a webhook endpoint", _WEBHOOKS),
    ("patch", "/api/v1/webhooks/{webhook_id}/"): (
        "Change a webhook endpoint",
        _WEBHOOKS + " `active: true` turns a disabled endpoint on again. An empty body "
        "changes nothing.",
    ),
    ("delete", "/api/v1/webhooks/{webhook_id}/"): ("Remove a webhook endpoint", _WEBHOOKS),
    ("post", "/api/v1/webhooks/{webhook_id}/ping/"): (
        "Send a test event",
        _WEBHOOKS + " 202: a `ping` event is delivered by the worker; follow it in the deliveries.",
    ),
    ("post", "/api/v1/webhooks/{webhook_id}/rotate-secret/"): (
        "Rotate the signing secret",
        _WEBHOOKS + " A new secret (shown once); the old one stays valid for 24 hours and both "
        "signatures are sent meanwhile.",
    ),
    ("get", "/api/v1/webhooks/{webhook_id}/deliveries/"): (
        "List an endpoint's deliveries",
        _WEBHOOKS + " Newest first." + _PAGES,
    ),
    ("post", "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver/"): (
        "Deliver a message again",
        _WEBHOOKS + " 202: the same message (same `webhook-id`) is queued again.",
    ),
}
