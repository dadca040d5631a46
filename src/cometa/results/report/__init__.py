"""The annual results report of an office (issue 9, section 6) and the view across offices.

``data`` holds what a report is made of, as plain frozen records; ``selectors`` reads them
for the acting person in a fixed, small number of queries (no query per outcome or
indicator); ``document`` and ``sections`` turn them into a ``cometa.reports`` Document (the
web page, PDF and Word); ``values`` lays the indicator values out in long format (CSV,
XLSX); ``files`` makes the files; ``overview`` counts outcomes on and off track by year
and region for headquarters. Only ``selectors`` touches the database.
"""
