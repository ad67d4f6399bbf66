# The two commands a new machine needs are `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install messages run serve test lint bench clean

install: $(STAMP)

# The exact versions come from requirements.lock (regenerated from pyproject.toml as README.md
# says); the project itself is then installed without resolving anything again.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python scripts/compile_messages.py
	touch $(STAMP)

# The Spanish pages: each hand-edited .po compiled into the .mo Django reads (pure Python, no
# GNU gettext needed), again whenever a .po changes.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po */locale/*/LC_MESSAGES/*.po))
messages: $(MO_FILES)

$(MO_FILES): %.mo: %.po | $(STAMP)
	$(BIN)/python scripts/compile_messages.py

# Development: DEBUG on (the settings default to production), which also brings a development
# SECRET_KEY.
run: export DEBUG = true
# The background worker (the filing packet) runs beside the web server and stops with it.
run: install messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Production: DEBUG off, gunicorn beside one background worker, static files by WhiteNoise.
# SECRET_KEY and ALLOWED_HOSTS (and DATABASE_URL for PostgreSQL) come from the environment;
# see README.md.
serve: install
	DEBUG=false $(BIN)/python manage.py migrate --noinput
	DEBUG=false $(BIN)/python manage.py createcachetable
	DEBUG=false $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DEBUG=false $(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=false $(BIN)/gunicorn config.wsgi:application \
		--bind $${BIND:-127.0.0.1:8000} --workers $${WEB_CONCURRENCY:-4} --access-logfile - \
		--logger-class config.accesslog.RedactingAccessLogger

# The whole suite on SQLite, then every database test and the concurrency test (a live
# gunicorn) again on a throw-away PostgreSQL. The test databases get the cache table by themselves.
# Each pass spreads its tests over one worker per core (pytest-xdist); every worker has its own
# test database, so no test waits on or sees another's. Tests sharing a fixture made once per
# module or package (the rendered drafts, the browser) stay on one worker (tests/conftest.py).
# The concurrency test runs on its own after the rest: its server and clients fill every core
# by themselves, and beside another worker its 8 x 25 interviews could outrun its time limit.
# TEST_WORKERS=0 runs the rest in one process too.
TEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup
test: install messages
	DEBUG=true $(BIN)/python manage.py check
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run
	$(PYTEST) -m "not concurrency"
	$(BIN)/python -m pytest -m concurrency -p no:cacheprovider
	$(BIN)/python scripts/with_postgres.py -- $(PYTEST) -m "db and not browser and not concurrency" -p no:cacheprovider
	$(BIN)/python scripts/with_postgres.py -- $(BIN)/python -m pytest -m concurrency -p no:cacheprovider

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Every benchmark (about ten minutes), printed as tables and written to docs/benchmarks.md.
bench: install
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis staticfiles
