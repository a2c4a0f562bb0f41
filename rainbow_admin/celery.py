import os
from typing import Any

from celery import Celery
from celery.signals import task_postrun, task_prerun, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rainbow_admin.settings")

app = Celery("rainbow_admin")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def task_send(name: str, *args: Any) -> None:
    """Queue the task registered as ``name`` (``"<app>.tasks.<function>"``) with ``args``.

    Services queue their tasks by name, so a service never imports the task module that imports
    it (STYLE.md 13). ``send_task`` ignores ``task_always_eager``; without a broker (development,
    most tests) the task runs at once as ``.delay`` would, looked up in the registry that
    autodiscovery fills. Raises what the broker raises when it cannot be reached: callers decide.
    """
    if app.conf.task_always_eager:
        if name not in app.tasks:
            app.loader.import_default_modules()
        app.tasks[name].apply_async(args=args)
    else:
        app.send_task(name, args=list(args))


@worker_init.connect
def keep_database_connections(**kwargs) -> None:
    """In a worker, database connections live ``WORKER_CONN_MAX_AGE`` seconds, not one task
    (the web keeps ``CONN_MAX_AGE``), and each task first checks that its connection still
    answers (one ``SELECT 1``, far cheaper than a new connection), so a connection the database
    has cut is replaced before the task uses it. Runs before the pool starts, so every process
    inherits it."""
    from django.conf import settings

    for database in settings.DATABASES.values():
        database["CONN_MAX_AGE"] = settings.WORKER_CONN_MAX_AGE
        database["CONN_HEALTH_CHECKS"] = True


@task_prerun.connect
@task_postrun.connect
def close_old_database_connections(task=None, **kwargs) -> None:
    """Around each task, what Django does around each request: close a connection that is too
    old or that an error left unusable (the database restarted), so the next query reconnects.
    Not for a task run in-process (eager): it runs inside the caller's transaction."""
    from django.db import close_old_connections

    if task is not None and not getattr(task.request, "is_eager", False):
        close_old_connections()
