"""Date formats by language (Django's FORMAT_MODULE_PATH): one way to write a date and one
to write a date with its time on every page, per language. Templates write
``|date:"SHORT_DATE_FORMAT"`` and ``|date:"SHORT_DATETIME_FORMAT"``; reports write dates in
full (``DATE_FORMAT``). Django's own English default, 03/05/2024, reads differently on each
side of the Atlantic, so the day comes first and the month is a word."""
