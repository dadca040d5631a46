"""The output adapter: a plain Document model rendered to PDF (reportlab), Word
(python-docx), CSV and XLSX, and server-rendered charts. Modules hand it plain data; it
knows no model and imports nothing of Cometa but ``core``."""
