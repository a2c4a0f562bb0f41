"""Settings for Rainbow Admin, read from the environment.

With ``DEBUG=1`` and nothing else set the portal runs on an embedded default: SQLite in the working
folder, Celery tasks run in-process after commit, emails printed to the console and written to a
folder (``scripts/demo`` sets ``DEBUG=1``). Without ``DEBUG=1`` it fails closed: it refuses to start
without a real ``SECRET_KEY`` and to send email without ``EMAIL_URL``.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# The embedded default (DEBUG=1) is for a developer's machine; anything else sets its own key.
DEVELOPMENT_SECRET_KEY = "insecure-dev-key-only-for-the-embedded-default"  # noqa: S105
# Keys that were published as defaults (in this file or docker-compose.yml): never real.
_PUBLISHED_KEYS = {DEVELOPMENT_SECRET_KEY, "change-me-in-production-to-a-long-random-string"}
SECRET_KEY = env.str("SECRET_KEY", default=DEVELOPMENT_SECRET_KEY if DEBUG else "")
if not DEBUG and (SECRET_KEY in _PUBLISHED_KEYS or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a long random string (at least 32 characters, e.g. "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`), or DEBUG=1 for the "
        "embedded development default."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_countries",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "rainbow_admin",
    "companies",
    "partners",
    "licensing",
    "telephony",
    "notifications",
    "webhooks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "companies.middleware.SessionLimitsMiddleware",
    "companies.two_factor.middleware.TwoFactorPolicyMiddleware",
    "companies.middleware.UserLanguageMiddleware",
    "companies.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "rainbow_admin.urls"
WSGI_APPLICATION = "rainbow_admin.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Pages run short queries side by side: a parallel plan's worker processes cost more to start
    # than they save, and take the cores the other requests need (benchmarks/RESULTS.md).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", "-c max_parallel_workers_per_gather=0"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "companies.User"
AUTHENTICATION_BACKENDS = ["companies.authentication.CompanyUserBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env.int("PASSWORD_MIN_LENGTH", default=12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Password reset and activation links (the same signed-token mechanism) live this long.
PASSWORD_RESET_TIMEOUT = 60 * env.int("PASSWORD_RESET_TIMEOUT_MINUTES", default=60)
# Activation links (a person added by an admin, a sign-up) live longer than a reset link.
ACTIVATION_TIMEOUT = 24 * 60 * 60 * env.int("ACTIVATION_TIMEOUT_DAYS", default=7)
# A session ends after SESSION_IDLE_MINUTES without a request, and SESSION_MAX_HOURS after the
# sign-in whatever the activity (companies.middleware.SessionLimitsMiddleware).
SESSION_COOKIE_AGE = 60 * env.int("SESSION_IDLE_MINUTES", default=30)
SESSION_MAX_AGE = timedelta(hours=env.int("SESSION_MAX_HOURS", default=12))

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("de", _("German")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# British conventions for English readers (rainbow_admin/formats); no thousands separator by
# default, as it would also reach ids and numbers in form inputs: counts use |intcomma.
FORMAT_MODULE_PATH = ["rainbow_admin.formats"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "media/"
# Voice prompts (Welcome Service greetings, attendant prompts): on the filesystem under
# MEDIA_ROOT (a volume every web and worker container shares), or in an S3-compatible bucket
# when PROMPTS_S3_BUCKET is set. The portal reads them after its permission check and serves
# them itself: the bucket stays private (no public ACL, no public URL handed out).
PROMPTS_S3_BUCKET = env.str("PROMPTS_S3_BUCKET", default="")
if PROMPTS_S3_BUCKET:
    STORAGES["prompts"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": PROMPTS_S3_BUCKET,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            # Without keys, boto3 finds credentials itself (instance role, AWS_* variables).
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            "location": env.str("PROMPTS_S3_PREFIX", default=""),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    STORAGES["prompts"] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

# Redis is the broker and the cache when REDIS_URL is set; otherwise everything stays in-process.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    # Sessions read from Redis, written through to the database (one query less per page).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="celery")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A worker runs one short task after another (an email each). Celery's Django fix-up would close
# the database connection around every task, and a new PostgreSQL connection cost more than the
# email; workers keep theirs for WORKER_CONN_MAX_AGE seconds instead, closing one an error left
# unusable (rainbow_admin/celery.py), as Django does between requests.
CELERY_DB_REUSE_MAX = 1_000_000
WORKER_CONN_MAX_AGE = env.int("WORKER_CONN_MAX_AGE", default=300)
# A request must not hang when the broker is down: publishing gives up quickly and the outbox
# re-queue job sends what was left queued.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-emails": {
        "task": "notifications.tasks.requeue_stale_emails",
        "schedule": timedelta(minutes=1),
    },
    "requeue-stale-device-imports": {
        "task": "telephony.tasks.requeue_stale_device_imports",
        "schedule": timedelta(minutes=1),
    },
    "recover-member-imports": {
        "task": "rainbow_admin.tasks.recover_member_imports",
        "schedule": timedelta(minutes=1),
    },
    "expire-partner-requests": {
        "task": "partners.tasks.expire_invitations_task",
        "schedule": timedelta(minutes=5),
    },
    "requeue-due-webhook-deliveries": {
        "task": "webhooks.tasks.requeue_due_deliveries_task",
        "schedule": timedelta(seconds=30),
    },
    "deliver-stale-offers": {
        "task": "partners.tasks.deliver_stale_offers_task",
        "schedule": timedelta(minutes=1),
    },
    "remind-partner-requests": {
        "task": "partners.tasks.remind_invitations_task",
        "schedule": timedelta(minutes=30),
    },
    "drop-expired-partner-scopes": {
        "task": "partners.tasks.drop_expired_scopes_task",
        "schedule": timedelta(minutes=1),
    },
    "remind-partner-scopes-ending": {
        "task": "partners.tasks.remind_scopes_ending_task",
        "schedule": timedelta(minutes=30),
    },
}

# Email: EMAIL_URL picks the transport (smtp://user:pass@host:port, consolemail://, filemail://…).
EMAIL_URL = env.str("EMAIL_URL", default="")
EMAIL_FILE_PATH = env.path("EMAIL_FILE_PATH", default=BASE_DIR / "sent_emails")
EMAIL_BACKEND = "notifications.backends.ConsoleAndFileEmailBackend"
if EMAIL_URL:
    globals().update(env.email_url_config(EMAIL_URL))
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Rainbow Admin <noreply@rainbow.example>"
)
EMAIL_TIMEOUT = 10
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=5)
OUTBOX_RETRY_BASE_SECONDS = env.int("OUTBOX_RETRY_BASE_SECONDS", default=30)
OUTBOX_REQUEUE_AFTER = timedelta(seconds=env.int("OUTBOX_REQUEUE_AFTER_SECONDS", default=120))

# Sign-in throttle (companies.sign_in_throttle): every password check (portal page, API token,
# Django admin) counts failures per person and client address, per person, per client address and
# per subnet (/24, /64). Past a tier's free failures each further try waits, the wait doubling from
# SIGN_IN_FIRST_DELAY up to its cap. A client address that signed a person in before counts only on
# the person-and-client tier, so strangers elsewhere cannot keep the owner out.
SIGN_IN_FREE_FAILURES = env.int("SIGN_IN_FREE_FAILURES", default=5)
SIGN_IN_FREE_FAILURES_PER_PERSON = env.int("SIGN_IN_FREE_FAILURES_PER_PERSON", default=10)
SIGN_IN_FREE_FAILURES_PER_CLIENT = env.int("SIGN_IN_FREE_FAILURES_PER_CLIENT", default=10)
SIGN_IN_FREE_FAILURES_PER_SUBNET = env.int("SIGN_IN_FREE_FAILURES_PER_SUBNET", default=50)
SIGN_IN_FIRST_DELAY = timedelta(seconds=env.int("SIGN_IN_FIRST_DELAY_SECONDS", default=30))
SIGN_IN_MAX_DELAY = timedelta(minutes=env.int("SIGN_IN_MAX_DELAY_MINUTES", default=15))
SIGN_IN_MAX_DELAY_PER_PERSON = timedelta(
    minutes=env.int("SIGN_IN_MAX_DELAY_PER_PERSON_MINUTES", default=5)
)
SIGN_IN_FAILURE_MEMORY = timedelta(hours=env.int("SIGN_IN_FAILURE_MEMORY_HOURS", default=24))
# Two-factor: django-otp's own per-device throttle is off; wrong codes count on the sign-in
# throttle above. A password accepted waits this long for its code before the sign-in restarts.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_TOTP_ISSUER = "Rainbow Admin"
TWO_FACTOR_PENDING_SECONDS = env.int("TWO_FACTOR_PENDING_SECONDS", default=300)
# Passkeys (WebAuthn): the relying party's id (the site's domain) and origin; empty: the request's.
WEBAUTHN_RP_ID = env.str("WEBAUTHN_RP_ID", default="")
WEBAUTHN_ORIGIN = env.str("WEBAUTHN_ORIGIN", default="")
SIGN_IN_KNOWN_CLIENT_MEMORY = timedelta(days=env.int("SIGN_IN_KNOWN_CLIENT_DAYS", default=30))

# Limits on what sends email or reveals accounts (rainbow_admin.rate_limits): 429 + Retry-After.
PASSWORD_RESET_PER_ADDRESS_PER_HOUR = env.int("PASSWORD_RESET_PER_ADDRESS_PER_HOUR", default=3)
PASSWORD_RESET_PER_CLIENT_PER_HOUR = env.int("PASSWORD_RESET_PER_CLIENT_PER_HOUR", default=10)
SIGN_UP_PER_CLIENT_PER_HOUR = env.int("SIGN_UP_PER_CLIENT_PER_HOUR", default=5)
SIGN_UP_PER_ADDRESS_PER_HOUR = env.int("SIGN_UP_PER_ADDRESS_PER_HOUR", default=2)
MEMBER_ADD_PER_COMPANY_PER_HOUR = env.int("MEMBER_ADD_PER_COMPANY_PER_HOUR", default=30)
MEMBER_IMPORTS_PER_COMPANY_PER_DAY = env.int("MEMBER_IMPORTS_PER_COMPANY_PER_DAY", default=10)
INVITATION_SENDS_PER_COMPANY_PER_HOUR = env.int("INVITATION_SENDS_PER_COMPANY_PER_HOUR", default=2)
INVITATION_SENDS_PER_COMPANY_PER_DAY = env.int("INVITATION_SENDS_PER_COMPANY_PER_DAY", default=5)
CUSTOMER_OFFERS_PER_RESELLER_PER_HOUR = env.int("CUSTOMER_OFFERS_PER_RESELLER_PER_HOUR", default=10)
CUSTOMER_OFFERS_PER_RESELLER_PER_DAY = env.int("CUSTOMER_OFFERS_PER_RESELLER_PER_DAY", default=30)
# Time-bound partner scopes: the reminder before their end, and what "extend" adds.
PARTNER_SCOPES_REMINDER_BEFORE = timedelta(days=env.int("PARTNER_SCOPES_REMINDER_DAYS", default=7))
PARTNER_SCOPES_EXTEND_BY = timedelta(days=env.int("PARTNER_SCOPES_EXTEND_DAYS", default=90))
PARTNER_MESSAGES_PER_PERSON_PER_HOUR = env.int("PARTNER_MESSAGES_PER_PERSON_PER_HOUR", default=30)
DIRECTORY_SEARCHES_PER_PERSON_PER_MINUTE = env.int(
    "DIRECTORY_SEARCHES_PER_PERSON_PER_MINUTE", default=60
)
# The windows of the limits above (seconds): tests shorten them.
RATE_LIMIT_HOUR = env.int("RATE_LIMIT_HOUR_SECONDS", default=60 * 60)
RATE_LIMIT_DAY = env.int("RATE_LIMIT_DAY_SECONDS", default=24 * 60 * 60)
RATE_LIMIT_MINUTE = env.int("RATE_LIMIT_MINUTE_SECONDS", default=60)

# Device and member imports (rainbow_admin.jobs): a running import whose worker has not stamped
# it for this long is resumed by another worker, at most IMPORT_MAX_ATTEMPTS runs in all.
IMPORT_STALE_SECONDS = env.int("IMPORT_STALE_SECONDS", default=120)
IMPORT_MAX_ATTEMPTS = env.int("IMPORT_MAX_ATTEMPTS", default=3)
API_TOKEN_DEFAULT_TTL = timedelta(days=env.int("API_TOKEN_DEFAULT_TTL_DAYS", default=30))
# No token lives longer than this; a person has at most API_TOKEN_MAX_ACTIVE usable tokens.
API_TOKEN_MAX_TTL = timedelta(days=env.int("API_TOKEN_MAX_TTL_DAYS", default=90))
API_TOKEN_MAX_ACTIVE = env.int("API_TOKEN_MAX_ACTIVE", default=20)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "companies.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rainbow_admin.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "EXCEPTION_HANDLER": "rainbow_admin.api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "rainbow_admin.api.schema.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Rainbow Admin API",
    "DESCRIPTION": "Company administration: members, partners, licenses and telephony.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Without deep links an operation's summary button holds no link (axe: nested-interactive).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "rainbow_admin.api.schema.add_error_responses",
        "webhooks.schema.add_webhooks",
        "rainbow_admin.api.schema.make_strict",
    ],
    # One name per set of choices (drf-spectacular names an enum after its field otherwise, and
    # ``kind`` or ``status`` mean different sets in different places).
    "ENUM_NAME_OVERRIDES": {
        "CompanyKindEnum": "companies.models.Company.Kind",
        "LanguageEnum": "companies.models.Company.Language",
        "RoleEnum": "companies.models.User.Role",
        "PersonStatusEnum": ["active", "invited", "deactivated"],
        "InvitationStatusEnum": "partners.models.Invitation.Status",
        "SubscriptionStatusEnum": "licensing.models.Subscription.Status",
        "PbxKindEnum": "telephony.models.Pbx.Kind",
        "PbxStatusEnum": "telephony.models.Pbx.Status",
        "DeviceKindEnum": "telephony.models.Device.Kind",
        "DeviceImportStatusEnum": "telephony.models.DeviceImport.Status",
        "MemberImportStatusEnum": "rainbow_admin.models.MemberImport.Status",
        "DestinationEnum": "telephony.models.PublicNumber.Destination",
        "PolicyEnum": "telephony.models.HuntGroup.Policy",
        "AttendantActionEnum": "telephony.models.AttendantKey.Action",
    },
    # 3.1: the version with a ``webhooks`` section (the events posted to company endpoints).
    "OAS_VERSION": "3.1.0",
}

# Content Security Policy: nothing inline, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    # SECURE_COOKIES=0 only for a local plain-HTTP trial of the production setup (docker-compose).
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # Only a proxy that sets X-Forwarded-Proto itself (dropping the client's) may be trusted.
    if env.bool("PROXY_SETS_X_FORWARDED_PROTO", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Partner invitations.
INVITATION_TTL = timedelta(days=env.int("INVITATION_TTL_DAYS", default=14))
INVITATION_RESEND_COOLDOWN = timedelta(
    minutes=env.int("INVITATION_RESEND_COOLDOWN_MINUTES", default=15)
)
INVITATION_MAX_SENDS_PER_DAY = env.int("INVITATION_MAX_SENDS_PER_DAY", default=5)
INVITATION_FIRST_REMINDER_AFTER = timedelta(
    days=env.int("INVITATION_FIRST_REMINDER_DAYS", default=3)
)
INVITATION_LAST_REMINDER_BEFORE = timedelta(
    days=env.int("INVITATION_LAST_REMINDER_DAYS", default=1)
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# Telephony: the largest audio prompt (WAV) accepted for a Welcome Service or an attendant.
TELEPHONY_PROMPT_MAX_BYTES = env.int("TELEPHONY_PROMPT_MAX_BYTES", default=5 * 1024 * 1024)
# No request body with files may be larger than this (the largest upload, a prompt, and room for
# the form around it): rainbow_admin.uploads stops reading past it.
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=TELEPHONY_PROMPT_MAX_BYTES + 64 * 1024)
FILE_UPLOAD_HANDLERS = [
    "rainbow_admin.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Webhooks (DESIGN.md): delays between attempts (seconds; jittered ±20 %, at least 24 hours in
# all), then failed; an endpoint failing for WEBHOOK_DISABLE_AFTER_DAYS is turned off.
WEBHOOK_RETRY_SCHEDULE = env.list(
    "WEBHOOK_RETRY_SCHEDULE",
    cast=float,
    default=[5, 60, 300, 1800, 7200, 18000, 36000, 50400],
)
WEBHOOK_DISABLE_AFTER = timedelta(days=env.int("WEBHOOK_DISABLE_AFTER_DAYS", default=5))
WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", default=10)
# Outside DEBUG: https only, and no private, loopback or link-local address (checked at send time).
WEBHOOK_ALLOW_PRIVATE_URLS = env.bool("WEBHOOK_ALLOW_PRIVATE_URLS", default=DEBUG)
WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT = env.int("WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT", default=2)
WEBHOOK_MAX_ENDPOINTS = env.int("WEBHOOK_MAX_ENDPOINTS", default=20)
WEBHOOK_SECRET_OVERLAP = timedelta(hours=24)
# An attempt not finished after this is presumed lost (its worker killed) and may run again.
WEBHOOK_ATTEMPT_LEASE = timedelta(seconds=env.int("WEBHOOK_ATTEMPT_LEASE_SECONDS", default=60))
# Retries this near wait in the broker; later ones are queued by the beat job when due.
WEBHOOK_COUNTDOWN_MAX = timedelta(minutes=10)
WEBHOOK_REQUEUE_GRACE = timedelta(seconds=env.int("WEBHOOK_REQUEUE_GRACE_SECONDS", default=10))
