"""Every write of telephony, by subject: ``pbx`` (declarations and lines), ``devices``
(devices and their CSV import), ``numbers`` (public numbers and emergency numbers) and
``features`` (hunt groups, Welcome Service, Automated Attendant)."""
