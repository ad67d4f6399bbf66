"""Spanish: every family-facing string has a translation, the pages speak Spanish to a browser
that asks for it (English stays the default), and the court papers stay in English."""

from __future__ import annotations

import io
import os
import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from eligibility.rules import verdict_label
from intake.drafts import rendering
from intake.models import Case
from intake.steps import STEPS
from tests.case_helpers import (
    answer_first_steps,
    finish_interview,
    freeze_today,
    post_step,
    request_form,
    start_case,
    step_url,
)

sys.path.insert(0, str(Path(settings.BASE_DIR) / "scripts"))
from compile_messages import parse_po  # noqa: E402

PO = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"
# What families never see: the advocate workspace, the court documents (English on purpose),
# the eligibility engine (its own catalogue, eligibility/locale/), tests and tools.
NOT_FAMILY_FACING = [
    "eligibility/*",
    ".venv/*",
    "tests/*",
    "benchmarks/*",
    "templates/drafts/*",
    "templates/advocate/*",
    "staticfiles/*",
    "media/*",
]
MONTH = re.compile(
    r"(January|February|March|April|May|June|July|August|September|October"
    r"|November|December) \d{1,2}, \d{4}"
)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture
def spanish() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="es")


def _entries(text: str) -> list[tuple[str, list[str], str]]:
    """(msgid, flags, msgstr) for every live entry of a .po file; obsolete (#~) ones left out."""
    entries = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        flags = [f.strip() for line in lines if line.startswith("#,") for f in line[2:].split(",")]
        messages = parse_po("\n".join(line for line in lines if not line.startswith("#,")))
        for msgid, msgstr in messages.items():
            entries.append((msgid, flags, msgstr))
        if not messages and any(line.startswith("msgid ") for line in lines):
            msgid = re.search(r'^msgid "(.*)"', block, re.M).group(1)
            entries.append((msgid or "(multi-line)", flags, ""))
    return entries


# -- the catalogue -----------------------------------------------------------------------------


def test_every_entry_of_the_catalogue_is_translated():
    text = PO.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text
    untranslated = [msgid for msgid, _, msgstr in _entries(text) if msgid and not msgstr]
    assert untranslated == []


def test_the_translations_keep_every_placeholder():
    for msgid, _, msgstr in _entries(PO.read_text(encoding="utf-8")):
        for original, translated in zip(
            msgid.split("\x00"), msgstr.split("\x00") * 2, strict=False
        ):
            wanted = sorted(re.findall(r"%\(\w+\)[sd]", original))
            assert sorted(re.findall(r"%\(\w+\)[sd]", translated)) == wanted, msgid


@pytest.mark.skipif(
    shutil.which("xgettext") is None and os.environ.get("CI") != "true",
    reason="GNU gettext (xgettext) is not installed; CI installs it (.ci/run)",
)
def test_every_family_facing_string_has_a_spanish_translation(tmp_path, monkeypatch):
    """Extract the strings afresh into a copy of the catalogue: a string added or changed
    without its Spanish shows up as a new empty (or fuzzy) entry.

    makemessages writes to the locale/ beside the files it reads, so it runs in a directory of
    links to the project with a copy of locale/: the committed catalogue is never touched."""
    base = Path(settings.BASE_DIR)
    for item in base.iterdir():
        if item.name != "locale" and not item.name.startswith("."):
            (tmp_path / item.name).symlink_to(item)
    copy = tmp_path / "locale" / "es" / "LC_MESSAGES" / "django.po"
    copy.parent.mkdir(parents=True)
    shutil.copy(PO, copy)
    before = PO.read_bytes()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(settings, "LOCALE_PATHS", [tmp_path / "locale"])
    call_command(
        "makemessages",
        locale=["es"],
        ignore_patterns=NOT_FAMILY_FACING,
        symlinks=True,
        verbosity=0,
    )

    assert PO.read_bytes() == before

    entries = _entries(copy.read_text(encoding="utf-8"))
    assert [msgid for msgid, flags, _ in entries if "fuzzy" in flags and msgid] == []
    assert [msgid for msgid, _, msgstr in entries if msgid and not msgstr] == []
    assert len(entries) == len(_entries(PO.read_text(encoding="utf-8")))


# -- the pages ---------------------------------------------------------------------------------


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_spanish(html: str, *phrases: str) -> None:
    assert '<html lang="es">' in html
    assert 'action="/i18n/setlang/"' in html
    assert 'name="language" value="en"' in html
    for phrase in phrases:
        assert phrase in html


def finished_case(client: Client) -> Case:
    case = start_case(client)
    answer_first_steps(client, case)
    # Received on a known date: a case ready to file, so the motion is among its papers.
    request = request_form(0, sent_on=date(2026, 9, 1), received_on=date(2026, 9, 1))
    finish_interview(client, case, request)
    return case


@pytest.mark.django_db
def test_a_first_visit_from_a_spanish_browser_gets_spanish(spanish):
    html = _page(spanish, reverse("home"))

    assert_spanish(html, "Ayude a un ser querido", "Empezar", "Idioma")


@pytest.mark.django_db
def test_english_stays_the_default(client):
    html = _page(client, reverse("home"))

    assert '<html lang="en">' in html
    assert "Help a loved one in federal prison" in html


@pytest.mark.django_db
def test_the_switch_sets_the_language_for_the_next_pages(client):
    response = client.post(reverse("set_language"), {"language": "es", "next": "/"})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert_spanish(_page(client, reverse("home")), "Ayude a un ser querido")


