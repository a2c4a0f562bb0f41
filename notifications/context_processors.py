from notifications.selectors import unread_count


def unread_notifications(request):
    """The unread badge of the left menu (one query, signed-in company people only)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.company_id is None:
        return {}
    return {"unread_notifications": unread_count(user=user)}
