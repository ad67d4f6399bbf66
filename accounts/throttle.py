"""Slow down password guessing, mass sign-ups and mass case creation: too many tries lock a key
out for a while.

The counts live in Django's cache, so they hold across gunicorn workers and servers when the
cache is shared (the default is a database table: CACHES in config/settings.py). Each try
claims one of `limit` slots with `cache.add`, which every cache backend does atomically, so
workers racing each other cannot lose a count the way a read-then-write counter can; a slot
expires LOCKOUT_SECONDS after the try it records. The try that takes the last free slot locks
the key for LOCKOUT_SECONDS. Keys are hashed, so the cache never holds an email or IP address.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Rule:
    scope: str
    limit_setting: str

    @property
    def limit(self) -> int:
        return getattr(settings, self.limit_setting)


LOGIN_USERNAME = Rule("login-username", "LOGIN_FAILURE_LIMIT")
LOGIN_IP = Rule("login-ip", "LOGIN_FAILURE_LIMIT")
SIGNUP_IP = Rule("signup-ip", "SIGNUP_ATTEMPT_LIMIT")
CASE_START = Rule("case-start", "CASE_START_LIMIT")
LOGIN_FAILED_FROM = Rule("login-failed-from", "LOGIN_FAILURE_LIMIT")
EMAIL_LINK_ADDRESS = Rule("email-link-address", "EMAIL_LINK_LIMIT")
EMAIL_LINK_IP = Rule("email-link-ip", "EMAIL_LINK_LIMIT")


def _key(rule: Rule, value: str) -> str:
    digest = hashlib.sha256(value.encode("utf-8", "replace")).hexdigest()
    return f"throttle:{rule.scope}:{digest}"


def _slots(rule: Rule, value: str) -> list[str]:
    key = _key(rule, value)
    return [f"{key}:{n}" for n in range(rule.limit)]


def is_locked(rule: Rule, value: str) -> bool:
    return cache.get(f"{_key(rule, value)}:locked") is not None


def record(rule: Rule, value: str) -> None:
    """Count one try; the one that fills the last slot locks the key."""
    seconds = settings.LOCKOUT_SECONDS
    slots = _slots(rule, value)
    for slot in slots:
        if cache.add(slot, 1, seconds):
            break
    if len(cache.get_many(slots)) >= len(slots):
        cache.set(f"{_key(rule, value)}:locked", 1, seconds)


def clear(rule: Rule, value: str) -> None:
    cache.delete_many(_slots(rule, value))


def lockout_minutes() -> int:
    return math.ceil(settings.LOCKOUT_SECONDS / 60)


def client_ip(request) -> str:
    """The address the request came from, or the one a trusted proxy passed on."""
    if request is None:  # a form built without its request, in a test
        return ""
    header = settings.CLIENT_IP_HEADER
    if header:
        forwarded = request.headers.get(header, "")
        # A proxy appends the address it saw; anything before it came from the client.
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "")


# -- the two forms that are throttled -------------------------------------------------------


def _username(raw: str) -> str:
    return raw.strip().lower()


def _login_keys(request, username: str) -> list[tuple[Rule, str]]:
    """The address and the account a log-in counts against (none for an unknown one)."""
    keys = [(LOGIN_IP, client_ip(request)), (LOGIN_USERNAME, _username(username))]
    return [(rule, value) for rule, value in keys if value]


def _failed_from(request, username: str) -> str:
    """The mark that this IP address has sent a wrong password for this account."""
    return _key(LOGIN_FAILED_FROM, f"{_username(username)} {client_ip(request)}")


def login_locked(request, username: str) -> bool:
    """A locked IP address is refused for every account. A locked account is refused only from
    the addresses that sent it a wrong password: anyone can lock an account, and its owner,
    elsewhere, must still get in with the right password."""
    ip, account = client_ip(request), _username(username)
    if ip and is_locked(LOGIN_IP, ip):
        return True
    if account and is_locked(LOGIN_USERNAME, account):
        return cache.get(_failed_from(request, username)) is not None
    return False


def login_failed(request, username: str) -> None:
    for rule, value in _login_keys(request, username):
        record(rule, value)
    if _username(username):
        cache.set(_failed_from(request, username), 1, settings.LOCKOUT_SECONDS)


def login_succeeded(username: str) -> None:
    """A right password clears the account's count (not the address's: that one may be
    guessing at several accounts and have got one right)."""
    clear(LOGIN_USERNAME, _username(username))


def signup_locked(request) -> bool:
    return is_locked(SIGNUP_IP, client_ip(request))


def signup_tried(request) -> None:
    record(SIGNUP_IP, client_ip(request))


def _case_starter(request) -> str:
    """Who starts a case: the account, or (without one) the IP address, so that clearing the
    browser's cookies does not reset the count."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"ip:{client_ip(request)}"


def case_start_locked(request) -> bool:
    return is_locked(CASE_START, _case_starter(request))


def case_started(request) -> None:
    record(CASE_START, _case_starter(request))


def email_link_allowed(request, email: str) -> bool:
    """Count a request for an emailed link (to come back, to confirm an address, to reset a
    password): False once the address or the IP address has asked too often. The page answers
    the same either way."""
    keys = [(EMAIL_LINK_IP, client_ip(request)), (EMAIL_LINK_ADDRESS, _username(email))]
    if any(is_locked(rule, value) for rule, value in keys if value):
        return False
    for rule, value in keys:
        if value:
            record(rule, value)
    return True
