"""Sessions: kept in the database, and a signed-in one ends after SESSION_IDLE_TIMEOUT without
a request, while an anonymous one does not.

The two kinds of session protect different things. A signed-in session opens every case of the
account, so it should not stay open for a month on a library computer: each request it makes
pushes its end SESSION_IDLE_TIMEOUT ahead (the database row's expiry and the cookie's max-age),
and a session left idle longer is gone. An anonymous family's case is reachable only through
the session that started it (intake/access.py), so that session keeps SESSION_COOKIE_AGE;
cutting it short would lose the case for them, not protect it.
"""

import re

from django.conf import settings
from django.contrib.sessions.backends import db

# The keys Django makes: 32 lower-case letters and digits (the column holds 40).
SESSION_KEY = re.compile(r"[a-z0-9]{8,40}")


class SessionStore(db.SessionStore):
    """Django's database sessions, refusing a cookie that is not a key Django could have made.

    Django accepts any cookie of 8 characters or more and looks it up; a quoted cookie may
    carry an escaped NUL (sessionid="abcdefgh\\000"), which PostgreSQL refuses in a query,
    turning every page into a server error. Such a cookie now reads as no session at all.
    """

    def _validate_session_key(self, key):
        return bool(key) and SESSION_KEY.fullmatch(key) is not None


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # After the view, so that the request that logs in is covered and the one that logs
        # out (request.user is anonymous again) is not.
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            request.session.set_expiry(settings.SESSION_IDLE_TIMEOUT)
        return response
