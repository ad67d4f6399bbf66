"""The one settings module. Everything that differs between machines comes from the environment.

Production is the default: it needs SECRET_KEY, ALLOWED_HOSTS and, for PostgreSQL,
DATABASE_URL. Development sets DEBUG=true (`make run` does), which brings a development
SECRET_KEY and local ALLOWED_HOSTS.
"""

from pathlib import Path

from config.env import (
    cache_from_url,
    database_from_url,
    env_bool,
    env_int,
    env_json_object,
    env_list,
    env_str,
    sqlite_database,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

# Without a key in production the site refuses to start (config/checks.py, and the WSGI entry
# point), while the offline commands (`screen`, `draft`), which sign nothing, still run.
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "development-only-key-not-for-production-use-0123456789abcdef"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "formtools",
    "django_tasks",
    "django_tasks.backends.database",
    "eligibility",
    "intake",
    "accounts",
    "evidence",
    "notices",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.security.SecurityHeadersMiddleware",
    "config.logfilter.ProtectedValuesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: the switch's cookie, else the browser's Accept-Language, else English;
    # always English in the advocate workspace, which is not translated (config/locale.py).
    "config.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.sessions.IdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The browser that signed up may log in before the address is confirmed (accounts/emails.py).
    "accounts.emails.SignedUpHereMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

if not DEBUG:
    # Production serves the collected static files itself (runserver does it in development).
    MIDDLEWARE.insert(2, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "config.urls"

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
            ],
        },
    },
]

# Form widgets are drawn with the project's templates (templates/widgets/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "config.wsgi.application"

_database_url = env_str("DATABASE_URL")
DATABASES = {
    "default": database_from_url(_database_url)
    if _database_url
    else sqlite_database(str(BASE_DIR / "db.sqlite3"))
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The log-in and sign-up counters (accounts/throttle.py) live in the cache, and every gunicorn
# worker and every server must see the same counts: so by default a table in the database
# (made by `manage.py createcachetable`, which make run/serve run and the test run does by
# itself), or Redis with CACHE_URL=redis://host:6379/0 (needs `pip install redis`).
# Slow work (the filing packet) runs in `manage.py db_worker`, fed through a database table: no
# other server, and any number of web and worker processes share it.
TASKS = {"default": {"BACKEND": "django_tasks.backends.database.DatabaseBackend"}}

CACHES = {"default": cache_from_url(env_str("CACHE_URL", "db://django_cache"))}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.passwords.VarietyValidator"},
]

