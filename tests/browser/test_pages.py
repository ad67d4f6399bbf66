"""Every family page, in English and in Spanish, with its error states, passes an axe scan
(WCAG 2.1 A and AA) and says which language it is in: the account's pages (My cases, the
results, saved, share, documents, delete, screened out, how to find out, page not found), the
pages before logging in, and every step of the interview sent back with its errors.

The steps as a family fills them in are scanned in test_interview.py and test_spanish.py. Each
test here gathers every page's problems before it fails, so one run shows them all.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import family as families
from tests.browser.conftest import DESKTOP, PHONE, axe_violations
from tests.case_helpers import freeze_today
from tests.evidence_files import pdf_bytes
from workspace.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LANGUAGES = ["en", "es"]
# The words each page is looked up by, in each language: (English, Spanish).
WORDS = {
    "log in": ("Log in", "Iniciar sesión"),
    "email": ("Email address", "Correo electrónico"),
    "password": ("Password", "Contraseña"),
    "start": ("Start", "Empezar"),
    "create account": ("Create account", "Crear cuenta"),
    "problem": ("There is a problem", "Hay un problema"),
    "share": ("Share my case", "Compartir mi caso"),
    "add document": ("Add this document", "Agregar este documento"),
    "the file": ("The file", "El archivo"),
    "description": ("What is it?", "¿Qué es?"),
    "not found": ("Page not found", "No encontramos esta página"),
    "not a pdf": ("This file is not a PDF", "Este archivo no es un PDF"),
    "wrong password": (
        "The email address or the password is wrong",
        "El correo electrónico o la contraseña no son correctos",
    ),
}


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def say(language: str, key: str) -> str:
    english, spanish = WORDS[key]
    return spanish if language == "es" else english


def describe(page, language: str, description: str) -> None:
    """Everything the upload form asks about a document, but the file."""
    page.get_by_label(say(language, "description")).fill(description)
    page.locator("select[name=supports]").select_option("ground:medical_terminal")
    page.locator("input[name=kind]").last.check()


class Scan:
    """Scans pages and keeps what axe finds on each, to report them all at the end."""

    def __init__(self, language: str):
        self.language = language
        self.problems: dict[str, list] = {}

    def __call__(self, page, name: str) -> None:
        expect(page.locator("html")).to_have_attribute("lang", self.language)
        found = axe_violations(page)
        if found:
            self.problems[f"{name} ({page.url})"] = found

    def check(self) -> None:
        assert self.problems == {}, f"axe found problems in {self.language}: {self.problems}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_of_a_familys_account_passes_axe(new_page, language):
    family = families.family()
    scan = Scan(language)
    page = new_page(DESKTOP, language=language, user=family.user)
    for name, url in family.case_pages().items():
        page.goto(url)
        scan(page, name)

    page.goto(family.case_pages()["share"])
    helper = Organisation.objects.filter(name="Legal Aid Society")
    helper.update(listed=False)  # while the page is open
    page.get_by_role("button", name=say(language, "share")).click()
    expect(page.get_by_role("heading", name=say(language, "problem"))).to_be_visible()
    scan(page, "share, the organization is no longer listed")
    helper.update(listed=True)

    page.goto(family.case_pages()["documents"])
    page.get_by_label(say(language, "the file")).set_input_files(
        files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"not a PDF"}]
    )
    describe(page, language, "Notes")
    page.get_by_role("button", name=say(language, "add document")).click()
    expect(page.get_by_role("heading", name=say(language, "problem"))).to_be_visible()
    expect(page.locator("#id_file_error")).to_contain_text(say(language, "not a pdf"))
    scan(page, "documents, a file that is not a PDF or a picture")
    page.get_by_label(say(language, "the file")).set_input_files(
        files=[{"name": "letter.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}]
    )
    describe(page, language, "A letter from her doctor")
    page.get_by_role("button", name=say(language, "add document")).click()
    expect(page.locator(".messages")).to_contain_text("A letter from her doctor")
    scan(page, "documents, one just added")
    scan.check()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_before_logging_in_pass_axe_with_their_errors(new_page, language):
    families.family(password=families.PASSWORD)
    scan = Scan(language)
    page = new_page(PHONE, language=language)
    page.goto("/")
    scan(page, "home")

    page.goto("/accounts/login/")
    scan(page, "log in")
    page.get_by_label(say(language, "email")).fill("ana@example.com")
    page.get_by_label(say(language, "password")).fill("not the password")
    page.get_by_role("button", name=say(language, "log in")).last.click()
    expect(page.get_by_role("heading", name=say(language, "problem"))).to_be_visible()
    expect(page.locator("main")).to_contain_text(say(language, "wrong password"))
    scan(page, "log in, wrong password")

    page.goto("/accounts/signup/")
    scan(page, "create an account")
    page.get_by_role("textbox", name=say(language, "email")).fill("not an email")
    page.get_by_role("button", name=say(language, "create account")).click()
    expect(page.get_by_role("heading", name=say(language, "problem"))).to_be_visible()
    scan(page, "create an account, errors")

    page.goto("/")
    page.get_by_role("button", name=say(language, "start")).click()
    case_url = page.url.split("/step/")[0]
    page.goto(f"{case_url}/saved/")
    scan(page, "saved, without an account")
    page.goto(f"{case_url}/delete/")
    scan(page, "delete the case, without an account")
    page.goto("/cases/00000000-0000-0000-0000-000000000000/")  # not a case of this browser
    expect(page.get_by_role("heading", level=1)).to_have_text(say(language, "not found"))
    scan(page, "page not found")
    scan.check()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_step_sent_back_with_errors_passes_axe(new_page, language):
    """Each step of a finished case with every answer taken out and saved: its error summary,
    the messages by each question, the date boxes, lists and reasons marked wrong."""
    family = families.family()
    scan = Scan(language)
    page = new_page(DESKTOP, language=language, user=family.user)
    with_errors = set()
    for step in families.steps_sent_back_with_errors(page, family, language):
        with_errors.add(step)
        scan(page, f"{step} with errors")
    assert with_errors >= families.MUST_ANSWER
    scan.check()
