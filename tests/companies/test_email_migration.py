"""Migration 0007 puts existing addresses in their one form and gives them a skeleton."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("companies", "0006_api_token_expiry_required")]
AFTER = [("companies", "0007_user_email_skeleton")]


@pytest.fixture
def back_to_the_latest_schema():
    """The test moves the schema back and forth; the tests after it need every migration applied."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_the_latest_schema")
def test_existing_addresses_are_normalised_and_look_alikes_keep_their_own_address():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Company = old.get_model("companies", "Company")
    User = old.get_model("companies", "User")
    company = Company.objects.create(
        name="Dupont SA", search_name="dupont sa", kind="customer", country="FR"
    )
    full_width = "".join(chr(ord(ch) + 0xFEE0) for ch in "anna") + "@dupont.example"
    for email, name in [
        ("Louis.Member@Dupont.Example", "Louis"),
        ("lou\u0131s.member@dupont.example", "Twin"),  # a newer look-alike, already there
        (full_width, "Anna"),
    ]:
        User.objects.create(email=email, name=name, company=company, password="!")
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("companies", "User")
    rows = {user.name: (user.email, user.email_skeleton) for user in new.objects.all()}
    assert rows == {
        "Louis": ("louis.member@dupont.example", "louis.member@dupont.example"),
        "Twin": ("lou\u0131s.member@dupont.example", None),
        "Anna": ("anna@dupont.example", "anna@dupont.example"),
    }