LANGUAGE_CODE = "en-us"
# Family-facing pages come in English and Spanish (locale/); the court documents stay in English.
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
# Uploaded documents (evidence/): on the local disk under MEDIA_ROOT, never under static/ and
# never served directly (only through views that check access). A deployment with several app
# servers points FILE_STORAGE_BACKEND at shared object storage instead, e.g.
# storages.backends.s3.S3Storage with FILE_STORAGE_OPTIONS='{"bucket_name": "..."}'.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
EVIDENCE_MAX_FILE_BYTES = env_int("EVIDENCE_MAX_FILE_BYTES", 20 * 1024 * 1024)
EVIDENCE_MAX_FILES_PER_CASE = env_int("EVIDENCE_MAX_FILES_PER_CASE", 50)
# What a case's documents may add up to (evidence/validation.py bounds each file's unpacking):
# the filing packet copies them all, in one piece of work.
EVIDENCE_MAX_BYTES_PER_CASE = env_int("EVIDENCE_MAX_BYTES_PER_CASE", 200 * 1024 * 1024)
EVIDENCE_MAX_PAGES_PER_FILE = env_int("EVIDENCE_MAX_PAGES_PER_FILE", 500)
EVIDENCE_MAX_PAGES_PER_CASE = env_int("EVIDENCE_MAX_PAGES_PER_CASE", 1000)
STORAGES = {
    "default": {
        "BACKEND": env_str("FILE_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env_json_object("FILE_STORAGE_OPTIONS"),
    },
    "staticfiles": {
        # Hashed, compressed files served by WhiteNoise in production; plain files in
        # development and tests, which need no collectstatic.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "intake.views.public.csrf_failure"
CSRF_COOKIE_HTTPONLY = True
# Cookies go over HTTPS only in production; SECURE_COOKIES=false is for a local trial of the
# production settings over plain HTTP (the concurrency test), never for a real deployment.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
# The language switch's cookie (config/locale.py): like the others, HTTPS only in production.
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    # Behind a proxy that terminates TLS (the usual deployment), trust its header.
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "config.logfilter.RedactPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own loggers keep their default handlers (mail_admins); route them through
        # the redacting console handler instead.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # WeasyPrint reports every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# A new account's address must be confirmed before it logs in anywhere but the browser that
# signed up (accounts/emails.py).
AUTHENTICATION_BACKENDS = ["accounts.emails.ConfirmedAddressBackend"]
# A password reset link works once, for 3 days.
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 3 * 24 * 60 * 60)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "my_cases"
LOGOUT_REDIRECT_URL = "home"
# Email (invitations, links to come back to a case, address checks, password resets, reminders):
# sent by SMTP through EMAIL_HOST, with Django's own EMAIL_* settings. Without EMAIL_HOST,
# development prints every email to the console; production refuses to start without it
# (notices/checks.py) unless EMAIL_DISABLED=true says on purpose that this site sends no email.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_DISABLED = env_bool("EMAIL_DISABLED", False)
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST and not EMAIL_DISABLED
    else "django.core.mail.backends.console.EmailBackend"
    if DEBUG and not EMAIL_DISABLED
    else "django.core.mail.backends.dummy.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds to wait for the mail server before telling the person the email could not be sent.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Second Look <noreply@localhost>")
# The site's address, for the links in emails sent without a request (`send_reminders`).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# A link to come back to a case works once, for this many days (notices/links.py).
COME_BACK_LINK_DAYS = env_int("COME_BACK_LINK_DAYS", 7)
# Emailed links asked for within LOCKOUT_SECONDS, per email address and per IP address.
EMAIL_LINK_LIMIT = env_int("EMAIL_LINK_LIMIT", 5)
# Sessions live in the database, so any app server can read them (config/sessions.py: Django's
# database engine, stricter about the cookie); an anonymous family's case stays reachable from
# this browser for this long.
SESSION_ENGINE = "config.sessions"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 24 * 30)
# A signed-in session shows every case of the account, often on a shared or library computer,
# so it ends after this long without a request (config/sessions.py). An anonymous family keeps
# SESSION_COOKIE_AGE: their case is reachable only through this browser's session, and ending
# it after two idle hours would lose their way back to it.
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 2 * 60 * 60)
# `manage.py purge_cases` deletes an anonymous case once its session has ended and it has not
# changed for this many days (no one can reach it any more).
ANONYMOUS_CASE_DAYS = env_int("ANONYMOUS_CASE_DAYS", 30)

# Password guessing and mass sign-ups (accounts/throttle.py): this many failed log-ins for one
# email address, or from one IP address, within LOCKOUT_SECONDS lock it out for LOCKOUT_SECONDS;
# so do this many sign-up tries from one IP address.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
SIGNUP_ATTEMPT_LIMIT = env_int("SIGNUP_ATTEMPT_LIMIT", 10)
LOCKOUT_SECONDS = env_int("LOCKOUT_SECONDS", 15 * 60)
# New cases within LOCKOUT_SECONDS, per account or (without one) per IP address.
CASE_START_LIMIT = env_int("CASE_START_LIMIT", 20)
# Behind a proxy every request comes from the proxy's address: name the header in which the
# proxy passes the client's address (X-Forwarded-For: the last address, the one it added).
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER")
