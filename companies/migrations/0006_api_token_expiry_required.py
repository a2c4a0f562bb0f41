from datetime import timedelta

from django.db import migrations, models
from django.db.models import F


def give_every_token_an_expiry(apps, schema_editor):
    """Tokens made without an expiry end 90 days after their creation (API_TOKEN_MAX_TTL's
    default; a shorter setting applies anyway, see ApiToken.is_usable)."""
    ApiToken = apps.get_model("companies", "ApiToken")
    ApiToken.objects.filter(expires_at__isnull=True).update(
        expires_at=F("created_at") + timedelta(days=90)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0005_company_search_order_index"),
    ]

    operations = [
        migrations.RunPython(give_every_token_an_expiry, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(verbose_name="expires"),
        ),
        migrations.AddIndex(
            model_name="apitoken",
            index=models.Index(
                condition=models.Q(("revoked_at__isnull", True)),
                fields=["user", "created_at"],
                name="api_token_unrevoked",
            ),
        ),
    ]
