"""Indexes for the operators' Django admin: the lists newest first, and (PostgreSQL only) the
search of the outbox by recipient prefix, whatever the database's collation."""

from django.conf import settings
from django.db import migrations, models


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS email_to_prefix "
        'ON notifications_outboundemail (lower("to") text_pattern_ops)'
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS email_to_prefix")


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="activityrecord",
            index=models.Index(fields=["created_at", "id"], name="activity_created"),
        ),
        migrations.AddIndex(
            model_name="notification",
            index=models.Index(fields=["created_at", "id"], name="notification_created"),
        ),
        migrations.AddIndex(
            model_name="outboundemail",
            index=models.Index(fields=["created_at", "id"], name="email_created"),
        ),
        migrations.AddIndex(
            model_name="outboundemail",
            index=models.Index(fields=["status", "created_at", "id"], name="email_status_created"),
        ),
        migrations.RunPython(create_index, drop_index),
    ]
