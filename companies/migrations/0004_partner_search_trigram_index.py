"""The directory's trigram index covers only the companies it searches: resellers and
distributors (2,200 of 100,000 in the benchmark data). A short search such as "mül" matched
thousands of customers' names in the whole-table index before the kind filter applied (≈2 to
10 ms); the partial index answers in under 1 ms.

Other databases (the embedded SQLite default) do without it.
"""

from django.db import migrations

OLD = "company_search_name_trgm"
NEW = "company_partner_search_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD}")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NEW} ON companies_company "
        "USING gin (search_name gin_trgm_ops) WHERE kind IN ('reseller', 'distributor')"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {NEW}")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OLD} ON companies_company "
        "USING gin (search_name gin_trgm_ops)"
    )


class Migration(migrations.Migration):
    dependencies = [("companies", "0003_user_company_name_index")]

    operations = [migrations.RunPython(create_index, drop_index)]
