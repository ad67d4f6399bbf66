"""When something fails, the family gets a page in the site's layout and in its language that
says what to do, never Django's bare English page or a traceback: a bug (500), a request that
could not be used (400), a page that is not theirs (403), a form sent without its security
token (CSRF, 403). Page not found (404) is in tests/test_spanish.py and the browser tests."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.readability import grade

pytestmark = [pytest.mark.urls("tests.error_urls"), pytest.mark.django_db]

PAGES = {
    "server": (500, "Something went wrong", "Algo salió mal"),
    "bad-request": (400, "We could not use that", "No pudimos usar eso"),
    "forbidden": (403, "You cannot open this page", "No puede abrir esta página"),
}


def visit(path: str, language: str):
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE=language)
    return client.get(path)


def main_text(html: str) -> str:
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_failure_shows_the_sites_page_in_the_visitors_language(name, language):
    status, english, spanish = PAGES[name]

    response = visit(f"/fails/{name}/", language)

    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}">' in html
    assert f"<h1>{spanish if language == 'es' else english}</h1>" in html
    assert 'href="/static/css/site.css"' in html or "css/site." in html
    assert "information, not legal advice" in html or "información, no asesoría legal" in html
    assert "Traceback" not in html and "RuntimeError" not in html
    assert 'href="/"' in html  # a way back


def test_a_form_sent_without_its_security_token_says_to_send_it_again():
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("login"), {"username": "a@example.com", "password": "x"})

    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Please send the page again</h1>" in html
    assert "The answers you already saved are safe" in html
    assert "CSRF" not in html


def test_the_security_token_page_is_in_spanish_for_a_spanish_browser():
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="es")

    response = client.post(reverse("login"), {"username": "a@example.com", "password": "x"})

    assert response.status_code == 403
    assert "<h1>Por favor, envíe la página otra vez</h1>" in response.content.decode()


@pytest.mark.parametrize("path", ["/fails/server/", "/fails/bad-request/", "/fails/forbidden/"])
def test_each_error_page_reads_at_grade_8_or_below(path):
    text = main_text(visit(path, "en").content.decode())
    assert grade(text) <= 8, (grade(text), text)


def test_the_security_token_page_reads_at_grade_8_or_below():
    response = Client(enforce_csrf_checks=True).post(reverse("login"), {})
    text = main_text(response.content.decode())
    assert grade(text) <= 8, (grade(text), text)
