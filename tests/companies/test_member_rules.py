import pytest

from companies import services
from companies.models import User
from rainbow_admin.errors import Conflict, NotAllowed, NotFound
from tests.factories import AdminFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_last_admin_cannot_be_demoted(admin):
    with pytest.raises(Conflict) as refused:
        services.member_change_role(
            actor=admin, company=admin.company, member_id=admin.pk, role="member"
        )
    assert refused.value.code == "last_admin"
    admin.refresh_from_db()
    assert admin.role == "admin"


def test_last_admin_cannot_be_deactivated(admin):
    with pytest.raises(Conflict):
        services.member_deactivate(actor=admin, company=admin.company, member_id=admin.pk)
    admin.refresh_from_db()
    assert admin.is_active


def test_an_admin_can_be_demoted_when_another_remains(admin):
    second = AdminFactory(company=admin.company)
    services.member_change_role(
        actor=admin, company=admin.company, member_id=second.pk, role="member"
    )
    second.refresh_from_db()
    assert second.role == "member"


def test_inactive_admins_do_not_count_as_remaining(admin):
    AdminFactory(company=admin.company, is_active=False)
    with pytest.raises(Conflict):
        services.member_deactivate(actor=admin, company=admin.company, member_id=admin.pk)


def test_deactivated_member_cannot_sign_in(client, admin, member):
    from tests.factories import PASSWORD

    services.member_deactivate(actor=admin, company=admin.company, member_id=member.pk)
    assert not client.login(username=member.email, password=PASSWORD)


def test_members_of_another_company_cannot_be_changed(admin):
    stranger = UserFactory()
    with pytest.raises(NotFound):
        services.member_deactivate(actor=admin, company=admin.company, member_id=stranger.pk)
    with pytest.raises(NotFound):
        services.member_deactivate(actor=admin, company=stranger.company, member_id=stranger.pk)
    stranger.refresh_from_db()
    assert stranger.is_active


def test_a_member_cannot_change_roles(admin, member):
    with pytest.raises(NotAllowed):
        services.member_change_role(
            actor=member, company=member.company, member_id=member.pk, role="admin"
        )
    member.refresh_from_db()
    assert member.role == User.Role.MEMBER
