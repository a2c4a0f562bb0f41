"""Addresses in one form (NFKC, case-folded) with their look-alike skeleton, unique."""

from django.db import migrations, models


def normalise_addresses(apps, schema_editor):
    from companies.text import email_normalise, email_skeleton

    User = apps.get_model("companies", "User")
    emails: set[str] = set(User.objects.values_list("email", flat=True))
    skeletons: set[str] = set()
    # Oldest first: when two existing accounts look alike, the older one keeps the skeleton and
    # the newer one keeps signing in with its own exact address only.
    for user in User.objects.order_by("date_joined", "pk").only("pk", "email"):
        email = email_normalise(user.email)
        if email != user.email and email in emails:
            email = user.email  # another row already holds the normalised form: left as it is
        emails.add(email)
        skeleton = email_skeleton(email)
        if skeleton in skeletons:
            skeleton = None
        else:
            skeletons.add(skeleton)
        User.objects.filter(pk=user.pk).update(email=email, email_skeleton=skeleton)


class Migration(migrations.Migration):
    dependencies = [("companies", "0006_api_token_expiry_required")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="email_skeleton",
            field=models.CharField(default=None, editable=False, max_length=254, null=True),
        ),
        migrations.RunPython(normalise_addresses, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="email_skeleton",
            field=models.CharField(
                default=None, editable=False, max_length=254, null=True, unique=True
            ),
        ),
    ]
