import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rainbow_admin.settings")

app = Celery("rainbow_admin")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
