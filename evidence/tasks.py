"""Background tasks, run by `manage.py db_worker` (django-tasks, database backend)."""

from django_tasks import task

from evidence import builds


@task()
def build_filing_packet(build_id: str) -> None:
    """Make a case's filing packet (evidence/builds.py)."""
    builds.run_build(build_id)
