"""The filing packet is made by a background worker, never inside the request (issue 16).

The page queues one build for the case's current packet key and shows its progress; the real
worker (`manage.py db_worker --batch`, django-tasks' database backend) makes it and stores the
file; the same address then sends the PDF. These tests commit for real (the worker takes its own
exclusive transaction on SQLite), and run the worker in this process.
"""

from __future__ import annotations

import io
import json
import signal
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks.backends.database.models import DBTaskResult
from pypdf import PdfReader

from evidence import packet, services
from evidence.models import PacketBuild
from tests.case_helpers import AS_OF
from tests.evidence_files import attach, image_bytes, make_case, pdf_bytes

pytestmark = pytest.mark.django_db(transaction=True)

Status = PacketBuild.Status


@pytest.fixture
def case(ana):
    return make_case(owner=ana)


@pytest.fixture
def url(case):
    return reverse("case_filing_packet", args=[case.id])


def run_worker() -> None:
    """Run every queued task once, as `manage.py db_worker --batch` does, then give the test
    process its own signal handlers back (the worker installs its own)."""
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    saved = {number: signal.getsignal(number) for number in signals}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def pdf_text(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


def current_key(case) -> str:
    return packet.packet_key(case.to_facts(AS_OF), AS_OF, services.evidence_for(case))


def stored(media: Path, build: PacketBuild) -> Path:
    return media / build.file.name


def test_the_request_queues_the_packet_and_does_not_build_it(family, case, url, media):
    attach(case, pdf_bytes("Oncology records from the hospital"))

    response = family.get(url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert response["Cache-Control"] == "private, no-store"
    page = response.content.decode()
    assert "We are putting your packet together" in page
    assert f'href="{url}"' in page  # the no-script way to check again
    build = PacketBuild.objects.get()
    assert (build.case, build.key, build.status) == (case, current_key(case), Status.QUEUED)
    assert (build.steps_done, build.file.name) == (0, "")
    assert not (media / "packets").exists()
    task = DBTaskResult.objects.get()
    assert task.status == "READY" and task.task_path == "evidence.tasks.build_filing_packet"
    assert task.args_kwargs == {"args": [str(build.pk)], "kwargs": {}}


def test_asking_again_queues_nothing_more(family, case, url):
    for _ in range(3):
        assert family.get(url).status_code == 200
    assert family.get(url + "?progress").status_code == 200

    assert PacketBuild.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


def test_the_worker_builds_the_packet_and_the_page_then_sends_it(family, case, url, media):
    attach(case, pdf_bytes("Oncology records from the hospital"))
    attach(
        case,
        image_bytes("JPEG"),
        description="Photo of the denial",
        kind="other",
        supports={
            "supports": "request",
            "request_id": case.warden_requests.get().pk,
            "request_role": "warden_response",
        },
    )
    family.get(url)

    run_worker()

    build = PacketBuild.objects.get()
    assert build.status == Status.DONE
    assert build.steps_total > 0 and build.steps_done == build.steps_total
    assert build.file.name == f"packets/{case.id}/{build.id}.pdf"
    assert stored(media, build).exists()
    assert DBTaskResult.objects.get().status == "SUCCEEDED"
    progress = family.get(url + "?progress").json()
    assert progress["ready"] is True and progress["percent"] == 100

    response = family.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="filing-packet-doe-2026-11-29.pdf"'
    )
    assert response["ETag"] == f'"{build.key}"'
    assert response["Cache-Control"] == "private, no-store"
    pdf = b"".join(response.streaming_content)
    text = pdf_text(pdf)
    assert "Oncology records from the hospital" in text
    assert "Exhibit A — Request to the Warden" in " ".join(text.split())
    total = len(PdfReader(io.BytesIO(pdf)).pages)
    assert build.pages == total
    assert f"Page {total} of {total}" in text
    assert family.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert DBTaskResult.objects.count() == 1  # sending it queued nothing


def test_a_new_upload_makes_a_new_packet_and_the_old_one_goes(family, case, url, media):
    family.get(url)
    run_worker()
    old = PacketBuild.objects.get()
    old_file = stored(media, old)
    assert old_file.exists()

    attach(case, pdf_bytes("A letter from the chaplain"))
    response = family.get(url, HTTP_IF_NONE_MATCH=f'"{old.key}"')

    assert response.status_code == 200
    assert "We are putting your packet together" in response.content.decode()
    new = PacketBuild.objects.exclude(pk=old.pk).get()
    assert new.status == Status.QUEUED and new.key == current_key(case) != old.key

    run_worker()

    assert list(PacketBuild.objects.all()) == [new]
    assert not old_file.exists()
    assert "A letter from the chaplain" in pdf_text(b"".join(family.get(url).streaming_content))


def test_a_build_asked_for_answers_that_changed_since_is_dropped(family, case, url, media):
    family.get(url)
    attach(case)  # the key changes before the worker gets to the build

    run_worker()

    assert not PacketBuild.objects.exists()
    assert not (media / "packets").exists()
    assert "We are putting your packet together" in family.get(url).content.decode()
    assert PacketBuild.objects.get().key == current_key(case)


def test_a_packet_that_cannot_be_built_says_so_plainly_and_can_be_tried_again(
    family, case, url, media
):
    attachment = attach(case)
    (media / attachment.file.name).write_bytes(b"%PDF-1.7 damaged after it was checked")
    family.get(url)

    run_worker()

    build = PacketBuild.objects.get()
    assert build.status == Status.FAILED and build.file.name == ""
    assert not (media / "packets").exists()
    response = family.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "We could not put your packet together" in page
    assert 'role="alert"' in page and "Try again" in page
    assert family.get(url + "?progress").json()["can_retry"] is True
    spanish = Client(HTTP_ACCEPT_LANGUAGE="es")
    spanish.force_login(case.owner)
    assert "No pudimos" in spanish.get(url).content.decode()

    response = family.post(url)

    assert response.status_code == 302 and response["Location"] == url
    build.refresh_from_db()
    assert (build.status, build.error) == (Status.QUEUED, "")
    assert DBTaskResult.objects.filter(status="READY").count() == 1


def test_a_build_that_stopped_moving_can_be_tried_again(family, case, url):
    family.get(url)
    PacketBuild.objects.update(
        status=Status.RUNNING, updated_at=timezone.now() - timedelta(minutes=11)
    )

    assert "Try again" in family.get(url).content.decode()
    family.post(url)

    assert PacketBuild.objects.get().status == Status.QUEUED
    run_worker()
    assert PacketBuild.objects.get().status == Status.DONE


def test_deleting_the_case_deletes_its_packets_and_their_files(family, case, url, media):
    family.get(url)
    run_worker()
    path = stored(media, PacketBuild.objects.get())
    assert path.exists()

    family.post(reverse("case_delete", args=[case.id]))

    assert not PacketBuild.objects.exists()
    assert not path.exists()


def test_the_progress_page_is_in_spanish(case, url):
    spanish = Client(HTTP_ACCEPT_LANGUAGE="es")
    spanish.force_login(case.owner)

    page = spanish.get(url).content.decode()

    assert "Estamos armando su paquete" in page
    state = json.loads(spanish.get(url + "?progress").content)
    assert state["status"] == "queued" and state["message"] == "Esperando para empezar."


@pytest.mark.parametrize("who", ["another family", "nobody signed in"])
@pytest.mark.parametrize(("method", "query"), [("get", ""), ("get", "?progress"), ("post", "")])
def test_another_persons_packet_is_a_404_and_queues_nothing(case, url, who, method, query):
    client = Client()
    if who == "another family":
        other = get_user_model().objects.create_user("bo@example.com", "bo@example.com", "y" * 16)
        client.force_login(other)

    response = getattr(client, method)(url + query)

    assert response.status_code == 404
    assert not PacketBuild.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_another_persons_finished_packet_is_not_sent(family, case, url):
    family.get(url)
    run_worker()
    other = get_user_model().objects.create_user("bo@example.com", "bo@example.com", "y" * 16)
    client = Client()
    client.force_login(other)

    assert client.get(url).status_code == 404
    assert client.get(url, HTTP_IF_NONE_MATCH=f'"{current_key(case)}"').status_code == 404
