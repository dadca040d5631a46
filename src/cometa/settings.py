"""Cometa settings. Everything an operator may change comes from the environment.

See docs/configuration.md for the table of variables. Start-up checks in
``cometa.core.checks`` refuse configurations that would be unsafe in production.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from cometa.core.compression import static_files_backend
from cometa.core.config import Env, email_settings, proxy_settings
from cometa.core.database import database_settings, sqlite_url
from cometa.core.jobs.config import jobs_settings, tasks_settings
from cometa.core.storage import storage_settings

env = Env()
PACKAGE_DIR = Path(__file__).resolve().parent

# --- mode -------------------------------------------------------------------
DEMO = env.bool("COMETA_DEMO", False)
DEBUG = env.bool("COMETA_DEBUG", False)
RELAXED = DEMO or DEBUG  # plain-HTTP loopback use: demo or development
DATA_DIR = env.path("COMETA_DATA_DIR", Path.cwd() / "data")
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    key = env.str("COMETA_SECRET_KEY")
    if key:
        if len(key) < 40:
            raise ImproperlyConfigured("COMETA_SECRET_KEY must be at least 40 characters long.")
        return key
    if not RELAXED:
        raise ImproperlyConfigured(
            "COMETA_SECRET_KEY is not set. Set it to a long random value "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or run in demo mode (cometa demo)."
        )
    stored = DATA_DIR / "demo-secret-key"
    if not stored.exists():
        stored.write_text(secrets.token_urlsafe(50))
        stored.chmod(0o600)
    return stored.read_text().strip()


SECRET_KEY = _secret_key()
# Earlier keys, newest first, while sessions, reset links and sealed secrets move over to a
# new SECRET_KEY (docs/deployment.md, "Changing the secret key").
SECRET_KEY_FALLBACKS = env.list("COMETA_SECRET_KEY_FALLBACKS", [])
ALLOWED_HOSTS = env.list(
    "COMETA_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if RELAXED else []
)
CSRF_TRUSTED_ORIGINS = env.list("COMETA_CSRF_TRUSTED_ORIGINS", [])
DATABASES = {
    "default": database_settings(
        env.str("DATABASE_URL") or sqlite_url(DATA_DIR), variable="DATABASE_URL"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "django_htmx",
    "django_tasks",  # background jobs (docs/jobs.md)
    "django_tasks_db",
    "cometa.core",
    "cometa.accounts",
    "cometa.indicators",
    "cometa.scorecards",
    "cometa.network",
    "cometa.results",
    "cometa.links",
    "cometa.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cometa.core.compression.CompressionMiddleware",  # after WhiteNoise: its files are done
    "cometa.core.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cometa.accounts.middleware.SessionLifetimeMiddleware",
    "cometa.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "cometa.core.middleware.ServiceErrorMiddleware",
]

ROOT_URLCONF = "cometa.urls"
WSGI_APPLICATION = "cometa.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cometa.core.web.context.navigation",
            ],
        },
    }
]

# --- accounts and passwords ---------------------------------------------------
AUTH_USER_MODEL = "accounts.Person"
AUTHENTICATION_BACKENDS = ["cometa.accounts.backends.EmailBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 60 * 60
SESSION_IDLE_SECONDS = env.int("COMETA_SESSION_IDLE_MINUTES", 30, minimum=1) * 60
SESSION_ABSOLUTE_SECONDS = env.int("COMETA_SESSION_MAX_HOURS", 12, minimum=1) * 3600
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS
SESSION_ENGINE = "django.contrib.sessions.backends.db"
LOGIN_THROTTLE = {  # sign-in and second factor (docs/security.md, "Throttling")
    "free_attempts": 5,  # failures per account and address before a delay applies
    "account_free_attempts": 20,  # per account, from any address
    "address_free_attempts": 100,  # per address, for any account
    "base_delay_seconds": 2,
    "max_delay_seconds": 300,  # nobody is locked out for longer than this
    "window_seconds": 900,  # counters reset after this long without a failure
}
PASSWORD_RESET_THROTTLE = {"per_account": 3, "per_address": 10, "window_seconds": 3600}
API_TOKEN_MAX_DAYS = env.int("COMETA_API_TOKEN_MAX_DAYS", 365, minimum=1)
SECOND_FACTOR_RECENT_SECONDS = 15 * 60  # making a token needs a code checked this recently

# --- shared measurement: retention (cometa network purge) ---
#: Months a woman's identity and answers are kept after her last follow-up window closes.
NETWORK_RETENTION_MONTHS = env.int("COMETA_NETWORK_RETENTION_MONTHS", 36, minimum=1)

# --- uploads and mail -----------------------------------------------------------
UPLOAD_MAX_BYTES = env.int("COMETA_UPLOAD_MAX_MB", 20, minimum=1) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES
# An annual report imported as text (command line, API, page): refused before it is read
REPORT_IMPORT_MAX_BYTES = env.int("COMETA_REPORT_IMPORT_MAX_MB", 5, minimum=1) * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
MEDIA_ROOT = env.path("COMETA_MEDIA_DIR", DATA_DIR / "uploads")
vars().update(
    email_settings(
        env.str("COMETA_EMAIL_URL") or ("console://" if RELAXED else "smtp://localhost:25"),
        variable="COMETA_EMAIL_URL",
    )
)
DEFAULT_FROM_EMAIL = env.str("COMETA_EMAIL_FROM", "cometa@localhost")

# --- security -----------------------------------------------------------------
_proxies = proxy_settings(env)
SECURE_PROXY_SSL_HEADER = _proxies.ssl_header
TRUSTED_PROXIES = _proxies.trusted_proxies  # the client's address: cometa.core.clients
SECURE_SSL_REDIRECT = env.bool("COMETA_SSL_REDIRECT", not RELAXED)
SESSION_COOKIE_SECURE = not RELAXED
CSRF_COOKIE_SECURE = not RELAXED
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "cometa.core.web.errors.csrf_failure"  # ours: translated, no inline style
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = not RELAXED
LANGUAGE_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env.int("COMETA_HSTS_SECONDS", 0 if RELAXED else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = ["security.W021"]  # HSTS preload is the operator's choice

# --- languages ------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish")), ("ru", _("Russian"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = ["cometa.formats"]  # one date format per language (cometa/formats/)
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# --- static files ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("COMETA_STATIC_DIR", DATA_DIR / "static")
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    # COMETA_MEDIA_DIR by default; S3-compatible object storage with COMETA_STORAGE_URL
    "default": storage_settings(env.str("COMETA_STORAGE_URL"), variable="COMETA_STORAGE_URL"),
    "staticfiles": {"BACKEND": static_files_backend(relaxed=RELAXED)},
}

# --- background jobs (docs/jobs.md) ---------------------------------------------
TASKS = tasks_settings(env)
JOBS = jobs_settings(env)

# --- API ------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "cometa.accounts.authentication.TokenAuthentication",
        "cometa.accounts.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "cometa.core.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "cometa.core.api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "cometa.core.api.schema.CometaAutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    # OPTIONS is refused (405 with the allowed methods): DRF's description of a view's
    # serializer failed on views without a queryset (500), and the schema says more.
    "DEFAULT_METADATA_CLASS": None,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Cometa API",
    "DESCRIPTION": "Scorecards, results and shared measurement for gender equality.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # <id:pk> (cometa.core.ids): a row id, at most what the database holds
    "PATH_CONVERTER_OVERRIDES": {
        "id": {"type": "integer", "format": "int64", "minimum": 1, "maximum": 2**63 - 1},
        "year": {"type": "integer", "minimum": 1000, "maximum": 9999},
    },
    "ENUM_NAME_OVERRIDES": {
        "KindEnum": "cometa.accounts.models.organisations.OrganisationKind",  # the first
        "RemovedKindEnum": "cometa.scorecards.models.RemovedKind",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("COMETA_LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
