"""Settings, read from the environment with defaults that make a fresh checkout run.

STYRINGSHJUL_ENV=production switches to the hardened configuration, which refuses to
start without STYRINGSHJUL_SECRET_KEY and ALLOWED_HOSTS.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
VAR_DIR = Path(os.environ.get("STYRINGSHJUL_VAR_DIR", PROJECT_DIR / "var"))
NODE_MODULES = Path(os.environ.get("STYRINGSHJUL_NODE_MODULES", PROJECT_DIR / "node_modules"))


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def envsecret(name: str) -> str:
    value = os.environ.get(name, "")
    if len(value) < 50:
        raise ImproperlyConfigured(
            f"{name} must be set to a random string of at least 50 characters in production"
        )
    return value


ENVIRONMENT = os.environ.get("STYRINGSHJUL_ENV", "development")
if ENVIRONMENT not in {"development", "production"}:
    raise ImproperlyConfigured("STYRINGSHJUL_ENV must be 'development' or 'production'")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = envbool("STYRINGSHJUL_DEBUG", not PRODUCTION)
DEMO_MODE = envbool("STYRINGSHJUL_DEMO", False)

if PRODUCTION:
    SECRET_KEY = envsecret("STYRINGSHJUL_SECRET_KEY")
    ALLOWED_HOSTS = envlist("STYRINGSHJUL_ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("STYRINGSHJUL_ALLOWED_HOSTS must name the site's host names")
else:
    SECRET_KEY = os.environ.get(
        "STYRINGSHJUL_SECRET_KEY", "development-only-key-never-used-in-production-0123456789"
    )
    ALLOWED_HOSTS = envlist("STYRINGSHJUL_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "csp",
    "styringshjul.org",
    "styringshjul.ledger",
    "styringshjul.budget",
    "styringshjul.followup",
    "styringshjul.cycle",
    "styringshjul.surveys",
    "styringshjul.keyfigures",
    "styringshjul.scorecards",
    "styringshjul.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "styringshjul.org.language.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

if PRODUCTION:
    # Static files are served by the app itself in production, compressed and cached.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "styringshjul.urls"
WSGI_APPLICATION = "styringshjul.wsgi.application"

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
                "styringshjul.org.context_processors.tenancy",
                "styringshjul.demo.context_processors.demo_logins",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'styringshjul.sqlite3'}",
        conn_max_age=int(os.environ.get("STYRINGSHJUL_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login rate limiting: five failures lock the username from that address for an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian Bokmål")), ("en", _("English")), ("da", _("Danish"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["styringshjul.formats"]
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("designsystemet", NODE_MODULES / "@digdir" / "designsystemet-css" / "dist"),
    ("inter", NODE_MODULES / "@fontsource" / "inter"),
    ("htmx", NODE_MODULES / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = VAR_DIR / "media"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = envbool("STYRINGSHJUL_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    CSRF_TRUSTED_ORIGINS = envlist("STYRINGSHJUL_CSRF_TRUSTED_ORIGINS", [])

# Reminders: the console in development; SMTP settings from the environment in production.
EMAIL_BACKEND = os.environ.get(
    "STYRINGSHJUL_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("STYRINGSHJUL_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("STYRINGSHJUL_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("STYRINGSHJUL_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("STYRINGSHJUL_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = envbool("STYRINGSHJUL_EMAIL_TLS", PRODUCTION)
DEFAULT_FROM_EMAIL = os.environ.get("STYRINGSHJUL_EMAIL_FROM", "styringshjul@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
