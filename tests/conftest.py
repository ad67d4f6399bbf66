import importlib.util
from pathlib import Path

import pytest

from tests import personas

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Mark every test that touches the database `db`, so `make test` can run them on PostgreSQL
    as well as SQLite (`pytest -m db` under scripts/with_postgres.py).

    And keep together, on one worker of `pytest -n` (`--dist loadgroup`), the tests that share
    a fixture made once per module or package (the drafts rendered once, the browser): spread
    over several workers, each would make it again."""
    for item in items:
        if item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(
            getattr(item, "fixturenames", ())
        ):
            item.add_marker(pytest.mark.db)
        group = shared_fixture_group(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


def shared_fixture_group(item) -> str | None:
    """The package or module whose shared fixture (one of the tests', not a plugin's) the test
    uses, package first; None if it uses none."""
    info = getattr(item, "_fixtureinfo", None)
    scopes = {
        definitions[-1].scope
        for definitions in (info.name2fixturedefs.values() if info else ())
        if definitions[-1].baseid  # a plugin's own fixtures have none
    }
    if "package" in scopes:
        return str(item.path.parent.relative_to(item.config.rootpath))
    if scopes & {"module", "class"}:
        return str(item.path.relative_to(item.config.rootpath))
    return None


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """Compile the .po files once, as `make install` does, so tests read real translations."""
    path = Path(__file__).resolve().parent.parent / "scripts" / "compile_messages.py"
    spec = importlib.util.spec_from_file_location("compile_messages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main()


@pytest.fixture(autouse=True)
def english_after_each_test():
    """LocaleMiddleware activates a request's language in the test's own thread and leaves it
    active; a Spanish request must not make the next test's forms speak Spanish."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache(request, django_db_blocker):
    """Each database test starts with an empty cache table. Tests that commit (a live server's,
    a transactional test's) leave rows in it, and the throttle's tests and the count of cached
    drafts (tests/test_privacy_after_deletion.py) start from zero: under `pytest -n` a worker
    runs them after whichever of those it was given."""
    if request.node.get_closest_marker("db"):
        from django.core.cache import cache

        with django_db_blocker.unblock():
            cache.clear()
    yield


# -- the people of tests/personas.py ------------------------------------------------------------


@pytest.fixture
def ana():
    return personas.ana()


@pytest.fixture
def ben():
    return personas.ben()


@pytest.fixture
def family(ana):
    """Ana's browser, logged in (a browser of its own: `client` stays free for someone else)."""
    return personas.browser_of(ana)


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback that Django sends through (tests/smtp_server.py)."""
    from tests.smtp_server import SmtpServer

    server = SmtpServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_DISABLED = False
    yield server
    server.stop()
