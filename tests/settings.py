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

# Every test client comes from 127.0.0.1, and one test may start many cases (a property test's
# examples each start one). Each test begins with an empty cache (tests/conftest.py), so only a
# test's own starts count. Not far higher: each start reads every one of the limit's slots
# (accounts/throttle.py), and 100,000 slots made a start take seconds. The throttle's own tests
# set their limits (tests/test_throttling.py).
CASE_START_LIMIT = 500
