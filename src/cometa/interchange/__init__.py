"""Interchange formats: IATI 2.03 (``iati``, docs/iati.md); CSV/XLSX templates and XLSForm
(planned). A shared floor: it turns plain data into files and back and knows no module
above it (it imports only ``cometa.core``, never ``results``)."""
