"""Events other apps follow without ``companies`` knowing them (dependencies point one way).

Receivers run inside the service's transaction and call their own app's services.
"""

from django.dispatch import Signal

# Sent with ``member`` (the User) and ``actor`` after a member is deactivated.
member_deactivated = Signal()
# Sent with ``member`` after a member is created (licensing gives a default seat).
member_created = Signal()
# Sent with ``company``, ``old_name`` and ``actor`` after a company's name changes (its partner
# is told).
company_renamed = Signal()
