"""Indexes for the operators' Django admin at 1,000,000 people.

- The operators' own accounts (a few among a million people), in the admin's order.
- PostgreSQL only: the admin's order and prefix search (``LIKE 'key%'``) of companies and people.
  A company's search key and a person's lower-case email are indexed byte by byte (collation
  "C"): the admin orders by that, so a prefix is a range of the index that is already in order,
  whatever the database's collation. A person's lower-case name has a pattern index. Other
  databases (the embedded SQLite default) do without them.
"""

from django.db import migrations, models

PATTERN_INDEXES = {
    "company_name_prefix": 'companies_company ((search_name COLLATE "C"), id)',
    "user_email_prefix": 'companies_user ((lower(email) COLLATE "C"), id)',
    "user_name_prefix": "companies_user (lower(name) text_pattern_ops)",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, target in PATTERN_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in PATTERN_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("companies", "0009_sign_in_token_label"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="user",
            index=models.Index(
                condition=models.Q(("is_staff", True)), fields=["email"], name="user_operators"
            ),
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
