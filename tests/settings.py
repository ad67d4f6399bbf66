"""The settings the tests run with: the project's own, in development mode, with a fast
password hasher.

Hashing a password the production way takes a quarter of a second, and the tests sign people up
and in thousands of times; nothing they check depends on the hash. tests/test_deploy.py checks
that the production settings keep Django's slow hasher.
"""

import os

# Before config.settings reads it; subprocesses the tests start (manage.py) inherit it too.
os.environ.setdefault("DEBUG", "true")

from config.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Every test client comes from 127.0.0.1, and tests that commit (a live server's) leave the
# case-start throttle's counts in the shared cache table for its 15 minutes: without this, a
# later test's Start could be refused for what earlier ones did. The throttle's own tests set
# their limits (tests/test_throttling.py).
CASE_START_LIMIT = 100_000
