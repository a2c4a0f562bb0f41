"""Date, time and number formats per language (``FORMAT_MODULE_PATH``).

Django's own ``en`` formats are American (11/29/2026, 6 p.m.); the portal's English readers get
British conventions instead (29/11/2026, 18:00). German and French keep Django's formats, which
already read 29.11.2026 / 29/11/2026 and 18:00.

Pages show one format per kind of value: dates ``SHORT_DATE_FORMAT``, date-times
``SHORT_DATETIME_FORMAT``, times ``TIME_FORMAT``.
"""
