"""IATI 2.03 in and out on the results tables (docs/results.md, "IATI 2.03 in and out").

``mapping``, ``cells``, ``activity``, ``export``, ``overlay`` and ``codec`` are pure;
``importing.iati_import`` and ``exporting.iati_export`` are the services; ``jobs`` the
background import. Reading and writing XML is ``cometa.interchange.iati``'s.
"""
