"""Evident settings, read from the environment (see .env.example).

Development (``DEBUG=true``) runs with no configuration at all: SQLite under
``var/``, local media, console email, the in-database task queue. Production
refuses to start without SECRET_KEY and ALLOWED_HOSTS.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from evident.lib.env import (
    ConfigurationError,
    envbool,
    envint,
    envlist,
    envsecret,
    envstr,
    require,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(envstr("EVIDENT_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = envbool("DEBUG", False)
# Demo mode loads fictional organizations and shared demo passwords. It is a
# development convenience and is refused outside DEBUG.
DEMO_MODE = envbool("EVIDENT_DEMO", False)
if DEMO_MODE and not DEBUG:
    raise ConfigurationError("EVIDENT_DEMO=true is only allowed with DEBUG=true.")


def _development_secret_key() -> str:
    """A per-checkout key kept in var/, so sessions survive a restart."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = envsecret("SECRET_KEY") or ""
if not SECRET_KEY:
    SECRET_KEY = _development_secret_key() if DEBUG else require("SECRET_KEY", None)

BASE_URL = envstr("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
_base = urlsplit(BASE_URL)
if _base.scheme not in {"http", "https"} or not _base.hostname:
    raise ConfigurationError(f"BASE_URL must be an absolute http(s) URL, not {BASE_URL!r}")

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
if not ALLOWED_HOSTS:
    raise ConfigurationError("ALLOWED_HOSTS is required in production, e.g. ALLOWED_HOSTS=evident.example.org")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [f"{_base.scheme}://{_base.netloc}"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "axes",
    "csp",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "evident.accounts",
    "evident.catalog",
    "evident.earning",
    "evident.review",
    "evident.credentials",
    "evident.programs",
    "evident.api",
    "evident.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "evident.middleware.RequestLogMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "evident.accounts.middleware.RequestOriginMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "evident.accounts.middleware.ActiveOrganizationMiddleware",
    "evident.accounts.middleware.SecurityHeadersMiddleware",
    # Axes goes last so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "evident.urls"
WSGI_APPLICATION = "evident.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "evident" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "evident.accounts.context_processors.navigation",
            ],
            "builtins": ["template_partials.templatetags.partials"],
        },
    },
]

FORM_RENDERER = "evident.forms.EvidentFormRenderer"

# --- Database -----------------------------------------------------------------
DATABASE_URL = envstr("DATABASE_URL", f"sqlite:///{VAR_DIR / 'evident.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 60, minimum=0))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # WAL lets the task worker and the web server write without blocking readers.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Where the test suite makes its SQLite database (evident/testsupport/pytest_env.py).
    if envstr("DATABASE_TEST_NAME"):
        DATABASES["default"]["TEST"] = {"NAME": envstr("DATABASE_TEST_NAME")}
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------
REDIS_URL = envstr("REDIS_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# --- Accounts and sign-in -----------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out username/IP before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "home"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_SIGNUP_FORM_CLASS = "evident.accounts.forms.SignupDetailsForm"
ACCOUNT_FORMS = {"login": "evident.accounts.forms.LoginForm"}
ACCOUNT_ADAPTER = "evident.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Evident] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = _base.scheme
# Failed sign-ins are throttled by django-axes (persistent, shared by every
# process); allauth's own cache-based limit would double count.
ACCOUNT_RATE_LIMITS = {"login_failed": False}

AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = envint("AXES_COOLOFF_MINUTES", 15, minimum=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "evident.accounts.throttle.axes_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# Behind a proxy, set AXES_IPWARE_META_PRECEDENCE_ORDER to trust X-Forwarded-For.
AXES_IPWARE_META_PRECEDENCE_ORDER = envlist("AXES_IPWARE_META_PRECEDENCE_ORDER", ["REMOTE_ADDR"])

SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 60 * 60 * 24 * 14, minimum=300)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = _base.scheme == "https"
CSRF_COOKIE_SECURE = _base.scheme == "https"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "evident.views.csrf_failure"

# --- Security headers ---------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", _base.scheme == "https" and not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 60 * 60 * 24 * 365, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
if envbool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- Internationalization -----------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = envstr("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

# --- Static and media files ---------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "evident" / "static"]
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(VAR_DIR / "media")))
# Evidence is never served from MEDIA_URL: views check permission and stream.
MEDIA_URL = "/media-is-private/"

STORAGE_BACKEND = envstr("STORAGE_BACKEND", "local")
if STORAGE_BACKEND == "local":
    _default_storage: dict[str, object] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(MEDIA_ROOT)},
    }
