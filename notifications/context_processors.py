from notifications.selectors import unread_count_of


def unread_notifications(request):
    """The unread badge of the left menu (signed-in company people only): loaded with the person
    by the session's backend, or one query after a write of notifications."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.company_id is None:
        return {}
    return {"unread_notifications": unread_count_of(user=user)}
