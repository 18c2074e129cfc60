"""The one settings module. Everything that differs between machines comes from the environment.

SQLite by default (zero set-up, ``var/zwgk.sqlite3``); PostgreSQL with ``DATABASE_URL``
(``postgres://user@127.0.0.1:5432/zwgk``). No secret is stored in the repository: without
``SECRET_KEY`` a random key is generated once into ``var/secret_key`` (mode 600).
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from kombu import Queue

from zwgk.web.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent
ROOT_DIR = BASE_DIR.parents[1]
VAR_DIR = Path(env_str("ZWGK_VAR_DIR", str(ROOT_DIR / "var")))


def _secret_key() -> str:
    key = env_str("SECRET_KEY", "")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "zwgk.web.accounts",
    "zwgk.web.rounds",
    "zwgk.web.portal",
    "zwgk.web.desk",
    "zwgk.web.results",
    "zwgk.web.rectify",
    "zwgk.web.registers",
    "zwgk.web.audit",
    "zwgk.web.office",
    "zwgk.web.monitor",
    "zwgk.web.precheck",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "zwgk.web.security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "zwgk.web.security.RejectNullCharactersMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "zwgk.web.accounts.middleware.PasswordChangeRequiredMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "zwgk.web.urls"
WSGI_APPLICATION = "zwgk.web.wsgi.application"

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
                "zwgk.web.security.csrf_cookie",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("ZWGK_SQLITE", str(VAR_DIR / "zwgk.sqlite3")),
            "CONN_MAX_AGE": 600,
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env_str("REDIS_URL", ""),
        }
        if env_str("REDIS_URL", "")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
LOGIN_FAILURES_ALLOWED = env_int("LOGIN_FAILURES_ALLOWED", 5)  # per account
LOGIN_FAILURES_PER_ADDRESS = env_int("LOGIN_FAILURES_PER_ADDRESS", 15)  # any accounts, one address
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 900)

# Sign-in throttling (django-axes): failures counted in the database, so every worker and machine
# sees the same count; an account and an address are locked separately (accounts/throttle.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "zwgk.web.accounts.backends.UserBackend",  # ModelBackend; the user read in SQL written once
]
AXES_HANDLER = "zwgk.web.accounts.throttle.SignInHandler"
AXES_FAILURE_LIMIT = LOGIN_FAILURES_ALLOWED
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = LOGIN_LOCKOUT_SECONDS / 3600  # hours
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the cool-off ends when it says
AXES_LOCKOUT_CALLABLE = "zwgk.web.accounts.throttle.locked_out"
AXES_USERNAME_CALLABLE = "zwgk.web.accounts.throttle.username_of"
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False
# Behind nginx (deploy/), the client's address is the last hop the proxy adds.
AXES_IPWARE_PROXY_COUNT = 1 if env_bool("BEHIND_PROXY", False) else None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if env_bool("BEHIND_PROXY", False) else ["REMOTE_ADDR"]
)

# One-time passwords (new accounts, resets) are random and changed at first sign-in, so they are
# hashed with few iterations; the first sign-in re-hashes with the default (accounts/hashers.py).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "zwgk.web.accounts.hashers.OneTimePasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]  # vendored htmx and ECharts, app.css, app.js
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Evidence files: stored under random names, outside any served directory.
EVIDENCE_ROOT = Path(env_str("ZWGK_EVIDENCE_DIR", str(VAR_DIR / "evidence")))
EVIDENCE_MAX_BYTES = env_int("ZWGK_EVIDENCE_MAX_MB", 50) * 1024 * 1024
# Request bodies: uploads above this size are refused before they are read (see portal views).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_TEMP_DIR = None
FILE_UPLOAD_HANDLERS = [
    "zwgk.web.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Sessions live in the database (with Redis in front when REDIS_URL is set): a logout ends the
# session for every worker and machine at once. Never in one process's memory.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if env_str("REDIS_URL", "")
    else "zwgk.web.accounts.sessions"  # Django's db sessions, read by key in SQL written once
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
HTTPS = env_bool("HTTPS", False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
# Over HTTPS the browser is told to use nothing else for a year (deploy/: nginx serves port 443).
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 365 * 24 * 3600 if HTTPS else 0)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "zwgk@localhost")

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL

# 网站监测 (docs/monitor.md). Results live in the database, never in a Celery result backend.
MONITOR_QUEUE_PREFIX = env_str("MONITOR_QUEUE_PREFIX", "zwgk.")
MONITOR_TICK_SECONDS = env_int("MONITOR_TICK_SECONDS", 30)
MONITOR_EMBEDDED = env_bool("MONITOR_EMBEDDED", True)  # used only without a broker
MONITOR_LOCAL_THREADS = env_int("MONITOR_LOCAL_THREADS", 2)
MONITOR_HEARTBEAT_SECONDS = env_int("MONITOR_HEARTBEAT_SECONDS", 15)
MONITOR_STALE_SECONDS = env_int("MONITOR_STALE_SECONDS", 120)
MONITOR_REQUEUE_SECONDS = env_int("MONITOR_REQUEUE_SECONDS", 3 * 3600)
MONITOR_RETRY_SECONDS = env_int("MONITOR_RETRY_SECONDS", 300)
MONITOR_MAX_ATTEMPTS = env_int("MONITOR_MAX_ATTEMPTS", 3)
MONITOR_CRAWL_SECONDS = env_int("MONITOR_CRAWL_SECONDS", 6 * 3600)
MONITOR_FRESHNESS_SECONDS = env_int("MONITOR_FRESHNESS_SECONDS", 900)
MONITOR_SNAPSHOTS_PER_RUN = env_int("MONITOR_SNAPSHOTS_PER_RUN", 30)
MONITOR_KEEP_DAYS = env_int("MONITOR_KEEP_DAYS", 400)  # probes older than this are dropped
MONITOR_ATTACHMENT_WORKERS = env_int("MONITOR_ATTACHMENT_WORKERS", 0)  # Celery children: no pools
MONITOR_LIMITER_URL = env_str(
    "MONITOR_LIMITER_URL",
    CELERY_BROKER_URL if CELERY_BROKER_URL.startswith("redis") else env_str("REDIS_URL", ""),
)
MONITOR_LIMITER_PREFIX = env_str("MONITOR_LIMITER_PREFIX", "zwgk:host:")
MONITOR_ALERT_EMAILS = env_list("MONITOR_ALERT_EMAILS", [])
MONITOR_WEBHOOK_URL = env_str("MONITOR_WEBHOOK_URL", "")
MONITOR_ALERT_HOOK = env_str("MONITOR_ALERT_HOOK", "")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_ENABLE_REMOTE_CONTROL = env_bool("CELERY_REMOTE_CONTROL", True)
CELERY_TASK_DEFAULT_QUEUE = MONITOR_QUEUE_PREFIX + "probe"
# A worker started without -Q consumes both queues (deploy/systemd/zwgk-worker.service).
CELERY_TASK_QUEUES = (Queue(MONITOR_QUEUE_PREFIX + "probe"), Queue(MONITOR_QUEUE_PREFIX + "run"))
CELERY_TASK_ROUTES = {
    "zwgk.monitor.tick": {"queue": MONITOR_QUEUE_PREFIX + "probe"},
    "zwgk.monitor.probe": {"queue": MONITOR_QUEUE_PREFIX + "probe"},
    "zwgk.monitor.run": {"queue": MONITOR_QUEUE_PREFIX + "run"},
}
CELERY_BEAT_SCHEDULE = {
    "monitor-tick": {"task": "zwgk.monitor.tick", "schedule": float(MONITOR_TICK_SECONDS)},
}
# Redis: a run not acknowledged within the visibility timeout is delivered again (a worker that
# died); the run's claim makes a second delivery of a live run wait (see zwgk/web/monitor/jobs.py).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 2 * 3600),
    "unacked_restore_interval": env_int("CELERY_RESTORE_INTERVAL", 10),
    "unacked_restore_throttle": 1,
}
if env_str("CELERY_KEY_PREFIX", ""):
    CELERY_BROKER_TRANSPORT_OPTIONS["global_keyprefix"] = env_str("CELERY_KEY_PREFIX", "")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {"django.request": {"level": "ERROR"}, "axes": {"level": "ERROR"}},
}
CSRF_FAILURE_VIEW = "zwgk.web.errors.csrf_failure"