@pytest.mark.django_db
def test_every_step_of_the_interview_is_in_spanish(spanish):
    case = finished_case(spanish)

    for step in STEPS:
        html = _page(spanish, step_url(case, step))
        assert_spanish(html, "Guardar y regresar después", "Paso ")


@pytest.mark.django_db
def test_dates_on_check_your_answers_are_in_spanish(spanish):
    case = finished_case(spanish)

    html = _page(spanish, step_url(case, "review"))

    assert "2 de marzo de 1957" in html  # the date of birth
    assert "1 de septiembre de 2026" in html  # the request to the warden
    assert "March 2, 1957" not in html


@pytest.mark.django_db
def test_a_step_with_errors_is_in_spanish(spanish):
    case = start_case(spanish)

    response = post_step(spanish, case, "about_you", {})

    assert_spanish(response.content.decode(), "Hay un problema", "Elija quién está llenando esto")


@pytest.mark.django_db
def test_the_results_explain_the_english_papers_in_spanish(spanish):
    case = finished_case(spanish)

    html = _page(spanish, reverse("case_results", args=[case.id]))

    assert_spanish(
        html,
        "Sus resultados",
        "Próximos pasos: quién hace qué",
        "Pide al juez acortar la sentencia",
        "pida que lo traduzcan al inglés",
        "No hay que pagar nada para presentar esta moción.",
    )


@pytest.mark.django_db
def test_the_account_and_document_pages_are_in_spanish(spanish):
    case = finished_case(spanish)
    assert_spanish(_page(spanish, reverse("login")), "Iniciar sesión", "Correo electrónico")
    assert_spanish(_page(spanish, reverse("signup")), "Crear una cuenta", "Elija una contraseña")
    assert_spanish(
        _page(spanish, reverse("case_documents", args=[case.id])),
        "Sus documentos",
        "Agregar un documento",
    )
    user = get_user_model().objects.create_user("ana@example.com", "ana@example.com", "x" * 12)
    case.owner = user
    case.save(update_fields=["owner"])
    spanish.force_login(user)
    assert_spanish(_page(spanish, reverse("my_cases")), "Mis casos", "Empezar otro caso")
    case.refresh_from_db()
    with translation.override("es"):
        label = verdict_label(case.verdict)
    with translation.override("en"):
        assert label != verdict_label(case.verdict)
    assert label in _page(spanish, reverse("my_cases"))


@pytest.mark.django_db
def test_a_page_that_is_not_there_says_so_in_spanish(spanish, client):
    """A case of another browser, or an address typed wrong: the site's own page, not
    Django's bare English one, with the way back."""
    missing = reverse("case_resume", args=["00000000-0000-0000-0000-000000000000"])

    response = spanish.get(missing)

    assert response.status_code == 404
    assert_spanish(response.content.decode(), "No encontramos esta página", 'href="/"')
    assert "Page not found" in client.get(missing).content.decode()


@pytest.mark.django_db
def test_the_advocate_workspace_stays_in_english_for_a_spanish_browser(spanish):
    """The workspace is not translated (NOT_FAMILY_FACING above): whatever the browser asks
    for, each of its pages is wholly in English, the header and the interview's steps included,
    marked lang="en", without a language switch that could not change it. The family pages of
    the same browser stay in Spanish."""
    from tests import workspace_helpers as make

    org = make.organisation("Federal Defenders of New York")
    mo = make.advocate(org, "mo@example.org", "Mo Advocate")
    case = make.ready_case(person={"name": "Jane Q. Doe"})
    make.share(case, org)
    spanish.force_login(mo.user)

    for url, phrase in (
        (reverse("advocate_dashboard"), "Cases of Federal Defenders of New York"),
        (reverse("advocate_case", args=[case.id]), "Send to the family"),
        (reverse("advocate_case_step", args=[case.id, "sentence"]), "Save and come back later"),
    ):
        response = spanish.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert response["Content-Language"] == "en"
        assert '<html lang="en">' in html
        assert phrase in html
        assert "Log out" in html and "Cerrar sesión" not in html
        assert 'action="/i18n/setlang/"' not in html
    assert_spanish(_page(spanish, reverse("my_cases")), "Mis casos", "Cerrar sesión")


# -- the papers stay in English ------------------------------------------------------------------


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.django_db
def test_the_motion_downloaded_in_spanish_is_in_english(spanish):
    cache.clear()
    case = finished_case(spanish)

    response = spanish.get(reverse("case_motion_pdf", args=[case.id]))

    text = _pdf_text(response.content)
    assert "EXTRAORDINARY AND COMPELLING REASONS" in text
    assert MONTH.search(text)
    assert not re.search(r"\b(de noviembre|ser querido|sentencia)\b", text)


def test_a_renderer_runs_in_english_whatever_the_language():
    seen = []

    @rendering.in_english
    def renderer():
        seen.append(translation.get_language())

    with translation.override("es"):
        renderer()
        assert translation.get_language() == "es"

    assert seen == ["en"]


@pytest.mark.django_db
def test_a_state_prisoner_learns_what_to_do_instead_in_spanish(spanish):
    case = start_case(spanish)

    response = post_step(spanish, case, "screening", {"custody_status": "state_sentence"})

    html = _page(spanish, response["Location"])
    assert_spanish(html, "Lo que puede hacer en su lugar", "defensor público del estado")
    assert "defensores federales" not in html
