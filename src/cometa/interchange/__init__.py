"""Interchange formats (planned): IATI 2.03, CSV/XLSX templates, XLSForm. A shared floor:
it turns plain data into files and back and knows no module above it."""