elif STORAGE_BACKEND == "s3":
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": require("S3_BUCKET", envstr("S3_BUCKET")),
            "endpoint_url": envstr("S3_ENDPOINT_URL") or None,
            "region_name": envstr("S3_REGION") or None,
            "access_key": envsecret("S3_ACCESS_KEY_ID"),
            "secret_key": envsecret("S3_SECRET_ACCESS_KEY"),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": envint("S3_URL_EXPIRY_SECONDS", 300, minimum=30),
            "file_overwrite": False,
        },
    }
else:
    raise ConfigurationError(f"STORAGE_BACKEND must be 'local' or 's3', not {STORAGE_BACKEND!r}")
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Email --------------------------------------------------------------------
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Evident <no-reply@evident.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = envstr("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = envint("EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = envstr("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD") or ""
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Background tasks ---------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Earning: evidence uploads and their life.
EARNING_MAX_UPLOAD_BYTES = envint("EARNING_MAX_UPLOAD_MB", 2048, minimum=1) * 1024 * 1024
EARNING_UPLOAD_EXPIRY_HOURS = envint("EARNING_UPLOAD_EXPIRY_HOURS", 24, minimum=1)
EARNING_ATTEMPTS_BEFORE_COACHING = envint("EARNING_ATTEMPTS_BEFORE_COACHING", 3, minimum=1)
EARNING_DEFAULT_RETENTION_DAYS = envint("EARNING_DEFAULT_RETENTION_DAYS", 730, minimum=30)
# An open enrolment left untouched for its retention period is withdrawn and
# its media deleted; the educator is warned this many days before (at most
# half the period).
EARNING_INACTIVE_WARNING_DAYS = envint("EARNING_INACTIVE_WARNING_DAYS", 30, minimum=1)
EARNING_EVIDENCE_LINK_SECONDS = envint("EARNING_EVIDENCE_LINK_SECONDS", 3600, minimum=60)
EARNING_PROCESSING_ATTEMPTS = envint("EARNING_PROCESSING_ATTEMPTS", 3, minimum=1)

# Review: assignment, double scoring and drift.
REVIEW_DUE_BUSINESS_DAYS = envint("REVIEW_DUE_BUSINESS_DAYS", 5, minimum=1)
REVIEW_RETURN_AFTER_OVERDUE_DAYS = envint("REVIEW_RETURN_AFTER_OVERDUE_DAYS", 2, minimum=0)
REVIEW_DOUBLE_SCORE_FIRST_DECISIONS = envint("REVIEW_DOUBLE_SCORE_FIRST_DECISIONS", 50, minimum=0)
REVIEW_DOUBLE_SCORE_SHARE_PERCENT = envint("REVIEW_DOUBLE_SCORE_SHARE_PERCENT", 10, minimum=0)
REVIEW_BACK_READ_SHARE_PERCENT = envint("REVIEW_BACK_READ_SHARE_PERCENT", 5, minimum=0)
REVIEW_DRIFT_THRESHOLD = envstr("REVIEW_DRIFT_THRESHOLD", "0.667")

# Credentials: issuer private keys are encrypted with this Fernet key (32 url-safe
# base64 bytes). Without it a key is derived from SECRET_KEY, so changing
# SECRET_KEY would lock the keys: set it in production. CREDENTIALS_KEY_WRAPPER
# may name a class with encrypt/decrypt (a KMS) instead.
CREDENTIALS_KEY_ENCRYPTION_KEY = envsecret("CREDENTIALS_KEY_ENCRYPTION_KEY") or ""
CREDENTIALS_KEY_WRAPPER = envstr("CREDENTIALS_KEY_WRAPPER", "evident.credentials.keys.FernetWrapper")

# --- API ----------------------------------------------------------------------
NINJA_PAGINATION_PER_PAGE = 50
API_WRITE_RATE = envstr("API_WRITE_RATE", "120/m")

# --- Logging ------------------------------------------------------------------
LOG_FORMAT = envstr("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "evident.lib.logs.EvidentJsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
        "text": {"format": "%(asctime)s %(levelname)-7s %(name)s: %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # The development server prints its own access log.
        "evident.requests": {"level": envstr("REQUEST_LOG_LEVEL", "WARNING" if DEBUG else "INFO")},
    },
}

# --- Evident ------------------------------------------------------------------
INVITATION_VALID_DAYS = envint("INVITATION_VALID_DAYS", 14, minimum=1)
