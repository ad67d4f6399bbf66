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


def test_it_leaves_case_ids_and_byte_counts_alone(captured):
    logger, stream = captured
    case_id = "12345678-1234-5678-9abc-123456789012"
    logger.warning("case %s: %d bytes", case_id, 87654321)
    assert stream.getvalue() == f"case {case_id}: 87654321 bytes\n"


def test_runserver_lines_keep_status_and_size_but_lose_queries_and_tokens():
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        ("GET /advocate/join/s3cr3t-t0ken/?next=/x HTTP/1.1", "200", "12345678"),
        None,
    )
    logfilter.RedactPersonalData().filter(record)
    assert record.getMessage() == '"GET /advocate/join/[redacted]/ HTTP/1.1" 200 12345678'

    record.msg, record.args = (
        '"%s" %s %s',
        ("GET /advocate/?q=Jane+Doe+12345678 HTTP/1.1", "200", "9"),
    )
    logfilter.RedactPersonalData().filter(record)
    assert record.getMessage() == '"GET /advocate/ HTTP/1.1" 200 9'


def test_gunicorns_access_log_loses_queries_tokens_and_referers():
    from datetime import timedelta
    from types import SimpleNamespace

    from gunicorn.config import Config

    from config.accesslog import RedactingAccessLogger

    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/advocate/join/s3cr3t-t0ken/?q=Jane+Doe",
        "PATH_INFO": "/advocate/join/s3cr3t-t0ken/",
        "QUERY_STRING": "q=Jane+Doe",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": "https://cr.example.org/advocate/?q=Jane+Doe",
        "REMOTE_ADDR": "10.0.0.1",
    }
    response = SimpleNamespace(status="200 OK", sent=12345678, headers=[])
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    logger = RedactingAccessLogger(Config())

    atoms = logger.atoms(response, request, environ, timedelta(seconds=1))
    line = logger.cfg.access_log_format % atoms

    assert "s3cr3t" not in line
    assert "Jane" not in line
    assert "GET /advocate/join/[redacted]/ HTTP/1.1" in line
    assert "12345678" in line
