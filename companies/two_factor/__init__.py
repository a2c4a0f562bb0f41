"""Two-factor sign-in: authenticator apps (TOTP, django-otp), single-use recovery codes, and the
company policy that requires it (``Company.require_two_factor``)."""
