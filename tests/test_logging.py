"""The logs never carry people's names, register numbers or facts."""

import io
import logging

import pytest

from config import logfilter


@pytest.fixture
def captured():
    """A logger wired like production's console handler: through the redacting filter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(logfilter.RedactPersonalData())
    logger = logging.getLogger("tests.redaction")
    logger.addHandler(handler)
    logger.propagate = False
    logfilter.reset()
    yield logger, stream
    logger.removeHandler(handler)
    logfilter.reset()


def test_it_redacts_register_numbers_with_or_without_the_dash(captured):
    logger, stream = captured
    logger.warning("lookup failed for %s and %s", "12345-678", "87654321")
    assert "12345-678" not in stream.getvalue()
    assert "87654321" not in stream.getvalue()
    assert stream.getvalue().count(logfilter.REDACTED) == 2


def test_it_redacts_the_values_of_the_case_being_handled(captured):
    logger, stream = captured
    logfilter.protect("Jane Q. Doe", "Stage IV pancreatic cancer", None, "")
    logger.error("could not render the motion for Jane Q. Doe: Stage IV pancreatic cancer")
    out = stream.getvalue()
    assert "Jane Q. Doe" not in out
    assert "pancreatic" not in out
    assert "could not render the motion" in out


def test_it_redacts_tracebacks(captured):
    logger, stream = captured
    logfilter.protect("Robert Example")
    try:
        raise ValueError("bad facts for Robert Example 12345-678")
    except ValueError:
        logger.exception("draft failed")
    out = stream.getvalue()
    assert "ValueError" in out
    assert "Robert Example" not in out
    assert "12345-678" not in out


def test_protected_values_do_not_outlive_the_request(client, captured):
    logger, stream = captured
    logfilter.protect("Robert Example")
    client.get("/")
    logger.warning("Robert Example")
    assert "Robert Example" in stream.getvalue()


def test_the_site_logging_uses_the_filter():
    handler = next(h for h in logging.getLogger("django").handlers)
    assert any(isinstance(f, logfilter.RedactPersonalData) for f in handler.filters)
