"""The filing packet, built in the background: asked for by the web page, made by a worker.

The page (`request_build`) only looks up the build for the case's current packet key, or
records one and queues its task in the same transaction; it never builds. The worker
(`run_build`, through evidence/tasks.py) claims the build, makes the packet with
evidence/packet.py while recording its progress, stores the file in the configured storage and
marks the build done, or failed with a plain message for the family. Every step is a row in
the database, so any number of web and worker processes can share the work.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from eligibility.rules import screen
from evidence import packet
from evidence.models import PacketBuild
from evidence.services import case_packet, evidence_for, packet_motion
from intake.models import Case

logger = logging.getLogger(__name__)

Status = PacketBuild.Status

# Shown to the family (translated on the page) when a build fails.
BUILD_FAILED = gettext_noop(
    "We could not put your packet together. A document may be damaged or too big to copy. "
    "Check your documents, remove any that will not open, and try again."
)
# A build that has not moved for this long is taken as stopped (its worker was ended): the page
# offers to try again.
STALLED_AFTER = timedelta(minutes=10)


def request_build(case: Case, *, key: str, as_of) -> PacketBuild:
    """The build of this packet key, queued now if there is none yet (once, however many
    requests ask at the same time)."""
    build = PacketBuild.objects.filter(case=case, key=key).first()
    if build is not None:
        return build
    try:
        with transaction.atomic():
            build = PacketBuild.objects.create(case=case, key=key, as_of=as_of)
            _enqueue(build)
    except IntegrityError:
        # Another request queued the same key first.
        return PacketBuild.objects.get(case=case, key=key)
    return build


def retry_build(build: PacketBuild) -> None:
    """Queue a failed or stalled build again."""
    if not (build.status == Status.FAILED or is_stalled(build)):
        return
    with transaction.atomic():
        updated = PacketBuild.objects.filter(pk=build.pk, updated_at=build.updated_at).update(
            status=Status.QUEUED,
            error="",
            steps_done=0,
            steps_total=0,
            started_at=None,
            updated_at=timezone.now(),
        )
        if updated:
            _enqueue(build)


def is_stalled(build: PacketBuild) -> bool:
    return (
        build.status in (Status.QUEUED, Status.RUNNING)
        and timezone.now() - build.updated_at > STALLED_AFTER
    )


def _enqueue(build: PacketBuild) -> None:
    from evidence.tasks import build_filing_packet

    build_filing_packet.enqueue(str(build.pk))


def run_build(build_id: str) -> None:
    """Make the packet of one build (the worker's side). A build whose case changed since it was
    asked for is dropped: the page asks for the new one."""
    started = timezone.now()
    claimed = PacketBuild.objects.filter(pk=build_id, status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=started, updated_at=started
    )
    if not claimed:
        return  # gone with its case, or already taken by another worker
    # Every later write names this run: a build tried again while a slow worker still had it
    # belongs to the new run only.
    mine = PacketBuild.objects.filter(pk=build_id, started_at=started)
    build = PacketBuild.objects.select_related("case").filter(pk=build_id).first()
    if build is None:
        return  # its case was deleted just now
    case = build.case
    facts = case.to_facts(build.as_of)
    screening = screen(facts, build.as_of)
    evidence = evidence_for(case)
    # The motion the screening allows; none, and there is no packet to make.
    document = packet_motion(screening)
    role = case.preparer_role or None
    if (
        document is None
        or packet.packet_key(facts, build.as_of, evidence, document, role) != build.key
    ):
        mine.delete()
        return
    try:
        built = case_packet(
            case,
            facts=facts,
            as_of=build.as_of,
            screening=screening,
            evidence=evidence,
            document=document,
            progress=_Recorder(mine),
        )
        with built.file:
            name = build.file.storage.save(
                packet_name_for(build), File(built.file, name="packet.pdf")
            )
    except Exception:
        logger.exception("The filing packet of build %s failed", build.pk)
        mine.update(status=Status.FAILED, error=BUILD_FAILED, finished_at=timezone.now())
        return
    with transaction.atomic():
        done = mine.update(
            status=Status.DONE,
            file=name,
            pages=built.pages,
            finished_at=timezone.now(),
            updated_at=timezone.now(),
        )
        if done:
            # Older packets of the case are out of date now: they go, with their files.
            older = case.packet_builds.filter(created_at__lt=build.created_at).exclude(
                status__in=(Status.QUEUED, Status.RUNNING)
            )
            for old in older:
                old.delete()
    if not done:
        # The case was deleted while its packet was being made, or the build was tried again.
        build.file.storage.delete(name)


def packet_name_for(build: PacketBuild) -> str:
    return build.file.field.generate_filename(build, "packet.pdf")


class _Recorder:
    """Saves the builder's progress, about once for each percent, not for every page."""

    def __init__(self, build):
        self.build, self.saved = build, -1

    def __call__(self, done: int, total: int) -> None:
        percent = done * 100 // total if total else 0
        if percent == self.saved:
            return
        self.saved = percent
        self.build.update(steps_done=done, steps_total=total, updated_at=timezone.now())
